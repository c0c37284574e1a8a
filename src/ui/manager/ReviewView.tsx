import { useEffect, useState } from 'preact/hooks';
import { type PackError, validatePack } from '@/src/core/pack';
import {
  addCandidate,
  type Candidate,
  candidatesOf,
  mergeCandidates,
  packFromCandidates,
} from '@/src/core/review';
import { type Draft, type ImportResult, type LinkPreview, sendMessage } from '@/src/messaging/protocol';
import { formatDate } from '../format';
import { errorText } from '../hooks/useLive';
import { AddCandidate } from './AddCandidate';
import { CandidateRow } from './CandidateRow';
import { ErrorList } from './ErrorList';
import type { ManualLink } from './LinkChoice';
import { routeHash } from './route';

type Outcome = { kind: 'saved'; result: Extract<ImportResult, { ok: true }> } | { kind: 'discarded' } | null;

/** A captured article's candidates, reviewed before anything becomes a pack. */
export function ReviewView({ draftId }: { draftId: string }) {
  const [errors, setErrors] = useState<PackError[]>([]);
  const { busy, failure, setFailure, run } = useRun();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { draft, candidates, setCandidates, title, setTitle, previews } = useCaptureDraft(
    draftId,
    setFailure,
  );
  // The reviewer's own link choices, by pack entity id.
  const [links, setLinks] = useState<Record<string, ManualLink>>({});

  const save = () =>
    run(async () => {
      if (!draft) return;
      const pack = packFromCandidates(draft.pack, candidates, title);
      const checked = validatePack(pack);
      const result = checked.ok
        ? await sendMessage('saveDraft', { id: draftId, pack, links: linkChoices(links, pack) })
        : checked;
      if (result.ok) setOutcome({ kind: 'saved', result });
      else setErrors(result.errors);
    });

  if (outcome?.kind === 'saved') return <Saved result={outcome.result} />;
  if (outcome?.kind === 'discarded') return <p class="gloss-empty">The capture was discarded.</p>;
  if (failure && draft === undefined) return <p class="gloss-error">{failure}</p>;
  if (draft === undefined) return <p class="gloss-muted">Loading…</p>;
  if (draft === null) return <p class="gloss-empty">This capture was already saved or discarded.</p>;

  return (
    <>
      <ArticleHeader article={draft.article} />
      <CandidatesPanel
        article={draft.article}
        candidates={candidates}
        setCandidates={setCandidates}
        title={title}
        setTitle={setTitle}
        previews={previews}
        links={links}
        setLinks={setLinks}
      />
      {errors.length > 0 && <ErrorList title="The pack was not saved:" errors={errors} />}
      {failure && (
        <p class="gloss-error" role="alert">
          {failure}
        </p>
      )}
      <div class="gloss-actions">
        <button type="button" class="gloss-button gloss-button-primary" disabled={busy} onClick={save}>
          Save as a pack
        </button>
        <button
          type="button"
          class="gloss-button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await sendMessage('discardDraft', { id: draftId });
              setOutcome({ kind: 'discarded' });
            })
          }
        >
          Discard
        </button>
      </div>
    </>
  );
}

/** Runs one action at a time: busy while it runs, its error kept as the failure to show. */
function useRun() {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (caught) {
      setFailure(errorText(caught, 'That did not work.'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}

/** Reads the capture, its candidates and pack title, and (in the background) how each would link. */
function useCaptureDraft(draftId: string, setFailure: (failure: string) => void) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [title, setTitle] = useState('');
  // How each entity would link, by pack entity id.
  const [previews, setPreviews] = useState<Record<string, LinkPreview>>({});

  useEffect(() => {
    sendMessage('getDraft', { id: draftId }).then(
      (loaded) => {
        setDraft(loaded);
        if (loaded) {
          setCandidates(candidatesOf(loaded.pack));
          setTitle(loaded.pack.pack.title);
          // Without a preview every entity shows as new: the review still works, only less informed.
          sendMessage('previewLinks', { pack: loaded.pack }).then(
            (found) => setPreviews(found ?? {}),
            () => {},
          );
        }
      },
      (caught: unknown) => setFailure(errorText(caught, 'Gloss could not read this capture.')),
    );
  }, [draftId]);

  return { draft, candidates, setCandidates, title, setTitle, previews };
}

function Saved({ result }: { result: Extract<ImportResult, { ok: true }> }) {
  return (
    <section class="gloss-panel" data-testid="review-saved">
      <h1>Saved</h1>
      <p class="gloss-success" role="status">
        “{result.title}” is {result.replaced ? 'updated' : 'in your knowledge'}: {result.entities} entities,{' '}
        {result.facts} facts.
      </p>
      <a class="gloss-link" href={routeHash({ view: 'knowledge' })}>
        See your knowledge
      </a>
    </section>
  );
}

type Article = Draft['article'];

function ArticleHeader({ article }: { article: Article }) {
  return (
    <header class="gloss-view-header">
      <h1>Review the capture</h1>
      <p class="gloss-muted">
        <bdi>{article.title}</bdi>
        {article.siteName && <> · {article.siteName}</>}
        {article.byline && <> · {article.byline}</>}
        {article.publishedAt && <> · {formatDate(article.publishedAt)}</>}
      </p>
      <p class="gloss-muted">Nothing is saved until you save it as a pack.</p>
    </header>
  );
}

interface CandidatesPanelProps {
  article: Article;
  candidates: Candidate[];
  setCandidates(candidates: Candidate[]): void;
  title: string;
  setTitle(title: string): void;
  previews: Record<string, LinkPreview>;
  links: Record<string, ManualLink>;
  setLinks(links: Record<string, ManualLink>): void;
}

/** The pack title and the candidates: the first 20 by salience, the rest folded, and one to add. */
function CandidatesPanel(props: CandidatesPanelProps) {
  const { article, candidates, setCandidates, previews, links, setLinks } = props;
  const kept = candidates.filter((c) => c.keep).length;
  // Past the first 20 by salience: collapsed, not kept unless the reviewer keeps them.
  const more = candidates.filter((c) => c.more);
  const row = (c: Candidate) => (
    <CandidateRow
      key={c.id}
      candidate={c}
      others={candidates.filter((o) => o.id !== c.id)}
      onChange={(next) => setCandidates(candidates.map((o) => (o.id === c.id ? next : o)))}
      onMerge={(into) => setCandidates(mergeCandidates(candidates, c.id, into))}
      preview={previews[c.id]}
      link={links[c.id]}
      onLink={(choice) => setLinks(withChoice(links, c.id, choice))}
    />
  );
  return (
    <section class="gloss-panel">
      <label class="gloss-field gloss-field-wide">
        <span class="gloss-label">Pack title</span>
        <input
          class="gloss-input"
          value={props.title}
          onInput={(event) => props.setTitle(event.currentTarget.value)}
        />
      </label>
      <p class="gloss-muted" aria-live="polite">
        {kept} of {candidates.length} entities kept
      </p>
      <ul class="gloss-list gloss-candidates" aria-label="Entities found">
        {candidates.filter((c) => !c.more).map(row)}
      </ul>
      {more.length > 0 && (
        <details class="gloss-more-candidates" data-testid="more-candidates">
          <summary>More candidates ({more.length})</summary>
          <ul class="gloss-list gloss-candidates" aria-label="More candidates">
            {more.map(row)}
          </ul>
        </details>
      )}
      <AddCandidate
        onAdd={(name, type) =>
          setCandidates(addCandidate(candidates, name, type, article.text, article.language ?? 'en'))
        }
      />
    </section>
  );
}

function withChoice(links: Record<string, ManualLink>, id: string, choice: ManualLink | undefined) {
  const next = { ...links };
  if (choice === undefined) delete next[id];
  else next[id] = choice;
  return next;
}

/** The reviewer's choices for saveDraft, for the entities the pack still has (identity key, or null = apart). */
function linkChoices(links: Record<string, ManualLink>, pack: { entities: Array<{ id: string }> }) {
  const ids = new Set(pack.entities.map((e) => e.id));
  const out: Record<string, string | null> = {};
  for (const [id, choice] of Object.entries(links)) if (ids.has(id)) out[id] = choice.to;
  return out;
}
