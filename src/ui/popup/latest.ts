/**
 * Wraps an async loader so only the answer to the latest call is delivered: a slow first answer
 * arriving after a newer one (asked because something changed) must not overwrite it.
 */
export function latestOnly<T>(
  load: () => Promise<T>,
  deliver: (value: T) => void,
  fail: (error: Error) => void,
) {
  let latest = 0;
  return () => {
    const call = ++latest;
    return load().then(
      (value) => call === latest && deliver(value),
      (error: Error) => call === latest && fail(error),
    );
  };
}
