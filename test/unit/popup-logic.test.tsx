import { describe, expect, it } from 'vitest';
import { pausedUntilLabel } from '@/src/ui/popup/PauseControls';
import { pageAccess } from '@/src/ui/popup/page-access';

describe('which pages the popup says Gloss cannot run on', () => {
  it.each([
    ['https://example.org/a', 'web'],
    ['http://127.0.0.1:8080/', 'web'],
    ['file:///home/me/page.html', 'file'],
    ['chrome://extensions/', 'restricted'],
    ['edge://settings', 'restricted'],
    ['about:blank', 'restricted'],
    ['view-source:https://example.org/', 'restricted'],
    ['chrome-extension://abc/popup.html', 'restricted'],
    ['https://chromewebstore.google.com/detail/x', 'restricted'],
    ['https://chrome.google.com/webstore/detail/x', 'restricted'],
    ['https://chrome.google.com/search', 'web'],
    [undefined, 'unknown'],
  ])('%s → %s', (url, kind) => {
    expect(pageAccess(url).kind).toBe(kind);
  });
});

describe('the pause label', () => {
  const now = new Date(2024, 5, 14, 13, 5).getTime();
  it('says until when: the time today, else the date too, or until resumed', () => {
    expect(pausedUntilLabel(now + 3_600_000, now)).toBe('Paused until 14:05');
    expect(pausedUntilLabel(new Date(2024, 5, 15, 0, 30).getTime(), now)).toBe(
      'Paused until 15 Jun 2024, 00:30',
    );
    expect(pausedUntilLabel(-1, now)).toBe('Paused until you resume');
  });
});
