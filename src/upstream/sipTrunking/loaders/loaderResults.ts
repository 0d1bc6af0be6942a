import { UpstreamError } from '../../UpstreamError.js';

/** A 404 for one key is an answer ("no such resource"), not a failure; anything else fails that key. */
export function nullWhenNotFound(error: unknown): null | Error {
  // By code, not by status: a 404 saying the project itself is unknown is UPSTREAM_MISCONFIGURED.
  if (error instanceof UpstreamError && error.code === 'NOT_FOUND') {
    return null;
  }
  return asError(error);
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A batch of independent per-key calls: each key resolves or fails on its own. */
export function eachKey<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<Array<V | Error>> {
  return Promise.all(keys.map((key) => load(key).catch(asError)));
}
