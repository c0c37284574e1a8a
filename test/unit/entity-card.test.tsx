// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { NoteRecord } from '@/src/core/records';
import type { EntityView } from '@/src/messaging/protocol';
import { AmbiguityChooser } from '@/src/ui/AmbiguityChooser';
import { EntityCard, type EntityCardProps } from '@/src/ui/EntityCard';
import { formatDate, formatNoteDate, safeHttpUrl, typeLabel } from '@/src/ui/format';
import { testRoot } from './ui-fixtures';

const NOW = Date.UTC(2024, 6, 1, 12, 0);
const XSS = '<img src=x onerror=alert(1)>';

const source = {
  key: 'de/wiesbaden-2024',
  packId: 'de',
  id: 'wiesbaden-2024',
  title: 'Wiesbaden hosts NATO security assistance command',
  url: 'https://example.org/wiesbaden',
  publishedAt: '2024-06-14',
  position: 0,
};

function makeView(overrides: Partial<EntityView> = {}): EntityView {
  return {
    entity: {
      key: 'de/wiesbaden',
      packId: 'de',
      id: 'wiesbaden',
      name: 'Wiesbaden',
      type: 'place',
      aliases: ['Wiesbaden'],
      description: 'Capital of the German state of Hesse.',
      terms: ['wiesbaden'],
      position: 0,
    },
    pack: { id: 'de', title: 'Germany 2024' },
    identity: {
      id: 'de/wiesbaden',
      sourceCount: 2,
      packs: [{ id: 'de', title: 'Germany 2024' }],
      memberKeys: ['de/wiesbaden'],
    },
    facts: [
      {
        key: 'de/f1',
        packId: 'de',
        id: 'f1',
        entityKey: 'de/wiesbaden',
        sourceKey: source.key,
        text: 'NATO will lead security assistance for Ukraine from Wiesbaden.',
        quote: 'The command will be based in Wiesbaden, Germany.',
        position: 0,
        source,
        alsoIn: [],
      },
      {
        key: 'de/f2',
        packId: 'de',
        id: 'f2',
        entityKey: 'de/wiesbaden',
        sourceKey: 'de/print',
        text: 'About 700 staff will work there.',
        quote: 'Some 700 personnel are expected.',
        position: 1,
        source: { ...source, key: 'de/print', id: 'print', title: 'Print edition', url: undefined },
        alsoIn: [],
      },
    ],
    notes: [note({ id: 'n1', text: 'Visited in May.', createdAt: NOW - 3 * 86_400_000 })],
    ...overrides,
  };
}

function note(fields: Partial<NoteRecord> & { id: string }): NoteRecord {
  return {
    entityKey: 'de/wiesbaden',
    entityName: 'Wiesbaden',
    text: 'A note',
    pageUrl: 'https://news.example/article',
    pageTitle: 'News article',
    quote: '',
    createdAt: NOW,
    updatedAt: NOW,
    ...fields,
  };
}

// Unsent note text is kept in extension storage: each test starts without drafts.
beforeEach(() => fakeBrowser.reset());
const container = testRoot();

async function renderCard(props: Partial<EntityCardProps> = {}) {
  const onAddNote = props.onAddNote ?? vi.fn(async (text: string) => note({ id: 'new', text }));
  await act(() => {
    render(<EntityCard view={makeView()} onAddNote={onAddNote} now={NOW} {...props} />, container);
  });
  return { onAddNote };
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const $$ = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const buttonNamed = (name: string) =>
  $$('button').find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name);
/** Settle promises and the re-renders they cause. */
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

async function click(element: HTMLElement | null | undefined) {
  expect(element).toBeTruthy();
  await act(() => element!.click());
}
async function key(element: Element | null, init: KeyboardEventInit) {
  expect(element).toBeTruthy();
  let event!: KeyboardEvent;
  await act(() => {
    event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    element!.dispatchEvent(event);
  });
  return event;
}
async function type(textarea: HTMLTextAreaElement, text: string) {
  await act(() => {
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }));
  });
}
async function openForm() {
  await click(buttonNamed('Add note'));
  const textarea = $<HTMLTextAreaElement>('textarea');
  expect(textarea).toBeTruthy();
  return textarea!;
}

describe('format', () => {
  it('formats pack dates without a time-zone shift', () => {
    expect(formatDate('2024-06-14')).toBe('14 Jun 2024');
    expect(formatDate('2024-01-01')).toBe('1 Jan 2024');
    expect(formatDate('not a date')).toBe('not a date');
  });
  it('gives relative note dates for a week, then the date', () => {
    expect(formatNoteDate(NOW - 10_000, NOW)).toBe('just now');
    expect(formatNoteDate(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(formatNoteDate(NOW - 86_400_000, NOW)).toBe('yesterday');
    expect(formatNoteDate(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
    expect(formatNoteDate(Date.UTC(2024, 0, 15, 12), NOW)).toBe('15 Jan 2024');
  });
  it('labels types in the user’s words', () => {
    expect(typeLabel('organization')).toBe('Organisation');
    expect(typeLabel('person')).toBe('Person');
    expect(typeLabel('constructor')).toBe('Other');
  });
  it('lets only http(s) URLs through', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('HTTP://example.org')).toBe('http://example.org/');
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(safeHttpUrl(url)).toBeUndefined();
    }
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('EntityCard', () => {
  it('shows the name as the labelled heading, the type, description and pack', async () => {
    await renderCard({ headingId: 'gloss-heading' });
    const heading = $('h2');
    expect(heading?.id).toBe('gloss-heading');
    expect(heading?.textContent).toBe('Wiesbaden');
    expect($('article')?.getAttribute('aria-labelledby')).toBe('gloss-heading');
    expect($('.gloss-type')?.textContent).toBe('Place');
    expect(container.textContent).toContain('Capital of the German state of Hesse.');
    expect($('.gloss-card-pack')?.textContent).toContain('Germany 2024');
  });

  it('shows each fact with its source, date, and a link only when the source has a web URL', async () => {
    await renderCard();
    const facts = $$('.gloss-facts > li');
    expect(facts).toHaveLength(2);
    expect(facts[0]?.textContent).toContain('NATO will lead security assistance');
    expect(facts[0]?.querySelector('time')?.textContent).toBe('14 Jun 2024');
    expect(facts[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-06-14');
    const link = facts[0]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/wiesbaden');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(facts[1]?.querySelector('a')).toBeNull();
    expect(facts[1]?.textContent).toContain('Print edition');
  });

  it('reveals the source sentence on demand and flips aria-expanded', async () => {
    await renderCard();
    const fact = $$('.gloss-facts > li')[0]!;
    const toggle = fact.querySelector<HTMLButtonElement>('button')!;
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Show source sentence');
    expect(fact.querySelector('blockquote')).toBeNull();
    expect(container.textContent).not.toContain('The command will be based');

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const quote = fact.querySelector('blockquote');
    expect(quote?.textContent).toBe('The command will be based in Wiesbaden, Germany.');
    expect(toggle.getAttribute('aria-controls')).toBe(quote?.id);
    // Only this fact's quote opened.
    expect($$('blockquote')).toHaveLength(1);

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(fact.querySelector('blockquote')).toBeNull();
  });

  it('never turns a javascript: or data: URL into a link', async () => {
    const view = makeView();
    view.facts[0]!.source = { ...source, url: 'javascript:alert(1)' };
    view.facts[1]!.source = { ...source, url: 'data:text/html,<script>alert(1)</script>' };
    view.notes = [note({ id: 'n1', pageUrl: 'javascript:alert(document.cookie)', pageTitle: 'Evil page' })];
    await renderCard({ view });
    // The only link left is the card's own "Open entity page", to the extension's manager.
    expect($$('a:not(.gloss-entity-page-link)')).toHaveLength(0);
    expect(container.innerHTML).not.toMatch(/javascript:|data:text/);
    expect(container.textContent).toContain('Evil page');
  });

  it('renders HTML in names, facts, quotes and notes as text', async () => {
    const view = makeView();
    view.entity = { ...view.entity, name: XSS, description: XSS };
    view.pack = { id: 'de', title: XSS };
    view.facts[0] = { ...view.facts[0]!, text: XSS, quote: XSS, source: { ...source, title: XSS } };
    view.notes = [note({ id: 'n1', text: XSS, pageTitle: XSS })];
    await renderCard({ view });
    await click($('.gloss-quote-toggle'));
    expect(container.querySelector('img')).toBeNull();
    expect($('h2')?.textContent).toBe(XSS);
    expect($('blockquote')?.textContent).toBe(XSS);
    expect($('.gloss-note-text')?.textContent).toBe(XSS);
  });

  it('isolates user text so bidi controls cannot reorder the UI', async () => {
    const view = makeView();
    view.entity = { ...view.entity, name: '\u202Egnihtemos' };
    view.notes = [note({ id: 'n1', text: '\u202Eevil', pageTitle: '\u202Etitle' })];
    await renderCard({ view });
    expect($('h2 > bdi')?.textContent).toBe('\u202Egnihtemos');
    expect($('.gloss-note-text')?.getAttribute('dir')).toBe('auto');
    expect($('.gloss-note-meta a bdi')?.textContent).toBe('\u202Etitle');
  });

  it('keeps very long text as text in the card', async () => {
    const long = 'x'.repeat(100_000);
    const view = makeView();
    view.facts[0] = { ...view.facts[0]!, text: long };
    await renderCard({ view });
    expect($('.gloss-fact-text')?.textContent).toHaveLength(100_000);
  });

  it('lists notes newest first, with the page linked and a relative date', async () => {
    const view = makeView({
      notes: [
        note({ id: 'old', text: 'Older', createdAt: NOW - 3 * 86_400_000 }),
        note({ id: 'new', text: 'Newer', createdAt: NOW - 5 * 60_000 }),
      ],
    });
    await renderCard({ view });
    const notes = $$('.gloss-notes > li');
    expect(notes.map((li) => li.querySelector('.gloss-note-text')?.textContent)).toEqual(['Newer', 'Older']);
    expect(notes[0]?.querySelector('a')?.getAttribute('href')).toBe('https://news.example/article');
    expect(notes[0]?.querySelector('a')?.textContent).toBe('News article');
    expect(notes[0]?.querySelector('time')?.textContent).toBe('5 min ago');
  });

  it('says so when there are no facts and no notes', async () => {
    await renderCard({ view: makeView({ facts: [], notes: [] }) });
    expect(container.textContent).toContain('No facts about this entity yet.');
    expect(container.textContent).toContain('No notes yet.');
    expect($('.gloss-facts')).toBeNull();
  });

  it('has only real buttons of type "button"', async () => {
    await renderCard({ onEditNote: vi.fn(async () => {}), onDeleteNote: vi.fn(async () => {}) });
    await openForm();
    const buttons = $$('button');
    expect(buttons.length).toBeGreaterThan(3);
    for (const button of buttons) expect(button.getAttribute('type')).toBe('button');
  });
});

describe('NoteForm in the card', () => {
  it('opens a labelled, focused textarea; Save is disabled for blank text', async () => {
    await renderCard();
    const textarea = await openForm();
    expect(document.activeElement).toBe(textarea);
    const label = $<HTMLLabelElement>('label');
    expect(label?.textContent).toBe('Note');
    expect(label?.htmlFor).toBe(textarea.id);
    expect(buttonNamed('Save')?.hasAttribute('disabled')).toBe(true);
    await type(textarea, '   \n ');
    expect(buttonNamed('Save')?.hasAttribute('disabled')).toBe(true);
    await type(textarea, 'Worth a visit');
    expect(buttonNamed('Save')?.hasAttribute('disabled')).toBe(false);
  });

  it('saves with Ctrl+Enter, then clears and closes the form', async () => {
    const { onAddNote } = await renderCard();
    const textarea = await openForm();
    await type(textarea, 'Worth a visit');
    await key(textarea, { key: 'Enter', ctrlKey: true });
    await flush();
    expect(onAddNote).toHaveBeenCalledTimes(1);
    expect(onAddNote).toHaveBeenCalledWith('Worth a visit');
    expect($('textarea')).toBeNull();
    expect(document.activeElement).toBe(buttonNamed('Add note'));
  });

  it('saves with Cmd+Enter and the Save button, but not with plain Enter', async () => {
    const { onAddNote } = await renderCard();
    let textarea = await openForm();
    await type(textarea, 'First');
    await key(textarea, { key: 'Enter' });
    expect(onAddNote).not.toHaveBeenCalled();
    await key(textarea, { key: 'Enter', metaKey: true });
    await flush();
    expect(onAddNote).toHaveBeenLastCalledWith('First');

    textarea = await openForm();
    expect(textarea.value).toBe('');
    await type(textarea, 'Second');
    await click(buttonNamed('Save'));
    await flush();
    expect(onAddNote).toHaveBeenLastCalledWith('Second');
  });

  it('disables Save while saving and saves once', async () => {
    let resolve!: () => void;
    const onAddNote = vi.fn(() => new Promise<void>((r) => (resolve = r)));
    await renderCard({ onAddNote });
    const textarea = await openForm();
    await type(textarea, 'Slow');
    await key(textarea, { key: 'Enter', ctrlKey: true });
    await key(textarea, { key: 'Enter', ctrlKey: true });
    expect(onAddNote).toHaveBeenCalledTimes(1);
    expect($('.gloss-note-form button')?.hasAttribute('disabled')).toBe(true);
    await act(() => resolve());
    await flush();
    expect($('textarea')).toBeNull();
  });

  it('shows the error and keeps the typed text when saving fails', async () => {
    const onAddNote = vi.fn(async () => {
      throw new Error('Storage is full');
    });
    await renderCard({ onAddNote });
    const textarea = await openForm();
    await type(textarea, 'Do not lose me');
    await click(buttonNamed('Save'));
    await flush();
    expect($('[role="alert"]')?.textContent).toBe('Storage is full');
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Do not lose me');
    expect(buttonNamed('Save')?.hasAttribute('disabled')).toBe(false);
  });

  it('closes the form on Esc in the textarea without closing the card', async () => {
    const onClose = vi.fn();
    await renderCard({ onClose });
    const textarea = await openForm();
    await type(textarea, 'Never mind');
    // The popover host listens for Esc outside the card: it must not see this one.
    const hostListener = vi.fn();
    container.addEventListener('keydown', hostListener);
    const event = await key(textarea, { key: 'Escape' });
    expect(event.defaultPrevented).toBe(true);
    expect(hostListener).not.toHaveBeenCalled();
    expect($('textarea')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(buttonNamed('Add note'));
  });

  it('closes the form with Cancel', async () => {
    const { onAddNote } = await renderCard();
    await openForm();
    await click(buttonNamed('Cancel'));
    expect($('textarea')).toBeNull();
    expect(onAddNote).not.toHaveBeenCalled();
  });

  it('opens immediately with startWithNoteForm', async () => {
    await renderCard({ startWithNoteForm: true });
    expect(document.activeElement).toBe($('textarea'));
  });

  it('edits a note in place and deletes one after confirmation', async () => {
    const onEditNote = vi.fn(async () => {});
    const onDeleteNote = vi.fn(async () => {});
    await renderCard({ onEditNote, onDeleteNote });
    await click(buttonNamed('Edit note'));
    const textarea = $<HTMLTextAreaElement>('.gloss-notes textarea')!;
    expect(textarea.value).toBe('Visited in May.');
    await type(textarea, 'Visited in June.');
    await key(textarea, { key: 'Enter', ctrlKey: true });
    await flush();
    // The version the edit began from goes with it, so a save made elsewhere meanwhile is a conflict.
    expect(onEditNote).toHaveBeenCalledWith('n1', 'Visited in June.', NOW);
    expect($('textarea')).toBeNull();

    await click(buttonNamed('Delete note'));
    expect(onDeleteNote).not.toHaveBeenCalled();
    await click(buttonNamed('Delete'));
    await flush();
    expect(onDeleteNote).toHaveBeenCalledWith('n1');
  });

  it('shows no edit or delete buttons without handlers', async () => {
    await renderCard();
    expect(buttonNamed('Edit note')).toBeUndefined();
    expect(buttonNamed('Delete note')).toBeUndefined();
  });
});

describe('Esc on the card', () => {
  it('calls onClose when no form is open', async () => {
    const onClose = vi.fn();
    await renderCard({ onClose });
    await key($('.gloss-quote-toggle'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes an open form first when Esc comes from outside it', async () => {
    const onClose = vi.fn();
    await renderCard({ onClose });
    await openForm();
    await key($('.gloss-quote-toggle'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect($('textarea')).toBeNull();
  });

  it('answers "keep" to the delete question without closing the card', async () => {
    const onClose = vi.fn();
    const onDeleteNote = vi.fn(async () => {});
    await renderCard({ onClose, onDeleteNote });
    await click(buttonNamed('Delete note'));
    await key(document.activeElement, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(onDeleteNote).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(buttonNamed('Delete note'));
  });
});

describe('AmbiguityChooser', () => {
  const candidates = [
    { key: 'us/washington-dc', name: 'Washington, D.C.', type: 'place', description: 'Capital of the US.' },
    { key: 'us/george-washington', name: 'George Washington', type: 'person' },
  ];

  async function renderChooser(onChoose = vi.fn()) {
    await act(() => {
      render(
        <AmbiguityChooser
          mentionText="Washington"
          candidates={candidates}
          onChoose={onChoose}
          headingId="h"
        />,
        container,
      );
    });
    return onChoose;
  }

  it('lists the candidates under a heading that names the mention', async () => {
    await renderChooser();
    expect($('h2')?.id).toBe('h');
    expect($('h2')?.textContent).toContain('Washington');
    const items = $$('ul > li');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Place');
    expect(items[0]?.textContent).toContain('Capital of the US.');
    expect(items[1]?.textContent).toContain('Person');
  });

  it('calls onChoose(key, true) on click, remembering by default', async () => {
    const onChoose = await renderChooser();
    expect($<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
    await click($$('.gloss-choice')[1]);
    expect(onChoose).toHaveBeenCalledWith('us/george-washington', true);
  });

  it('passes remember = false when the box is unchecked', async () => {
    const onChoose = await renderChooser();
    await click($('input[type="checkbox"]'));
    await click($$('.gloss-choice')[0]);
    expect(onChoose).toHaveBeenCalledWith('us/washington-dc', false);
  });

  it('moves between choices with the arrow keys', async () => {
    await renderChooser();
    const [first, second] = $$('.gloss-choice');
    first!.focus();
    await key(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    await key(second!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(first);
  });

  it('renders candidate text as text', async () => {
    await act(() => {
      render(
        <AmbiguityChooser
          mentionText={XSS}
          candidates={[{ key: 'x', name: XSS, type: 'other', description: XSS }]}
          onChoose={() => {}}
        />,
        container,
      );
    });
    expect(container.querySelector('img')).toBeNull();
    expect($('.gloss-choice-name')?.textContent).toBe(XSS);
  });
});
