// The wire format of @webext-core/messaging 4.0.0, in one place: a request is
// `{ id, type, data, timestamp }`, a reply `{ res }` or `{ err: { message } }`. Gloss's own
// contexts go through the library; these helpers are for the few callers that cannot (asking a tab
// without the library's console noise, and tests and benchmarks that speak to the extension from
// outside). They are plain data in and out, so a test can build a request here and pass it into a
// browser's page.evaluate as an argument.

export interface Envelope<T extends string = string, D = unknown> {
  id: number;
  type: T;
  data: D;
  timestamp: number;
}

export interface EnvelopeReply<R = unknown> {
  res?: R;
  err?: { message: string };
}

let nextId = 1;

/** A request in the library's envelope. */
export function envelope<T extends string, D>(type: T, data: D): Envelope<T, D> {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/** The reply's result, or the handler's error thrown again; `undefined` (no listener) is an error. */
export function unwrapReply<R>(reply: EnvelopeReply<R> | undefined | null): R {
  if (!reply) throw new Error('No response');
  if (reply.err) throw new Error(reply.err.message);
  return reply.res as R;
}
