import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleInput } from '@/src/core/extract';
import { sendMessage } from '@/src/messaging/protocol';

/** Reads the tab's article (in the page, on demand) and hands it to the background to review. */
export async function captureTab(tabId: number): Promise<string> {
  if (!browser.scripting) throw new Error('Gloss lacks the permission to read this page.');
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  const article = injection?.result as ArticleInput | null | undefined;
  if (!article) throw new Error('Gloss found no article on this page.');
  return (await sendMessage('captureArticle', article)).draftId;
}

/** "Add this article to Gloss": the manager opens with what Gloss found, to review before saving. */
export function CaptureArticle({ tabId }: { tabId: number }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const capture = async () => {
    setState('busy');
    setError(null);
    try {
      await captureTab(tabId);
      setState('done');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setState('idle');
    }
  };
  return (
    <section class="gloss-popup-section gloss-popup-capture">
      <button
        type="button"
        class="gloss-button"
        data-testid="capture-article"
        disabled={state === 'busy'}
        onClick={capture}
      >
        {state === 'busy' ? 'Reading the article…' : 'Add this article to Gloss'}
      </button>
      <p class="gloss-muted" role="status">
        {state === 'done'
          ? 'Opened in the manager for review: nothing is saved until you save it there.'
          : ''}
      </p>
      {error && (
        <p class="gloss-error" role="alert">
          <bdi>{error}</bdi>
        </p>
      )}
    </section>
  );
}
