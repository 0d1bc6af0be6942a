import { setTimeout as sleep } from 'node:timers/promises';
import { graphql } from './postJson.js';
import { BENCH_NUMBER_PATTERN, EXTRA_NUMBERS, extraNumber, FAILING_SERVICE_PLAN, MUTATION_FIRST_INDEX, MUTATION_NUMBERS_PER_CONNECTION, PAGE_SIZE } from './scenarioConstants.js';
import type { ScenarioSetup } from './scenarios.js';

/** Setup requests in flight at once. */
const SETUP_PARALLELISM = 16;
/** How long the (0 ms) provisioning jobs may take to end FAILED before setup gives up. */
const FAILED_WAIT_MS = 5000;

/**
 * Creates what the scenarios read, through the gateway itself: a verification to look up, the
 * cursors of the growth scenario's pages, and a pool of numbers whose SMS provisioning FAILED
 * (`MUTATION_NUMBERS_PER_CONNECTION` per connection) for the mutation to resubmit. Each
 * resubmission asks for a service plan the simulator fails (`FAIL_<CODE>`), and the simulator
 * runs jobs with 0 ms steps, so a number is FAILED again long before its connection comes back
 * to it: every measured mutation is a real resubmission.
 */
export async function prepareScenarios(graphqlUrl: string, maxConnections: number): Promise<ScenarioSetup> {
  const started = await graphql(
    graphqlUrl,
    'mutation StartVerification { startVerification(input: {phoneNumber: "+46701740605", method: SMS, reference: "benchmark"}) { id } }',
  );
  const verificationId = String((started['startVerification'] as { id: string }).id);

  const pageCursors: string[] = [];
  const pages = Math.ceil(EXTRA_NUMBERS / PAGE_SIZE);
  for (let page = 1; page < pages; page++) {
    const data = await graphql(
      graphqlUrl,
      `query Cursor($after: String) { numbers(first: ${PAGE_SIZE}, filter: {pattern: {pattern: "${BENCH_NUMBER_PATTERN}", searchPattern: START}}, after: $after) { pageInfo { endCursor } } }`,
      { after: pageCursors.at(-1) ?? null },
    );
    const cursor = (data['numbers'] as { pageInfo: { endCursor: string | null } }).pageInfo.endCursor;
    if (cursor === null) throw new Error(`the growth filter lists fewer than ${EXTRA_NUMBERS} numbers`);
    pageCursors.push(cursor);
  }

  const pool = Array.from({ length: maxConnections * MUTATION_NUMBERS_PER_CONNECTION }, (_, index) => extraNumber(MUTATION_FIRST_INDEX + index));
  if (MUTATION_FIRST_INDEX + pool.length > EXTRA_NUMBERS) throw new Error('the mutation pool needs more extra numbers');
  await inBatches(pool, (phoneNumber) =>
    graphql(graphqlUrl, `mutation Fail($phoneNumber: PhoneNumber!) { updateNumber(input: {phoneNumber: $phoneNumber, sms: {servicePlanId: "${FAILING_SERVICE_PLAN}"}}) { phoneNumber } }`, { phoneNumber }),
  );
  await waitUntilFailed(graphqlUrl, pool);
  return { verificationId, pageCursors };
}

async function waitUntilFailed(graphqlUrl: string, pool: string[]): Promise<void> {
  const deadline = Date.now() + FAILED_WAIT_MS;
  let pending = pool;
  while (pending.length > 0) {
    if (Date.now() > deadline) throw new Error(`${pending.length} numbers of the mutation pool did not reach FAILED, e.g. ${pending[0]}`);
    await sleep(50);
    const statuses = await inBatches(pending, async (phoneNumber) => {
      const data = await graphql(graphqlUrl, 'query Status($phoneNumber: PhoneNumber!) { number(phoneNumber: $phoneNumber) { sms { scheduledProvisioning { status } } } }', { phoneNumber });
      const status = (data['number'] as { sms: { scheduledProvisioning: { status: string } | null } }).sms.scheduledProvisioning?.status;
      return { phoneNumber, failed: status === 'FAILED' };
    });
    pending = statuses.filter((entry) => !entry.failed).map((entry) => entry.phoneNumber);
  }
}

async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += SETUP_PARALLELISM) {
    results.push(...(await Promise.all(items.slice(start, start + SETUP_PARALLELISM).map(run))));
  }
  return results;
}
