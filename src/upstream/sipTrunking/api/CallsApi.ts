import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { QueryValue } from '../../http/UpstreamHttpClient.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import type { CallDirection, CallRecord, CallResult, EstPage, EstPageRequest, PacketCapture } from '../SipTrunkingModels.js';
import { parseCallRecord } from '../wire/parseSipTrunkingResources.js';
import { trunkSegment } from './TrunksApi.js';

/** The filters of `GET /calls`. Without a time filter the API only returns the last 24 hours. */
export interface CallRecordQuery {
  /** Prefix match on the caller. */
  from?: string;
  /** Prefix match on the callee. */
  to?: string;
  trunkId?: string;
  /** Inclusive lower bound, sent as `createTime>=`. */
  createdAfter?: string;
  /** Inclusive upper bound, sent as `createTime<=`. */
  createdBefore?: string;
  callResults?: CallResult[];
  directions?: CallDirection[];
}

/** `/calls` pages go up to 1000 records (§6.4). */
export const CALLS_MAX_PAGE_SIZE = 1000;

/** Call detail records and their packet captures. The CSV export is not part of the graph (docs/sip-trunking.md). */
export class CallsApi {
  constructor(private readonly est: EstHttp) {}

  async find(scope: LoaderScope, filter: CallRecordQuery, request: EstPageRequest): Promise<EstPage<CallRecord>> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/calls`;
    return this.est.page(scope, { path, route: '/calls', keys: ['calls'], parseItem: parseCallRecord, query: toQuery(filter) }, request);
  }

  /**
   * `GET /calls/records/{pcapId}/pcap`: the capture of one leg (Sinch's default is OUTBOUND),
   * kept by Sinch for 10 days. The body is bounded by the upstream response size cap.
   */
  async packetCapture(scope: LoaderScope, pcapId: string, direction: CallDirection = 'OUTBOUND'): Promise<PacketCapture> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/calls/records/${idSegment(pcapId, 'callRecordId', 'pcapId')}/pcap`;
    const bytes = await this.est.download(scope, { path, route: '/calls/records/{pcapId}/pcap', query: { direction } });
    return { pcapId, direction, bytes };
  }
}

/** EST takes lists comma-joined (REFERENCE §3.2), not as repeated keys. */
function toQuery(filter: CallRecordQuery): Record<string, QueryValue> {
  return {
    from: filter.from,
    to: filter.to,
    trunkId: filter.trunkId === undefined ? undefined : trunkSegment(filter.trunkId).encoded,
    // The key is `createTime>` so that the pair reads `createTime>=value`, as the SDK sends it.
    'createTime>': filter.createdAfter === undefined ? undefined : callRecordTime(filter.createdAfter),
    'createTime<': filter.createdBefore === undefined ? undefined : callRecordTime(filter.createdBefore),
    callResult: filter.callResults?.length ? filter.callResults.join(',') : undefined,
    direction: filter.directions?.length ? filter.directions.join(',') : undefined,
  };
}

/**
 * A time bound of `/calls` as Sinch documents and sends it: whole seconds in UTC, no fraction
 * (`2021-02-01T14:00:00Z`, the spec's example; the Node SDK's `formatCreateTimeRangeFilter`).
 * EST answers a value outside its format with a 400 "Invalid timestamp format", so the
 * milliseconds the `DateTime` scalar carries are dropped (truncated, as the SDK does).
 */
export function callRecordTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : `${new Date(time).toISOString().slice(0, 19)}Z`;
}
