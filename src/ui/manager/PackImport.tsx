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
  const [dragging, setDragging] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  const open = async (file: File) => {
    const json = await file.text();
    setState({ step: 'preview', name: file.name, size: file.size, json, validation: validatePack(json) });
    panelRef.current?.focus();
  };

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
      if (file) void open(file);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
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
        {state.step === 'done' &&
          (state.result.ok ? (
            <p class="gloss-success">
              Imported “<bdi>{state.result.title}</bdi>”: {state.result.entities} entities,{' '}
              {state.result.facts} facts
              {state.result.replaced ? ' (replaced the installed version)' : ''}.
            </p>
          ) : (
            <ErrorList title="The pack was not imported:" errors={state.result.errors} />
          ))}
        {state.step === 'failed' && <p class="gloss-error">{state.message}</p>}
      </div>
    </section>
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
