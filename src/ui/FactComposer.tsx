import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type EntityType, MY_KNOWLEDGE_PACK } from '@/src/core/vocabulary';
import type { EntitySummary } from '@/src/messaging/protocol';
import { typeLabel } from './format';
import { useDebouncedQuery } from './hooks/useDebouncedQuery';
import { knowledgeChange, useLive } from './hooks/useLive';
import type { ComposerApi, SelectionComposerProps } from './SelectionComposer';
import { TypeSelect } from './TypeSelect';

type About = { entity: EntitySummary } | { name: string; type: EntityType };

/**
 * Picks the entity a selected text is a fact about (search, or a new one) and saves the fact in
 * "My knowledge". Facts belong to the pack of their entity and packs are replaced whole on
 * update, so a fact about a pack's entity goes to a "My knowledge" entity of the same name and
 * type (made on first use, reused after).
 */
export function FactComposer(props: SelectionComposerProps & { initialText: string }) {
  const { api } = props;
  const [query, setQuery] = useState('');
  const [newType, setNewType] = useState<EntityType>('other');
  const [about, setAbout] = useState<About | null>(null);
  const [text, setText] = useState(props.initialText);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  // At once, so the first keys typed after the menu click are not lost.
  useLayoutEffect(() => {
    if (!about) search.current?.focus();
  }, [about]);
  const settled = useDebouncedQuery(query).query;
  const found = useLive(() => api.listEntities(settled), [settled, api], knowledgeChange);
  const results = found.status === 'ready' ? found.data : [];

  const save = async () => {
    if (!about || !text.trim() || saving) return;
    setSaving(true);
    setError(null);
    try {
      const web = /^https?:\/\//i.test(props.pageUrl) ? props.pageUrl.split('#')[0] : undefined;
      await api.saveFact({
        entityKey: await ownEntityKey(api, about),
        text: text.trim(),
        quote: props.sentence,
        sourceTitle: props.pageTitle.trim() || props.pageUrl,
        ...(web ? { sourceUrl: web } : {}),
      });
      props.onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setSaving(false);
    }
  };

  if (!about) {
    return (
      <EntityChooser
        search={search}
        query={query}
        onQuery={setQuery}
        results={results}
        newType={newType}
        onNewType={setNewType}
        onChoose={setAbout}
      />
    );
  }
  return (
    <FactText
      name={'entity' in about ? about.entity.name : about.name.trim()}
      onChange={() => setAbout(null)}
      text={text}
      onText={setText}
      error={error}
      saving={saving}
      onSave={save}
      onCancel={props.onClose}
    />
  );
}

/** The key of the "My knowledge" entity the fact goes to: the chosen one, or its namesake there. */
async function ownEntityKey(api: ComposerApi, target: About): Promise<string> {
  if ('entity' in target && target.entity.packId === MY_KNOWLEDGE_PACK) return target.entity.key;
  const name = 'entity' in target ? target.entity.name : target.name.trim();
  const type = 'entity' in target ? target.entity.type : target.type;
  const mine = await api.listEntities(name, MY_KNOWLEDGE_PACK);
  const same = mine.find((e) => e.name === name && e.type === type);
  return same ? same.key : (await api.saveEntity({ name, type, aliases: [] })).key;
}

/** "About which entity?": the search, its results, and a new entity named as typed. */
function EntityChooser(props: {
  search: Ref<HTMLInputElement>;
  query: string;
  onQuery(query: string): void;
  results: EntitySummary[];
  newType: EntityType;
  onNewType(type: EntityType): void;
  onChoose(about: About): void;
}) {
  const { query, newType } = props;
  return (
    <div class="gloss-picker">
      <label class="gloss-label" for="gloss-fact-about">
        About which entity?
      </label>
      <input
        id="gloss-fact-about"
        ref={props.search}
        class="gloss-textarea"
        type="search"
        value={query}
        placeholder="Type a name"
        onInput={(event) => props.onQuery(event.currentTarget.value)}
      />
      <ul class="gloss-list">
        {props.results.map((entity) => (
          <li key={entity.key}>
            <button type="button" class="gloss-choice" onClick={() => props.onChoose({ entity })}>
              <bdi>{entity.name}</bdi> <span class="gloss-type">{typeLabel(entity.type)}</span>
            </button>
          </li>
        ))}
      </ul>
      {query.trim() && (
        <div class="gloss-actions">
          <TypeSelect
            class="gloss-button"
            label="Type of the new entity"
            value={newType}
            onChange={props.onNewType}
          />
          <button
            type="button"
            class="gloss-button"
            onClick={() => props.onChoose({ name: query, type: newType })}
          >
            New entity “{query.trim()}”
          </button>
        </div>
      )}
    </div>
  );
}

/** The fact's text about the chosen entity, with Save and Cancel. */
function FactText(props: {
  name: string;
  onChange(): void;
  text: string;
  onText(text: string): void;
  error: string | null;
  saving: boolean;
  onSave(): void;
  onCancel(): void;
}) {
  const { text, error, saving } = props;
  return (
    <form class="gloss-note-form" onSubmit={(event) => event.preventDefault()}>
      <p>
        About <strong>{props.name}</strong>{' '}
        <button type="button" class="gloss-button gloss-button-small" onClick={props.onChange}>
          Change
        </button>
      </p>
      <label class="gloss-label" for="gloss-fact-text">
        Fact
      </label>
      <textarea
        id="gloss-fact-text"
        class="gloss-textarea"
        rows={3}
        dir="auto"
        value={text}
        onInput={(event) => props.onText(event.currentTarget.value)}
      />
      {error && (
        <p class="gloss-error" role="alert">
          <bdi>{error}</bdi>
        </p>
      )}
      <div class="gloss-actions">
        <button
          type="button"
          class="gloss-button gloss-button-primary"
          disabled={saving || !text.trim()}
          onClick={props.onSave}
        >
          {saving ? 'Saving…' : 'Save fact'}
        </button>
        <button type="button" class="gloss-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
