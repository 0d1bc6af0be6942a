import { isNotFound } from '../upstream/numbers/isNotFound.js';
import type { WebhookSecretSource } from '../webhooks/WebhookSecretSource.js';
import type { ProjectNumbersClients } from './ProjectNumbersClients.js';

/** A secret read must not hold a callback (and Sinch's connection) for long. */
const SECRET_READ_TIMEOUT_MS = 5_000;

/**
 * Where the webhook gets each project's HMAC secret. `SINCH_CALLBACK_SECRET`, when set, is the
 * secret of every project the gateway serves (one shared secret, set on each project by the
 * operator). Otherwise the project's `hmacSecret` is read from its Numbers API callback
 * configuration, cached per project, and read again when the webhook asks for a refresh (a
 * signature did not match: the secret may have been rotated). The webhook itself limits refreshes
 * to one per project per cooldown, so forged callbacks cannot turn into a stream of reads.
 *
 * Projects the gateway does not serve answer undefined at once (the webhook refuses them 401).
 */
export function createCallbackSecretSource(
  projects: ProjectNumbersClients,
  configuredSecret: string | undefined,
  /** Told every secret read from Sinch, so that no upstream error can echo it (KnownSecrets). */
  onSecretRead: (secret: string) => void = () => undefined,
): WebhookSecretSource {
  const cache = new Map<string, Promise<string | undefined>>();

  const read = (projectId: string): Promise<string | undefined> => {
    const numbers = projects.numbersFor(projectId);
    if (numbers === undefined) return Promise.resolve(undefined);
    if (configuredSecret !== undefined) return Promise.resolve(configuredSecret);
    const reading = numbers
      .getCallbackConfiguration({ projectId, signal: AbortSignal.timeout(SECRET_READ_TIMEOUT_MS) })
      .then(
        (configuration) => {
          if (configuration.hmacSecret === undefined || configuration.hmacSecret === '') return undefined;
          onSecretRead(configuration.hmacSecret);
          return configuration.hmacSecret;
        },
        (error: unknown) => {
          if (isNotFound(error)) return undefined;
          // Not cached: the next callback tries again, and this one is answered 503 so Sinch retries.
          cache.delete(projectId);
          throw error;
        },
      );
    cache.set(projectId, reading);
    return reading;
  };

  return {
    resolve: (projectId) => cache.get(projectId) ?? read(projectId),
    refresh: (projectId) => read(projectId),
  };
}
