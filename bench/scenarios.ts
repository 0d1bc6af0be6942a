import { BENCH_NUMBER_PATTERN, extraNumber, FAILING_SERVICE_PLAN, LOOKUP_NUMBER, MUTATION_FIRST_INDEX, MUTATION_NUMBERS_PER_CONNECTION, PAGE_SIZE } from './scenarioConstants.js';

/** What `prepareScenarios` created or learnt before any measurement. */
export interface ScenarioSetup {
  /** A PENDING verification started in setup. */
  verificationId: string;
  /** `pageInfo.endCursor` of pages 1, 2, ... of the growth scenario's filter, 100 numbers a page. */
  pageCursors: string[];
}

/** Loose JSON, as parsed from a response. */
export type Json = Record<string, unknown>;

export interface Scenario {
  key: string;
  /** The baseline's route, `POST /<name>`. */
  name: string;
  title: string;
  /** Upstream calls of one operation, token requests excluded. */
  expectedCalls: number;
  /** The bound the upstream-calls target allows (only scenario c has one). */
  callBound?: number;
  /** Upstream round trips that must follow one another, at least (the data dependencies). */
  criticalPath: number;
  /** Upstream round trips one after another as the gateway's resolvers run them. */
  gatewayChain: number;
  /** The GraphQL document, shown in docs/benchmarks.md. */
  document: string;
  /** The request body of the scenario's `iteration`-th request (counted across connections and runs). */
  gatewayBody(iteration: number): string;
  baselineBody(iteration: number): string;
  /** True when the body differs between requests (the load generator then rebuilds it each time). */
  varies: boolean;
  /** A problem with the `data` of an answer (gateway or baseline alike), or undefined. */
  check(data: Json): string | undefined;
}

const TRUNKS_IN_SEED = 5;

const statics = (document: string, variables: Json, baselineInput: Json = {}) => {
  const gateway = JSON.stringify({ query: document, variables });
  const baseline = JSON.stringify(baselineInput);
  return { document, varies: false, gatewayBody: () => gateway, baselineBody: () => baseline };
};

const object = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const NUMBER_DOCUMENT = `query NumberByPhone($phoneNumber: PhoneNumber!) {
  number(phoneNumber: $phoneNumber) { phoneNumber displayName type sms { servicePlanId campaignId scheduledProvisioning { status } } voice { type } }
}`;

const PROVISIONING_DOCUMENT = `query NumbersWithProvisioning {
  numbers(first: ${PAGE_SIZE}) { totalCount nodes { phoneNumber sms { scheduledProvisioning { status errors { ... on ProvisioningErrorDetails { code } } } } } }
}`;

const MIXED_DOCUMENT = `query AcrossThreeApis($verificationId: ID!) {
  numbers(first: 10) { totalCount nodes { phoneNumber displayName } }
  sipTrunks(first: 10) { totalCount nodes { id name } }
  verification(id: $verificationId) { id status method }
}`;

const RESUBMIT_DOCUMENT = `mutation Resubmit($phoneNumber: PhoneNumber!) {
  resubmitProvisioning(input: {phoneNumber: $phoneNumber, servicePlanId: "${FAILING_SERVICE_PLAN}"}) { phoneNumber sms { scheduledProvisioning { status servicePlanId } } }
}`;

/** Scenario (c) for `count` numbers: one `numbers` field per page of 100, all in one operation. */
export function trunksScenario(count: number, setup: ScenarioSetup): Scenario {
  const pages = Math.ceil(count / PAGE_SIZE);
  const first = Math.min(count, PAGE_SIZE);
  const filter = `filter: {pattern: {pattern: "${BENCH_NUMBER_PATTERN}", searchPattern: START}}`;
  const fields = Array.from({ length: pages }, (_, page) =>
    pages === 1 ? `  numbers(first: ${first}, ${filter}) { ...TrunkedNumbers }` : `  p${page}: numbers(first: ${first}, ${filter}${page === 0 ? '' : `, after: $after${page}`}) { ...TrunkedNumbers }`,
  );
  const variableDefinitions = pages === 1 ? '' : `(${Array.from({ length: pages - 1 }, (_, page) => `$after${page + 1}: String!`).join(', ')})`;
  const document = `query NumbersWithTrunks${count}${variableDefinitions} {
${fields.join('\n')}
}
fragment TrunkedNumbers on NumberConnection { nodes { phoneNumber voice { trunk { name endpoints { id } } } } }`;
  const variables = Object.fromEntries(Array.from({ length: pages - 1 }, (_, page) => [`after${page + 1}`, setup.pageCursors[page]]));
  return {
    key: 'c',
    name: 'numbersWithTrunks',
    title: `${count} numbers with their trunk name and endpoints`,
    expectedCalls: pages + 1 + TRUNKS_IN_SEED,
    callBound: pages + 2 * TRUNKS_IN_SEED,
    criticalPath: 2,
    // numbers list, then trunk and its endpoints together: a trunk's selected children are
    // requested with the trunk (src/graphql/resolvers/sipTrunking/prefetchTrunkChildren.ts).
    gatewayChain: 2,
    ...statics(document, variables, { count }),
    check(data) {
      const nodes = Object.values(data).flatMap((connection) => list(object(connection)['nodes']));
      if (nodes.length !== count) return `expected ${count} numbers, got ${nodes.length}`;
      const untrunked = nodes.find((node) => {
        const trunk = object(object(object(node)['voice'])['trunk']);
        return typeof trunk['name'] !== 'string' || !Array.isArray(trunk['endpoints']);
      });
      return untrunked === undefined ? undefined : `${String(untrunked['phoneNumber'])} has no trunk name or endpoint list`;
    },
  };
}

/**
 * The five scenarios of the main table. The mutation cycles through the pool of FAILED numbers
 * prepared for `mutationConnections` connections: with at most that many requests in flight, a
 * number's previous resubmission ended (and failed again) long before the number comes round.
 */
export function createScenarios(setup: ScenarioSetup, mutationConnections: number): Scenario[] {
  const mutationNumber = (iteration: number) => extraNumber(MUTATION_FIRST_INDEX + (iteration % (mutationConnections * MUTATION_NUMBERS_PER_CONNECTION)));
  return [
    {
      key: 'a',
      name: 'number',
      title: 'one number by phone number',
      expectedCalls: 1,
      criticalPath: 1,
      gatewayChain: 1,
      ...statics(NUMBER_DOCUMENT, { phoneNumber: LOOKUP_NUMBER }, { phoneNumber: LOOKUP_NUMBER }),
      check: (data) => (object(data['number'])['phoneNumber'] === LOOKUP_NUMBER ? undefined : `number is not ${LOOKUP_NUMBER}`),
    },
    {
      key: 'b',
      name: 'numbersWithProvisioning',
      title: `numbers(first: ${PAGE_SIZE}) with SMS provisioning status and errors`,
      expectedCalls: 1,
      criticalPath: 1,
      gatewayChain: 1,
      ...statics(PROVISIONING_DOCUMENT, {}),
      check(data) {
        const nodes = list(object(data['numbers'])['nodes']);
        const failed = nodes.filter((node) => list(object(object(object(node)['sms'])['scheduledProvisioning'])['errors']).length > 0);
        if (nodes.length !== PAGE_SIZE) return `expected ${PAGE_SIZE} numbers, got ${nodes.length}`;
        return failed.length > 0 ? undefined : 'no number with provisioning errors in the page';
      },
    },
    trunksScenario(PAGE_SIZE, setup),
    {
      key: 'd',
      name: 'mixed',
      title: 'numbers + sipTrunks + verification(id), one operation',
      expectedCalls: 3,
      criticalPath: 1,
      gatewayChain: 1,
      ...statics(MIXED_DOCUMENT, { verificationId: setup.verificationId }, { verificationId: setup.verificationId }),
      check(data) {
        if (list(object(data['numbers'])['nodes']).length !== 10) return 'expected 10 numbers';
        if (list(object(data['sipTrunks'])['nodes']).length !== TRUNKS_IN_SEED) return `expected ${TRUNKS_IN_SEED} trunks`;
        return object(data['verification'])['id'] === setup.verificationId ? undefined : 'verification missing';
      },
    },
    {
      key: 'e',
      name: 'resubmit',
      title: 'mutation resubmitProvisioning on a FAILED number',
      expectedCalls: 2,
      criticalPath: 2,
      gatewayChain: 2,
      document: RESUBMIT_DOCUMENT,
      varies: true,
      gatewayBody: (iteration) => JSON.stringify({ query: RESUBMIT_DOCUMENT, variables: { phoneNumber: mutationNumber(iteration) } }),
      baselineBody: (iteration) => JSON.stringify({ phoneNumber: mutationNumber(iteration) }),
      check(data) {
        const status = object(object(object(data['resubmitProvisioning'])['sms'])['scheduledProvisioning'])['status'];
        return status === 'WAITING' ? undefined : `expected a WAITING resubmission, got ${String(status)}`;
      },
    },
  ];
}
