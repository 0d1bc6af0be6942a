import type { BaselineUpstream } from './BaselineUpstream.js';
import { TRUNK_LIST_THRESHOLD } from '../src/upstream/sipTrunking/loaders/createTrunkLoader.js';
import { BENCH_NUMBER_PATTERN, FAILING_SERVICE_PLAN, PAGE_SIZE } from './scenarioConstants.js';

/** The slice of the Sinch wire formats the baseline reads. */
interface WireNumber {
  phoneNumber: string;
  displayName: string;
  type: string;
  smsConfiguration?: { servicePlanId: string; campaignId: string; scheduledProvisioning: WireProvisioning | null };
  voiceConfiguration?: { type: string; trunkId: string };
}
interface WireProvisioning {
  status: string;
  servicePlanId: string;
  campaignId: string;
  errorCodes?: string[];
}
interface WireNumbersPage {
  activeNumbers?: WireNumber[];
  nextPageToken?: string;
  totalSize?: number;
}
interface WireTrunk {
  id: string;
  name: string;
}

export type BaselineInput = { phoneNumber?: string; count?: number; verificationId?: string };
export type BaselineHandler = (upstream: BaselineUpstream, input: BaselineInput) => Promise<unknown>;

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/**
 * One handler per scenario: the same upstream calls the gateway makes for the scenario's
 * operation, issued as early as the data allows (the floor), answering the JSON the GraphQL
 * response would carry. Nothing is cached across requests except the token and, for paging
 * past 100 numbers, the page tokens (the gateway's operation gets the same from its cursors).
 */
export const BASELINE_HANDLERS: Record<string, BaselineHandler> = {
  async number(upstream, input) {
    const number = await upstream.numbers<WireNumber>('GET', `/activeNumbers/${input.phoneNumber ?? ''}`);
    const sms = number.smsConfiguration;
    return {
      data: {
        number: {
          phoneNumber: number.phoneNumber,
          displayName: orNull(number.displayName),
          type: number.type,
          sms: sms && { servicePlanId: orNull(sms.servicePlanId), campaignId: orNull(sms.campaignId), scheduledProvisioning: sms.scheduledProvisioning && { status: sms.scheduledProvisioning.status } },
          voice: number.voiceConfiguration && { type: number.voiceConfiguration.type },
        },
      },
    };
  },

  async numbersWithProvisioning(upstream) {
    const page = await upstream.numbers<WireNumbersPage>('GET', `/activeNumbers?pageSize=${PAGE_SIZE}`);
    const nodes = (page.activeNumbers ?? []).map((number) => {
      const scheduled = number.smsConfiguration?.scheduledProvisioning ?? null;
      return {
        phoneNumber: number.phoneNumber,
        sms: { scheduledProvisioning: scheduled && { status: scheduled.status, errors: (scheduled.errorCodes ?? []).map((code) => ({ code })) } },
      };
    });
    return { data: { numbers: { totalCount: page.totalSize, nodes } } };
  },

  async numbersWithTrunks(upstream, input) {
    const pages = await listBenchNumbers(upstream, input.count ?? PAGE_SIZE);
    const numbers = pages.flatMap((page) => page.activeNumbers ?? []);
    const trunkIds = [...new Set(numbers.flatMap((number) => (number.voiceConfiguration?.type === 'EST' ? [number.voiceConfiguration.trunkId] : [])))];
    // The trunk ids are known from the numbers: trunks and their endpoints are fetched together.
    const [trunks, endpoints] = await Promise.all([
      trunkIds.length >= TRUNK_LIST_THRESHOLD
        ? upstream.sip<{ trunks: WireTrunk[] }>('/trunks?page=1&size=500').then((list) => list.trunks)
        : Promise.all(trunkIds.map((id) => upstream.sip<WireTrunk>(`/trunks/${id}`))),
      Promise.all(trunkIds.map((id) => upstream.sip<{ endpoints: Array<{ id: string }> }>(`/trunks/${id}/endpoints?page=1&size=500`))),
    ]);
    const byId = new Map(trunkIds.map((id, index) => [id, { name: trunks.find((trunk) => trunk.id === id)?.name, endpoints: endpoints[index]?.endpoints.map(({ id: endpointId }) => ({ id: endpointId })) }]));
    const nodes = numbers.map((number) => ({
      phoneNumber: number.phoneNumber,
      voice: { trunk: number.voiceConfiguration?.type === 'EST' ? (byId.get(number.voiceConfiguration.trunkId) ?? null) : null },
    }));
    return { data: { numbers: { nodes } } };
  },

  async mixed(upstream, input) {
    const [numbers, trunks, verification] = await Promise.all([
      upstream.numbers<WireNumbersPage>('GET', '/activeNumbers?pageSize=10'),
      upstream.sip<{ trunks: WireTrunk[]; totalItems: number }>('/trunks?page=1&size=10'),
      upstream.verification<{ id: string; status: string; method: string }>(`/verification/v1/verifications/id/${input.verificationId ?? ''}`),
    ]);
    return {
      data: {
        numbers: { totalCount: numbers.totalSize, nodes: (numbers.activeNumbers ?? []).map((number) => ({ phoneNumber: number.phoneNumber, displayName: orNull(number.displayName) })) },
        sipTrunks: { totalCount: trunks.totalItems, nodes: trunks.trunks.map((trunk) => ({ id: trunk.id, name: trunk.name })) },
        verification: { id: verification.id, status: verification.status.toUpperCase(), method: verification.method.toUpperCase() },
      },
    };
  },

  async resubmit(upstream, input) {
    const path = `/activeNumbers/${input.phoneNumber ?? ''}`;
    const current = await upstream.numbers<WireNumber>('GET', path);
    const failed = current.smsConfiguration?.scheduledProvisioning;
    if (failed?.status !== 'FAILED') throw new Error(`${current.phoneNumber} has nothing to resubmit (${failed?.status ?? 'no request'})`);
    // As the gateway: the service plan from the input, the campaign of the failed request.
    const campaignId = failed.campaignId;
    const smsConfiguration = campaignId === '' ? { servicePlanId: FAILING_SERVICE_PLAN } : { servicePlanId: FAILING_SERVICE_PLAN, campaignId };
    const updated = await upstream.numbers<WireNumber>('PATCH', path, { smsConfiguration });
    const scheduled = updated.smsConfiguration?.scheduledProvisioning;
    return { data: { resubmitProvisioning: { phoneNumber: updated.phoneNumber, sms: { scheduledProvisioning: scheduled && { status: scheduled.status, servicePlanId: scheduled.servicePlanId } } } } };
  },
};

const pageTokens = new Map<number, string[]>();

/**
 * The numbers of the growth scenario, `count` of them, in pages of at most 100 as the gateway
 * reads them. Past one page the page tokens are learnt once (the first, warm-up request walks
 * the pages) and the pages are then read in parallel, as the gateway does with known cursors.
 */
async function listBenchNumbers(upstream: BaselineUpstream, count: number): Promise<WireNumbersPage[]> {
  const pattern = `numberPattern.pattern=${BENCH_NUMBER_PATTERN}&numberPattern.searchPattern=START`;
  const pageCount = Math.ceil(count / PAGE_SIZE);
  const size = Math.min(count, PAGE_SIZE);
  const pageUrl = (token: string) => `/activeNumbers?${pattern}&pageSize=${size}${token === '' ? '' : `&pageToken=${encodeURIComponent(token)}`}`;
  let tokens = pageTokens.get(count);
  if (tokens === undefined) {
    tokens = [''];
    for (let page = 1; page < pageCount; page++) {
      const read = await upstream.numbers<WireNumbersPage>('GET', pageUrl(tokens[page - 1] ?? ''));
      tokens.push(read.nextPageToken ?? '');
    }
    pageTokens.set(count, tokens);
  }
  return Promise.all(tokens.map((token) => upstream.numbers<WireNumbersPage>('GET', pageUrl(token))));
}
