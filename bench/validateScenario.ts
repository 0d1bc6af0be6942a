import { nextBody } from './measureCell.js';
import type { LoadTarget } from './measureCell.js';
import { postJson } from './postJson.js';
import type { Json, Scenario } from './scenarios.js';
import type { SimulatorAdmin } from './SimulatorAdmin.js';

/**
 * Sends a scenario's request to a target and fails, with the answer in the message, unless it
 * is HTTP 200 without GraphQL `errors` and with the data the scenario expects. The request is
 * sent twice and the upstream calls of the second one are returned: the first may fetch the
 * OAuth token or, for the baseline, learn page tokens.
 */
export async function validateScenario(target: LoadTarget, scenario: Scenario, admin: SimulatorAdmin): Promise<number> {
  let calls = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    await admin.clearRequestLog();
    const { status, json } = await postJson(`${target.origin}${target.pathFor(scenario)}`, nextBody(target, scenario));
    const problem =
      status !== 200
        ? `HTTP ${status}`
        : json['errors'] !== undefined
          ? 'the answer has GraphQL errors'
          : scenario.check((json['data'] ?? {}) as Json);
    if (problem !== undefined) {
      throw new Error(`scenario (${scenario.key}) ${scenario.title} on the ${target.kind}: ${problem}; a benchmark of failing answers is meaningless.\nAnswer: ${JSON.stringify(json).slice(0, 1500)}`);
    }
    calls = (await admin.upstreamCalls()).length;
  }
  return calls;
}
