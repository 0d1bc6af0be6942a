/** What every per-request loader is bound to: one project, one request's lifetime. */
export interface LoaderScope {
  projectId: string;
  /** Aborted when the GraphQL request is over; passed to every upstream call. */
  signal: AbortSignal;
}
