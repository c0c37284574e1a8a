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
  return (
    <>
      <header class="gloss-view-header">
        <h1>Import &amp; export</h1>
      </header>
      <ExportSection headingId={`${id}-export`} />
      <DraftList headingId={`${id}-drafts`} />
      <ImportSection headingId={`${id}-import`} />
    </>
  );
}

/** Export: the whole backup, or the notes as Markdown or Web Annotations. */
function ExportSection({ headingId }: { headingId: string }) {
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

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

  return (
    <section class="gloss-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export</h2>
      <p class="gloss-muted">
        A backup holds every pack (with its on/off state), every note and your settings, in one JSON file that
        imports back without duplicates.
      </p>
      <div class="gloss-actions">
        <button
          type="button"
          class="gloss-button gloss-button-primary"
          disabled={exporting}
          onClick={() => exportWith(makeBackup, true)}
        >
          Export everything
        </button>
        <button
          type="button"
          class="gloss-button"
          disabled={exporting}
          onClick={() => exportWith(makeNotesMarkdown)}
        >
          Export notes as Markdown
        </button>
        <button
          type="button"
          class="gloss-button"
          disabled={exporting}
          onClick={() => exportWith(makeWebAnnotations)}
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
  );
}

/** Each export as [file name, text, media type]. */
const makeBackup = async (): Promise<[string, string, string]> => [
  backupFileName(Date.now()),
  await sendMessage('exportAll', undefined),
  'application/json',
];

const makeNotesMarkdown = async (): Promise<[string, string, string]> => [
  notesFileName(Date.now()),
  notesToMarkdown(await sendMessage('listNotes', {}), Date.now()),
  'text/markdown',
];

const makeWebAnnotations = async (): Promise<[string, string, string]> => [
  annotationsFileName(Date.now()),
  JSON.stringify(notesToWebAnnotations(await sendMessage('listNotes', {}), Date.now()), null, 2),
  'application/ld+json',
];

/** Import a backup file, then what came in, what was left out and what was clipped. */
function ImportSection({ headingId }: { headingId: string }) {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

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
    <section class="gloss-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Import a backup</h2>
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
        {state.step === 'done' && <ImportResult result={state.result} />}
        {state.step === 'failed' && <p class="gloss-error">{state.message}</p>}
      </div>
    </section>
  );
}

/** What the import did: counts, records left out, values clipped; or why nothing was imported. */
function ImportResult({ result }: { result: BackupImportResult }) {
  if (!result.ok) {
    return <ErrorList title="The backup was not imported (nothing changed):" errors={result.errors} />;
  }
  return (
    <>
      <p class="gloss-success" data-testid="backup-result">
        Imported {plural(result.packs, 'pack')}; notes: {result.notesAdded} added, {result.notesUpdated}{' '}
        updated, {result.notesKept} already up to date.
      </p>
      {result.skippedCount > 0 && (
        <ErrorList
          title={`${plural(result.skippedCount, 'record was', 'records were')} left out (the rest was imported):`}
          errors={result.skipped}
        />
      )}
      {result.repairedCount > 0 && (
        <details class="gloss-import-repaired" data-testid="backup-repaired">
          <summary>{plural(result.repairedCount, 'value was', 'values were')} too long and clipped</summary>
          <ul class="gloss-error-list">
            {result.repaired.map((problem, i) => (
              <li key={i}>
                <code>{formatPackError(problem)}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
