import type { Logger } from 'pino';
import type { NumbersClient } from '../upstream/numbers/NumbersClient.js';
import type { NumbersLoaders } from '../upstream/numbers/createNumbersLoaders.js';
import type { VerificationClient } from '../upstream/verification/VerificationClient.js';
import type { VerificationLoaders } from '../upstream/verification/createVerificationLoaders.js';
import type { SipTrunkingClient } from '../upstream/sipTrunking/SipTrunkingClient.js';
import type { SipTrunkingLoaders } from '../upstream/sipTrunking/createSipTrunkingLoaders.js';
import type { LoaderScope } from '../upstream/LoaderScope.js';

/**
 * Everything a resolver may use, built fresh for each GraphQL request by `createContext`.
 * Loaders live exactly as long as one request, so nothing cached here is ever seen by another
 * request or another caller.
 */
export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** The project and lifetime every upstream call of this request is bound to. */
  scope: LoaderScope;
  numbers: { client: NumbersClient; loaders: NumbersLoaders };
  verification: { client: VerificationClient; loaders: VerificationLoaders };
  sipTrunking: { client: SipTrunkingClient; loaders: SipTrunkingLoaders };
}
