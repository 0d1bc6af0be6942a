import type { SimulatorService } from '../core/SimulatorRequest.js';

/** One request authenticated with a project access key: which key, for which project. Never the secret. */
export interface AuthenticatedRequest {
  service: SimulatorService;
  method: string;
  path: string;
  /** The access key id: Basic's user name, or the subject of the Bearer token. */
  keyId: string;
  projectId: string;
}
