import { readArticle } from '@/src/content/article';

// Injected by the popup ("Add this article to Gloss") into the current tab only, on the user's
// click; its result (the article, or null) is what executeScript returns to the popup.
export default defineUnlistedScript(() => readArticle(document));
