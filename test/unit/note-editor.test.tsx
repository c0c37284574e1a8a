// @vitest-environment happy-dom
// The note editor keeps what the user typed: through a card that reloads its data in place, a
// card that closes and opens again (a draft in extension storage), and a save that collides with
// one made in another tab (both texts shown, the user chooses).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NoteConflictError } from '@/src/background/notes';
import type { NoteRecord } from '@/src/core/records';
import type { EntityView } from '@/src/messaging/protocol';
import { EntityCard, type EntityCardProps } from '@/src/ui/EntityCard';
import { draftKeys, readDraft } from '@/src/ui/note-drafts';
import { testRoot } from './ui-fixtures';

const NOW = Date.UTC(2024, 6, 1, 12, 0);

function note(fields: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: 'n1',
    entityKey: 'de/wiesbaden',
    entityName: 'Wiesbaden',
    text: 'Visited in May.',
    pageUrl: '',
    pageTitle: '',
    quote: '',
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  };
}

function view(factText = 'Hosts the command.', notes = [note()]): EntityView {
  return {
    entity: {
      key: 'de/wiesbaden',
      packId: 'de',
      id: 'wiesbaden',
      name: 'Wiesbaden',
      type: 'place',
      aliases: [],
      terms: ['wiesbaden'],
      position: 0,
    },
    pack: { id: 'de', title: 'Germany 2024' },
    identity: {
      id: 'i:wiesbaden',
      sourceCount: 1,
      packs: [{ id: 'de', title: 'Germany 2024' }],
      memberKeys: ['de/wiesbaden'],
    },
    facts: [
      {
        key: 'de/f1',
        packId: 'de',
        id: 'f1',
        entityKey: 'de/wiesbaden',
        sourceKey: 'de/s',
        text: factText,
        quote: '',
        position: 0,
        source: null,
        alsoIn: [],
      },
    ],
    notes,
  };
}

beforeEach(() => fakeBrowser.reset());
const container = testRoot();

const props = (overrides: Partial<EntityCardProps> = {}): EntityCardProps => ({
  view: view(),
  onAddNote: vi.fn(async () => {}),
  onEditNote: vi.fn(async () => {}),
  now: NOW,
  ...overrides,
});
const show = (p: EntityCardProps) => act(() => render(<EntityCard {...p} />, container));
const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const buttonNamed = (name: string) =>
  [...container.querySelectorAll<HTMLButtonElement>('button')].find(
    (button) => (button.getAttribute('aria-label') ?? button.textContent) === name,
  );
/** Settle promises, storage reads and the re-renders they cause. */
const flush = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
async function click(element: HTMLElement | undefined | null) {
  expect(element).toBeTruthy();
  await act(() => element!.click());
}
async function type(text: string) {
  const textarea = $<HTMLTextAreaElement>('textarea')!;
  await act(() => {
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
}

describe('the card refreshes its data in place', () => {
  it('keeps the open editor and its text when the entity data changes', async () => {
    const p = props();
    await show(p);
    await click(buttonNamed('Add note'));
    await type('Half a tho');
    const textarea = $('textarea');
    // Knowledge changed elsewhere (a pack toggled, a fact saved): the host passes the new view.
    await show({
      ...p,
      view: view('Hosts the NATO command.', [note(), note({ id: 'n2', text: 'Other tab' })]),
    });
    expect(container.textContent).toContain('Hosts the NATO command.');
    expect(container.textContent).toContain('Other tab');
    expect($('textarea')).toBe(textarea);
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Half a tho');
  });
});

describe('unsent text is kept as a draft', () => {
  // Notes attach to the identity, so a new note's draft is kept per identity: the same text comes
  // back whichever pack's entity the card was opened from.
  const NEW_NOTE_DRAFT = draftKeys.newNote('i:wiesbaden');
  it('comes back when the card closes and the editor opens again; saving clears it', async () => {
    const p = props();
    await show(p);
    await click(buttonNamed('Add note'));
    await type('Half a thought');
    // The card closes (moved away, or reloaded by the page) before the typing pause is over.
    await act(() => render(null, container));
    await flush();
    expect((await readDraft(NEW_NOTE_DRAFT))?.text).toBe('Half a thought');

    await show(p);
    await click(buttonNamed('Add note'));
    await flush();
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Half a thought');
    expect(container.textContent).toContain('Your unsaved text is back.');

    await type('Half a thought, finished.');
    await click(buttonNamed('Save'));
    await flush();
    expect(p.onAddNote).toHaveBeenCalledWith('Half a thought, finished.');
    expect(await readDraft(NEW_NOTE_DRAFT)).toBeNull();
  });

  it('keeps the last key even when the card closes before the form re-renders', async () => {
    await show(props());
    await click(buttonNamed('Add note'));
    await type('Second draf');
    const textarea = $<HTMLTextAreaElement>('textarea')!;
    // A key, then at once a click that closes the card: no re-render in between.
    textarea.value = 'Second draft';
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
    render(null, container);
    await flush();
    expect((await readDraft(NEW_NOTE_DRAFT))?.text).toBe('Second draft');
  });

  it('is kept a moment after typing stops, while the card stays open', async () => {
    await show(props());
    await click(buttonNamed('Add note'));
    await type('Still typing');
    await flush(400);
    expect((await readDraft(NEW_NOTE_DRAFT))?.text).toBe('Still typing');
  });

  it('Cancel throws the draft away', async () => {
    const p = props();
    await show(p);
    await click(buttonNamed('Add note'));
    await type('Never mind');
    await flush(400);
    await click(buttonNamed('Cancel'));
    await flush();
    expect(await readDraft(NEW_NOTE_DRAFT)).toBeNull();
    await click(buttonNamed('Add note'));
    await flush();
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('');
  });

  it('an edit keeps its draft and the version it began from', async () => {
    const p = props();
    await show(p);
    await click(buttonNamed('Edit note'));
    await type('Visited in June.');
    await act(() => render(null, container));
    await flush();
    // Meanwhile the note was saved elsewhere: the card now shows a newer version.
    await show({ ...p, view: view(undefined, [note({ text: 'Changed elsewhere', updatedAt: NOW + 5 })]) });
    await click(buttonNamed('Edit note'));
    await flush();
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Visited in June.');
    await click(buttonNamed('Save'));
    await flush();
    // The restored edit began from NOW, so the background can tell it would overwrite NOW + 5.
    expect(p.onEditNote).toHaveBeenCalledWith('n1', 'Visited in June.', NOW);
  });

  it('drafts are per entity and per note', () => {
    expect(draftKeys.newNote('a')).not.toBe(draftKeys.newNote('b'));
    expect(draftKeys.edit('n1')).not.toBe(draftKeys.newNote('n1'));
    const selector = { exact: 'quote', prefix: 'before ', suffix: ' after' };
    expect(draftKeys.selection('https://a.example/', selector)).toBe(
      draftKeys.selection('https://a.example/', { ...selector }),
    );
    expect(draftKeys.selection('https://a.example/', selector)).not.toBe(
      draftKeys.selection('https://b.example/', selector),
    );
  });
});

describe('a save that collides with one made in another tab', () => {
  const theirs = note({ text: 'Their version', updatedAt: NOW + 10 });

  async function collide() {
    const onEditNote = vi.fn(async (_id: string, _text: string, base?: number) => {
      if (base !== theirs.updatedAt) throw new NoteConflictError(theirs);
    });
    await show(props({ onEditNote }));
    await click(buttonNamed('Edit note'));
    await type('My version');
    await click(buttonNamed('Save'));
    await flush();
    return onEditNote;
  }

  it('shows both texts and saves nothing until the user chooses', async () => {
    const onEditNote = await collide();
    expect(onEditNote).toHaveBeenCalledTimes(1);
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('My version');
    expect($('.gloss-conflict-theirs')?.textContent).toBe('Their version');
    expect($('[role="alert"]')?.textContent).toContain('changed in another tab');
  });

  it('Keep mine saves mine over the version it was shown', async () => {
    const onEditNote = await collide();
    await click(buttonNamed('Keep mine'));
    await flush();
    expect(onEditNote).toHaveBeenLastCalledWith('n1', 'My version', NOW + 10);
    expect($('textarea')).toBeNull();
  });

  it('Keep the other closes the editor without saving and drops the draft', async () => {
    const onEditNote = await collide();
    await click(buttonNamed('Keep the other'));
    await flush();
    expect(onEditNote).toHaveBeenCalledTimes(1);
    expect($('textarea')).toBeNull();
    expect(await readDraft(draftKeys.edit('n1'))).toBeNull();
  });

  it('Merge by hand puts both texts in the box; the next save is over theirs', async () => {
    const onEditNote = await collide();
    await click(buttonNamed('Merge by hand'));
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('My version\n\nTheir version');
    expect($('.gloss-conflict')).toBeNull();
    await type('My version, and theirs');
    await click(buttonNamed('Save'));
    await flush();
    expect(onEditNote).toHaveBeenLastCalledWith('n1', 'My version, and theirs', NOW + 10);
  });
});
