import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/src/core/export';
import { type PackValidation, validatePack } from '@/src/core/pack';
import { type ImportResult, type PackSummary, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { ErrorList } from './ErrorList';

type State =
  | { step: 'idle' }
  | { step: 'preview'; name: string; size: number; json: string; validation: PackValidation }
  | { step: 'importing'; name: string; size: number }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; message: string };

/**
 * Import a pack file, picked or dropped anywhere on the page: first a preview of what it adds
 * (validated here, errors named by JSON path), then the import itself.
 */
export function PackImport({ packs }: { packs: PackSummary[] }) {
  const id = useId();
  const [state, setState] = useState<State>({ step: 'idle' });
  const panelRef = useRef<HTMLDivElement>(null);

  const open = async (file: File) => {
    const json = await file.text();
    setState({ step: 'preview', name: file.name, size: file.size, json, validation: validatePack(json) });
    panelRef.current?.focus();
  };
  const dragging = useDroppedFile(document, open);
  // The first import after the browser starts links against an index the background must build
  // (seconds with 100,000 identities): asked for as the view opens, it is ready when a file is.
  useEffect(() => {
    sendMessage('warmLinkIndex', undefined).catch(() => {});
  }, []);

  const runImport = async (name: string, size: number, json: string) => {
    setState({ step: 'importing', name, size });
    try {
      setState({ step: 'done', result: await sendMessage('importPack', { json }) });
    } catch (caught) {
      setState({ step: 'failed', message: errorText(caught, 'The pack could not be imported.') });
    }
    panelRef.current?.focus();
  };

  return (
    <section
      class={`gloss-panel gloss-dropzone${dragging ? ' gloss-dragging' : ''}`}
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>Import a pack</h2>
      <p class="gloss-muted">Choose a .gloss-pack.json file, or drop it anywhere on this page.</p>
      <label class="gloss-button gloss-file-button">
        Choose a pack file…
        <input
          type="file"
          class="gloss-visually-hidden"
          accept=".json,application/json"
          data-testid="pack-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void open(file);
          }}
        />
      </label>
      <div ref={panelRef} tabIndex={-1} class="gloss-import-result" aria-live="polite">
        {state.step === 'preview' && (
          <Preview
            name={state.name}
            size={state.size}
            validation={state.validation}
            packs={packs}
            onImport={() => runImport(state.name, state.size, state.json)}
            onCancel={() => setState({ step: 'idle' })}
          />
        )}
        {state.step === 'importing' && (
          <>
            <p>
              Importing {state.name} ({formatBytes(state.size)})…
            </p>
            <progress class="gloss-progress" aria-label="Importing" />
          </>
        )}
        {state.step === 'done' && <PackImportResult result={state.result} />}
        {state.step === 'failed' && <p class="gloss-error">{state.message}</p>}
      </div>
    </section>
  );
}

/**
 * Whether a file is being dragged over the page, and the file dropped anywhere on it. Only drags
 * that carry files count, so dragging a link or text around the page changes nothing.
 */
function useDroppedFile(doc: Document, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => event.relatedTarget === null && setDragging(false);
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void onFile(file);
    };
    doc.addEventListener('dragover', over);
    doc.addEventListener('dragleave', leave);
    doc.addEventListener('drop', drop);
    return () => {
      doc.removeEventListener('dragover', over);
      doc.removeEventListener('dragleave', leave);
      doc.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

/** What the import added, or why the pack was not imported. */
function PackImportResult({ result }: { result: ImportResult }) {
  if (!result.ok) return <ErrorList title="The pack was not imported:" errors={result.errors} />;
  return (
    <p class="gloss-success">
      Imported “<bdi>{result.title}</bdi>”: {result.entities} entities, {result.facts} facts
      {result.replaced ? ' (replaced the installed version)' : ''}.
    </p>
  );
}

interface PreviewProps {
  name: string;
  size: number;
  validation: PackValidation;
  packs: PackSummary[];
  onImport(): void;
  onCancel(): void;
}

function Preview({ name, size, validation, packs, onImport, onCancel }: PreviewProps) {
  if (!validation.ok) {
    return (
      <>
        <ErrorList title={`${name} is not a pack Gloss can import:`} errors={validation.errors} />
        <button type="button" class="gloss-button" onClick={onCancel}>
          Close
        </button>
      </>
    );
  }
  const { pack } = validation;
  const installed = packs.find((p) => p.id === pack.pack.id);
  return (
    <div class="gloss-preview">
      <h3>
        <bdi>{pack.pack.title}</bdi>
      </h3>
      {pack.pack.description && <p dir="auto">{pack.pack.description}</p>}
      <p class="gloss-muted">
        {name} · {formatBytes(size)} · {pack.entities.length} entities · {pack.facts.length} facts ·{' '}
        {pack.sources.length} sources
      </p>
      {installed && (
        <p class="gloss-warning">
          Replaces the installed pack “<bdi>{installed.title}</bdi>” (version {installed.version},{' '}
          {installed.entityCount} entities). Your notes are kept.
        </p>
      )}
      <div class="gloss-actions">
        <button type="button" class="gloss-button gloss-button-primary" onClick={onImport}>
          {installed ? 'Replace pack' : 'Import pack'}
        </button>
        <button type="button" class="gloss-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
