import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { type EntityPageView, MY_KNOWLEDGE_PACK, sendMessage } from '@/src/messaging/protocol';
import { getSettings, type Settings } from '@/src/settings/settings';
import { sourcesLabel } from '../card/facts';
import { NotesSection } from '../card/NotesSection';
import { typeLabel } from '../format';
import { useLive } from '../hooks/useLive';
import { AppearsWith } from './entity/AppearsWith';
import { EntityMembers } from './entity/EntityMembers';
import { EntityAliases, EntitySources } from './entity/EntitySources';
import { FactTimeline } from './entity/FactTimeline';
import { SeenOn } from './entity/SeenOn';
import { MyKnowledgeTools } from './MyKnowledgeTools';

/** #entity/<key>: everything about one identity — its facts from every source, notes, links, history. */
export function EntityPage({ entityKey }: { entityKey: string }) {
  const live = useLive(async () => {
    const [page, settings] = await Promise.all([
      sendMessage('getEntityPage', { key: entityKey }),
      getSettings(),
    ]);
    return { page, settings };
  }, [entityKey]);

  return (
    <>
      <p class="gloss-breadcrumb">
        <a class="gloss-link" href="#knowledge">
          ← Knowledge
        </a>
      </p>
      {live.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {live.status === 'error' && <p class="gloss-error">Could not read this entity: {live.message}</p>}
      {live.status === 'ready' && live.data.page === null && (
        <>
          <h1>Entity not found</h1>
          <p class="gloss-empty">
            No entity “<bdi>{entityKey}</bdi>” in the knowledge base: its pack may have been removed. Notes
            about it are kept under Notes, marked orphaned.
          </p>
        </>
      )}
      {live.status === 'ready' && live.data.page && (
        <EntityPageBody page={live.data.page} settings={live.data.settings} onChanged={live.reload} />
      )}
    </>
  );
}

export interface EntityPageBodyProps {
  page: EntityPageView;
  settings: Pick<Settings, 'factOrder' | 'history'>;
  onChanged(): void;
  /** For tests: the background calls the page makes. */
  linkEntity?(entityKey: string, to: string | null): Promise<unknown>;
}

/** The entity page's sections, from the data the background gathered (testable without it). */
export function EntityPageBody({ page, settings, onChanged, linkEntity }: EntityPageBodyProps) {
  const { entity, identity } = page;
  const mine = page.entity.packId === MY_KNOWLEDGE_PACK;
  return (
    <div class="gloss-entity-page" data-identity={identity.id}>
      <EntityHeader page={page} />

      <Panel title="Timeline">
        <FactTimeline facts={page.facts} order={settings.factOrder} />
      </Panel>
      <Panel title="Sources">
        <EntitySources sources={page.sources} />
      </Panel>
      <Panel title="Names and aliases">
        <EntityAliases aliases={page.aliases} />
      </Panel>
      <Panel title="Linked entities">
        <p class="gloss-hint-line">
          The packs’ entities that are this one. Unlink one that is something else; link one that is the same
          thing as another entity.
        </p>
        <EntityMembers
          identityId={identity.id}
          members={page.members}
          onChanged={onChanged}
          linkEntity={linkEntity}
        />
      </Panel>
      <div class="gloss-panel">
        <IdentityNotes identityId={identity.id} notes={page.notes} />
      </div>
      <Panel title="Appears with">
        <AppearsWith items={page.appearsWith} />
      </Panel>
      <Panel title="Seen on">
        <SeenOn pages={page.seenOn} historyOn={settings.history} />
      </Panel>
      {mine ? (
        <MyKnowledgeTools
          view={{
            ...page,
            // Edits go to the My-knowledge entity itself: a page opened by identity id names the
            // identity in entity.key, and other members' pack facts are not this tool's to edit.
            entity: {
              ...entity,
              key: page.members.find((m) => m.packId === MY_KNOWLEDGE_PACK)?.key ?? entity.key,
            },
            facts: page.facts.filter((f) => f.packId === MY_KNOWLEDGE_PACK),
          }}
        />
      ) : (
        <p class="gloss-panel gloss-muted">
          Pack entities and their facts are changed by importing a new version of their pack; your own
          entities (in My knowledge) can be edited on their page.
        </p>
      )}
    </div>
  );
}

/** The entity's name, type and description, and how many sources in which packs speak of it. */
function EntityHeader({ page }: { page: EntityPageView }) {
  const { entity, identity } = page;
  return (
    <>
      <header class="gloss-view-header gloss-entity-header">
        <h1>
          <bdi>{entity.name}</bdi>
        </h1>
        <span class="gloss-type">{typeLabel(entity.type)}</span>
      </header>
      {entity.description && (
        <p class="gloss-entity-description" dir="auto">
          {entity.description}
        </p>
      )}
      <p class="gloss-muted" data-testid="source-count">
        {sourcesLabel(identity.sourceCount)} in{' '}
        {identity.packs.map((pack, i) => (
          <span key={pack.id}>
            {i > 0 && ', '}
            <bdi>{pack.title}</bdi>
          </span>
        ))}
      </p>
    </>
  );
}

/** The reader's notes on the identity, written, edited and deleted through the background. */
function IdentityNotes({ identityId, notes }: { identityId: string; notes: EntityPageView['notes'] }) {
  return (
    <NotesSection
      draftFor={identityId}
      notes={notes}
      headingLevel={2}
      onAddNote={(text) =>
        sendMessage('createNote', { entityKey: identityId, text, pageUrl: '', pageTitle: '', quote: '' })
      }
      onEditNote={(id, text, baseVersion) => sendMessage('updateNote', { id, text, baseVersion })}
      onDeleteNote={(id) => sendMessage('deleteNote', { id })}
    />
  );
}

function Panel({ title, children }: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="gloss-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
