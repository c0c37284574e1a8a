import { useId, useRef, useState } from 'preact/hooks';
import {
  annotationsFileName,
  backupFileName,
  formatBytes,
  notesFileName,
  notesToMarkdown,
  notesToWebAnnotations,
} from '@/src/core/export';
import { formatPackError } from '@/src/core/pack';
import { type BackupImportResult, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { DraftList } from './DraftList';
import { downloadText } from './download';
import { ErrorList } from './ErrorList';
import { lastBackupItem } from './last-backup';

type ImportState =
  | { step: 'idle' }
  | { step: 'importing'; name: string; size: number }
  | { step: 'done'; result: BackupImportResult }
  | { step: 'failed'; message: string };

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Everything out as one file and back in; notes as Markdown. */
export function BackupView() {
  const id = useId();
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  const exportWith = async (make: () => Promise<[string, string, string]>, isBackup = false) => {
    setExporting(true);
    setExportError(null);
    try {
      const startedAt = Date.now();
      const [name, text, type] = await make();
      downloadText(document, name, text, type);
      // Everything made before the export started is in the file: no reminder for it.
      if (isBackup) await lastBackupItem.setValue(startedAt);
    } catch (caught) {
      setExportError(errorText(caught, 'The export failed.'));
    } finally {
      setExporting(false);
    }
  };

  const importFile = async (file: File) => {
    setState({ step: 'importing', name: file.name, size: file.size });
    try {
      const json = await file.text();
      setState({ step: 'done', result: await sendMessage('importAll', { json }) });
    } catch (caught) {
      setState({ step: 'failed', message: errorText(caught, 'The backup could not be imported.') });
    }
    resultRef.current?.focus();
  };

  return (
    <>
      <header class="gloss-view-header">
        <h1>Import &amp; export</h1>
      </header>
      <section class="gloss-panel" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>Export</h2>
        <p class="gloss-muted">
          A backup holds every pack (with its on/off state), every note and your settings, in one JSON file
          that imports back without duplicates.
        </p>
        <div class="gloss-actions">
          <button
            type="button"
            class="gloss-button gloss-button-primary"
            disabled={exporting}
            onClick={() =>
              exportWith(
                async () => [
                  backupFileName(Date.now()),
                  await sendMessage('exportAll', undefined),
                  'application/json',
                ],
                true,
              )
            }
          >
            Export everything
          </button>
          <button
            type="button"
            class="gloss-button"
            disabled={exporting}
            onClick={() =>
              exportWith(async () => [
                notesFileName(Date.now()),
                notesToMarkdown(await sendMessage('listNotes', {}), Date.now()),
                'text/markdown',
              ])
            }
          >
            Export notes as Markdown
          </button>
          <button
            type="button"
            class="gloss-button"
            disabled={exporting}
            onClick={() =>
              exportWith(async () => [
                annotationsFileName(Date.now()),
                JSON.stringify(
                  notesToWebAnnotations(await sendMessage('listNotes', {}), Date.now()),
                  null,
                  2,
                ),
                'application/ld+json',
              ])
            }
          >
            Export notes as Web Annotations (JSON-LD)
          </button>
        </div>
        {exportError && (
          <p class="gloss-error" role="alert">
            {exportError}
          </p>
        )}
      </section>
      <DraftList headingId={`${id}-drafts`} />
      <section class="gloss-panel" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>Import a backup</h2>
        <p class="gloss-muted">
          Packs in the file replace installed packs with the same id; notes are merged (the newer edit wins);
          nothing is deleted.
        </p>
        <label class="gloss-button gloss-file-button">
          Choose a backup file…
          <input
            type="file"
            class="gloss-visually-hidden"
            accept=".json,application/json"
            data-testid="backup-file"
            disabled={state.step === 'importing'}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <div ref={resultRef} tabIndex={-1} class="gloss-import-result" aria-live="polite">
          {state.step === 'importing' && (
            <>
              <p>Importing {formatBytes(state.size)}…</p>
              <progress class="gloss-progress" aria-label={`Importing ${state.name}`} />
            </>
          )}
          {state.step === 'done' &&
            (state.result.ok ? (
              <>
                <p class="gloss-success" data-testid="backup-result">
                  Imported {plural(state.result.packs, 'pack')}; notes: {state.result.notesAdded} added,{' '}
                  {state.result.notesUpdated} updated, {state.result.notesKept} already up to date.
                </p>
                {state.result.skippedCount > 0 && (
                  <ErrorList
                    title={`${plural(state.result.skippedCount, 'record was', 'records were')} left out (the rest was imported):`}
                    errors={state.result.skipped}
                  />
                )}
                {state.result.repairedCount > 0 && (
                  <details class="gloss-import-repaired" data-testid="backup-repaired">
                    <summary>
                      {plural(state.result.repairedCount, 'value was', 'values were')} too long and clipped
                    </summary>
                    <ul class="gloss-error-list">
                      {state.result.repaired.map((problem, i) => (
                        <li key={i}>
                          <code>{formatPackError(problem)}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            ) : (
              <ErrorList
                title="The backup was not imported (nothing changed):"
                errors={state.result.errors}
              />
            ))}
          {state.step === 'failed' && <p class="gloss-error">{state.message}</p>}
        </div>
      </section>
    </>
  );
}
