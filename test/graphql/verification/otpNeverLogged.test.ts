import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { executionEnvironment } from '../../support/executionEnvironment.js';
import { createGateway, type Gateway } from '../../../src/server/createGateway.js';
import { createLogger } from '../../../src/server/createLogger.js';
import { useSimulator } from '../../../src/server/useSimulator.js';
import { startSimulator, type RunningSimulator } from '../../../src/simulator/startSimulator.js';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { REPORT, START } from './verificationTestGateway.js';

/** Codes distinctive enough that no id, timestamp or port can contain them by chance. */
const RIGHT_CODE = 'EFGH'; // Alpha code of +46701234567 in the simulator
const WRONG_CODES = ['ZQXJW1', 'ZQXJW2', 'ZQXJW3', 'ZQXJW4', 'ZQXJW5', 'ZQXJW6', 'ZQXJW7'];

describe('Verification: one-time codes never reach the logs', () => {
  let simulator: RunningSimulator;
  let gateway: Gateway;
  let url: string;
  const lines: string[] = [];

  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const response = await request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.body.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
  };

  beforeAll(async () => {
    simulator = await startSimulator();
    const config = useSimulator(loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...executionEnvironment() }), simulator.url);
    // The most verbose level, so every debug line of the upstream layer is captured too.
    gateway = await createGateway(config, { logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) });
    url = await gateway.listen();
  });
  afterAll(async () => {
    await gateway.close();
    await simulator.close();
  });

  it('logs no code on success, failure, upstream error, rate limiting, bad input or a rejected document', async () => {
    const started = await graphql(START, { input: { phoneNumber: '+46701234567', method: 'SMS', sms: { codeType: 'ALPHA' } } });
    const id = started.data?.['startVerification']?.id;
    const wrong = [...WRONG_CODES];
    await graphql(REPORT, { input: { id, method: 'SMS', code: wrong.shift() } });
    await new SimulatorAdmin(simulator.url).addFault({ method: 'PUT', path: '^/verification/', status: 503, body: { errorCode: 50300, message: 'down' } });
    await graphql(REPORT, { input: { id, method: 'SMS', code: wrong.shift() } });
    await graphql(REPORT, { input: { id, method: 'SMS', code: RIGHT_CODE } });
    await graphql(REPORT, { input: { phoneNumber: '+4670', method: 'SMS', code: wrong.shift() } });
    await graphql(REPORT, { input: { id: '../x', method: 'SMS', code: wrong.shift() } });
    await graphql(`mutation { a: reportVerification(input: {id: "${id}", method: SMS, code: "${wrong.shift()}"}) { status } b: reportVerification(input: {id: "${id}", method: SMS, code: "${wrong.shift()}"}) { status } }`, {});
    for (let attempt = 0; attempt < 3; attempt++) await graphql(REPORT, { input: { id, method: 'SMS', code: WRONG_CODES[6] } });

    const output = lines.join('');
    expect(output).toContain('upstream call');
    expect(output).toContain('"statusCode":503');
    for (const code of [RIGHT_CODE, ...WRONG_CODES]) expect(output).not.toContain(code);
  });
});
