// When the content script began to run: imported first by the entrypoint, so the module is
// evaluated before the rest of the bundle, and the start-up time Gloss reports includes loading it.
export const scriptStartedAt = performance.now();
