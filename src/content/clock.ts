// When the content script began to run. The entrypoint imports this module first, so the clock
// starts before the rest of the bundle is evaluated and Gloss's start-up timings include loading it.
export const scriptStartedAt = performance.now();
