import { useState } from 'preact/hooks';
import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { FormFooter } from './FormFooter';
import { useFocusOnMount } from './focus';

export interface FactFormProps {
  entityKey: string;
  /** The fact to edit; absent for a new one. */
  fact?: EntityView['facts'][number];
  onDone(): void;
}

/** Add or edit a fact of "My knowledge": the claim, the sentence it rests on, and its source. */
export function FactForm({ entityKey, fact, onDone }: FactFormProps) {
  const focusRef = useFocusOnMount<HTMLTextAreaElement>();
  const [text, setText] = useState(fact?.text ?? '');
  const [quote, setQuote] = useState(fact?.quote ?? '');
  const [sourceTitle, setSourceTitle] = useState(fact?.source?.title ?? '');
  const [sourceUrl, setSourceUrl] = useState(fact?.source?.url ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const url = sourceUrl.trim();
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      setError('The source link must start with http:// or https://.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendMessage('saveFact', {
        ...(fact ? { key: fact.key } : {}),
        entityKey,
        text: text.trim(),
        quote: quote.trim() || text.trim(),
        sourceTitle: sourceTitle.trim(),
        ...(url ? { sourceUrl: url } : {}),
      });
      onDone();
    } catch (caught) {
      setError(errorText(caught, 'The fact could not be saved.'));
      setBusy(false);
    }
  };

  return (
    <form
      class="gloss-form"
      aria-label={fact ? 'Edit fact' : 'New fact'}
      onSubmit={save}
      onKeyDown={(event) => event.key === 'Escape' && onDone()}
    >
      <label class="gloss-field">
        <span class="gloss-label">Fact</span>
        <textarea
          class="gloss-textarea"
          rows={2}
          required
          ref={focusRef}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Source sentence (verbatim; the fact itself when empty)</span>
        <textarea
          class="gloss-textarea"
          rows={2}
          value={quote}
          onInput={(e) => setQuote(e.currentTarget.value)}
        />
      </label>
      <SourceFields title={sourceTitle} url={sourceUrl} onTitle={setSourceTitle} onUrl={setSourceUrl} />
      <FormFooter error={error} busy={busy} saveLabel={fact ? 'Save fact' : 'Add fact'} onCancel={onDone} />
    </form>
  );
}

/** Where the fact comes from: a title, and a link if there is one. */
function SourceFields(props: {
  title: string;
  url: string;
  onTitle(title: string): void;
  onUrl(url: string): void;
}) {
  return (
    <>
      <label class="gloss-field">
        <span class="gloss-label">Source title</span>
        <input
          class="gloss-input"
          required
          value={props.title}
          onInput={(e) => props.onTitle(e.currentTarget.value)}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Source link (optional)</span>
        <input
          class="gloss-input"
          type="url"
          value={props.url}
          placeholder="https://"
          onInput={(e) => props.onUrl(e.currentTarget.value)}
        />
      </label>
    </>
  );
}
