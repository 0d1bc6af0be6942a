import type { BatchObserver } from './measuredBatch.js';

/** What every per-request loader is bound to: one project, one request's lifetime, one gateway's metrics. */
export interface LoaderScope extends BatchObserver {
  projectId: string;
  /** Aborted when the GraphQL request is over; passed to every upstream call. */
  signal: AbortSignal;
}
