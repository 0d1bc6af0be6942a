import { expect } from 'vitest';
import { SimulatorAdmin } from '../../support/simulatorAdmin.js';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestGatewayOptions } from '../../support/startTestGateway.js';

export const START = `mutation Start($input: StartVerificationInput!) {
  startVerification(input: $input) {
    __typename id method links { rel href method }
    ... on SmsVerificationStart { template interceptionTimeoutSeconds codeType contentLanguage }
    ... on FlashCallVerificationStart { cliFilter interceptionTimeoutSeconds reportTimeoutSeconds denyCallAfterSeconds }
    ... on SeamlessVerificationStart { targetUri }
    ... on WhatsAppVerificationStart { codeType }
  }
}`;

export const REPORT = `mutation Report($input: ReportVerificationInput!) {
  reportVerification(input: $input) { id method methodRaw status statusRaw reason reasonRaw callComplete }
}`;

export const VERIFICATION_FIELDS = `id method methodRaw status statusRaw reason reasonRaw reference identity { type endpoint } countryId timestamp
  source callComplete callResult callResultRaw
  price { verificationPrice { currencyCode amount } terminationPrice { currencyCode amount } billableDurationSeconds }`;

/** A real gateway over a real simulator, with the admin client and the two mutations at hand. */
export interface VerificationTestGateway extends TestGateway {
  admin: SimulatorAdmin;
  start(input: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>>;
  report(input: Record<string, unknown>): Promise<GraphQLResponse>;
  /** How many requests reached the simulator's Verification API. */
  upstreamCalls(): Promise<number>;
}

export async function startVerificationTestGateway(options: TestGatewayOptions = {}): Promise<VerificationTestGateway> {
  const gateway = await startTestGateway(options);
  const admin = new SimulatorAdmin(gateway.simulatorUrl);
  return Object.assign(gateway, {
    admin,
    async start(input: Record<string, unknown>) {
      const response = await gateway.query<{ startVerification: { id: string } }>(START, { input });
      expect(response.body.errors).toBeUndefined();
      return response.body.data?.startVerification as { id: string } & Record<string, unknown>;
    },
    report: (input: Record<string, unknown>) => gateway.query(REPORT, { input }),
    upstreamCalls: async () => (await admin.requests('VERIFICATION')).length,
  });
}

export function errorOf(response: GraphQLResponse): { message: string; extensions: Record<string, unknown> } {
  const [error] = response.body.errors ?? [];
  expect(error, JSON.stringify(response.body)).toBeDefined();
  return error as { message: string; extensions: Record<string, unknown> };
}
