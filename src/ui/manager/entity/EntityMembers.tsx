import { useState } from 'preact/hooks';
import { type EntityPageView, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../../hooks/useLive';
import { EntityPicker } from '../EntityPicker';
import { entityHref } from '../route';

export interface EntityMembersProps {
  identityId: string;
  members: EntityPageView['members'];
  /** After a link or unlink: the page reloads (the background also announces the change). */
  onChanged(): void;
  /** Sends the change; the manager passes the background call, tests a fake. */
  linkEntity?(entityKey: string, to: string | null): Promise<unknown>;
}

type Done = { kind: 'unlinked' | 'linked'; key: string; name: string } | null;

/**
 * The packs' entities this identity joins: each can be unlinked into an entity of its own, or
 * linked to another identity. Both are remembered (also across pack upgrades and in backups).
 */
export function EntityMembers(props: EntityMembersProps) {
  const { identityId, members, onChanged } = props;
  const link = props.linkEntity ?? ((entityKey, to) => sendMessage('linkEntity', { entityKey, to }));
  const [picking, setPicking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done>(null);

  const change = async (member: Member, to: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await link(member.key, to);
      setDone({ kind: to === null ? 'unlinked' : 'linked', key: to ?? member.key, name: member.name });
      setPicking(null);
      onChanged();
    } catch (caught) {
      setError(errorText(caught, 'That did not work.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ul class="gloss-list gloss-members" data-testid="members">
        {members.map((member) => (
          <MemberRow
            key={member.key}
            member={member}
            canUnlink={members.length > 1}
            busy={busy}
            picking={picking === member.key}
            setPicking={(on) => setPicking(on ? member.key : null)}
            onLink={async (to) => {
              if (to === identityId) setPicking(null);
              else await change(member, to);
            }}
            onUnlink={() => change(member, null)}
          />
        ))}
      </ul>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <DoneStatus done={done} />
    </>
  );
}

type Member = EntityPageView['members'][number];

/** One member: its name and pack, with Unlink (when it is not the only one) and Link to…. */
function MemberRow(props: {
  member: Member;
  canUnlink: boolean;
  busy: boolean;
  picking: boolean;
  setPicking(on: boolean): void;
  /** The identity picked to link to. */
  onLink(to: string): Promise<void>;
  onUnlink(): void;
}) {
  const { member, busy, picking, setPicking } = props;
  return (
    <li class="gloss-member" data-member-key={member.key}>
      <div class="gloss-entity-row">
        <bdi class="gloss-member-name">{member.name}</bdi>{' '}
        <span class="gloss-muted">
          in <bdi>{member.packTitle}</bdi>
        </span>
        {member.manual && <span class="gloss-badge">Linked by you</span>}
        <span class="gloss-member-actions">
          {props.canUnlink && (
            <button
              type="button"
              class="gloss-button gloss-button-small"
              disabled={busy}
              aria-label={`Unlink ${member.name} (${member.packTitle})`}
              onClick={props.onUnlink}
            >
              Unlink
            </button>
          )}
          <button
            type="button"
            class="gloss-button gloss-button-small"
            disabled={busy}
            aria-label={`Link to… (${member.name}, ${member.packTitle})`}
            aria-expanded={picking}
            onClick={() => setPicking(!picking)}
          >
            Link to…
          </button>
        </span>
      </div>
      {picking && (
        <EntityPicker
          label={`Link “${member.name}” to`}
          onPick={(target) => props.onLink(target.key)}
          onCancel={() => setPicking(false)}
        />
      )}
    </li>
  );
}

/** What the last link or unlink did, with a link to where the member went. */
function DoneStatus({ done }: { done: Done }) {
  return (
    <p class="gloss-muted" role="status">
      {done?.kind === 'unlinked' && (
        <>
          “<bdi>{done.name}</bdi>” is now an entity of its own:{' '}
          <a class="gloss-link" href={entityHref(done.key)}>
            open it
          </a>
          .
        </>
      )}
      {done?.kind === 'linked' && (
        <>
          “<bdi>{done.name}</bdi>” is linked.{' '}
          <a class="gloss-link" href={entityHref(done.key)}>
            Open the entity it joined
          </a>
          .
        </>
      )}
    </p>
  );
}
