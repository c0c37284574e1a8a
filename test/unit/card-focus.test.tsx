// @vitest-environment happy-dom
// A card opened from the keyboard (trapFocus) takes focus as it is first drawn, not after the
// browser's next paint: Esc pressed as soon as the card shows must reach it. With the focus in an
// effect after paint, Firefox's Alt+Shift+G e2e test sometimes pressed Esc while focus was still on
// the frame's body, and the card stayed open (1 run in 9 on the loaded 2-core machine).
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Popover, type PopoverApi } from '@/src/ui/Popover';
import { testRoot } from './ui-fixtures';

const root = testRoot();

const api: PopoverApi = {
  getEntity: () => new Promise(() => {}),
  createNote: async () => undefined,
  updateNote: async () => undefined,
  deleteNote: async () => undefined,
  correctMention: () => new Promise(() => {}),
  onNotesChanged: () => () => {},
};

const props = {
  entityIds: ['nato-ukraine-2024/wiesbaden'],
  mentionText: 'Wiesbaden',
  sentence: 'Wiesbaden.',
  pageUrl: 'https://example.org/',
  pageTitle: 'Example',
  api,
};

describe('a card opened from the keyboard', () => {
  it('has focus in its dialog as soon as it is rendered, and Esc there closes it', () => {
    let closed = 0;
    render(<Popover {...props} trapFocus={true} onClose={() => closed++} />, root);
    const dialog = root.querySelector('[role="dialog"]') as HTMLElement;
    expect(document.activeElement).toBe(dialog);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toBe(1);
  });

  it('opened by the pointer, leaves focus where it is', () => {
    render(<Popover {...props} trapFocus={false} onClose={() => {}} />, root);
    expect(document.activeElement).toBe(document.body);
  });
});
