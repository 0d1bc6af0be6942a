import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTypeDefinitions } from '../../../src/graphql/createSchema.js';
import { SingleReportVerificationRule } from '../../../src/graphql/validation/SingleReportVerificationRule.js';
import { startVerificationTestGateway, type VerificationTestGateway } from './verificationTestGateway.js';

const report = (code: string) => `reportVerification(input: { id: "v-1", method: SMS, code: "${code}" }) { status }`;

/** Documents that try more than one code in one request, every way GraphQL allows. */
const SMUGGLING_DOCUMENTS: Record<string, string> = {
  'two aliases': `mutation { a: ${report('1111')} b: ${report('2222')} }`,
  'one through a named fragment': `mutation { a: ${report('1111')} ...Guess } fragment Guess on Mutation { b: ${report('2222')} }`,
  'one through an inline fragment': `mutation { a: ${report('1111')} ... on Mutation { b: ${report('2222')} } }`,
  'nested fragments': `mutation { ...Outer }
    fragment Outer on Mutation { a: ${report('1111')} ... on Mutation { ...Inner } }
    fragment Inner on Mutation { ... { b: ${report('2222')} } }`,
  'the same fragment spread twice': `mutation { ...Guess ... on Mutation { ...Guess } } fragment Guess on Mutation { ${report('1111')} }`,
  'two operations in one document': `mutation A { ${report('1111')} } mutation B { ${report('2222')} }`,
};

describe('Verification: at most one reportVerification per document (validation rule)', () => {
  // Built with this module's own graphql (not graphql-tools'), so `validate` accepts it under vitest's dual graphql builds.
  const schema = buildSchema(loadTypeDefinitions().join('\n'));
  const errorsOf = (source: string) => validate(schema, parse(source), [SingleReportVerificationRule]);

  for (const [name, source] of Object.entries(SMUGGLING_DOCUMENTS)) {
    it(`rejects ${name}`, () => {
      const errors = errorsOf(source);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/at most one reportVerification/);
      expect(errors[0]?.extensions).toEqual({ reason: 'TOO_MANY_VERIFICATION_REPORTS' });
    });
  }

  it('accepts one report, alone or next to other fields', () => {
    expect(errorsOf(`mutation { ${report('1111')} }`)).toEqual([]);
    expect(errorsOf(`mutation { ...F } fragment F on Mutation { x: ${report('1111')} }`)).toEqual([]);
    expect(errorsOf(`mutation { ${report('1111')} startVerification(input: { phoneNumber: "+46701234567", method: SMS }) { id } }`)).toEqual([]);
  });

  it('counts an exponential fragment fan-out in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1 ? `fragment F${level} on Mutation { ${report('1')} }` : `fragment F${level} on Mutation { ...F${level + 1} ... on Mutation { ...F${level + 1} } }`,
    );
    const started = performance.now();
    const errors = validate(schema, parse(`mutation { ...F0 } ${fragments.join(' ')}`), [SingleReportVerificationRule]);
    expect(errors[0]?.message).toMatch(/contains 549755813888/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('Verification: the rule through the gateway', () => {
  let gateway: VerificationTestGateway;
  beforeAll(async () => {
    gateway = await startVerificationTestGateway();
  });
  beforeEach(() => gateway.admin.reset());
  afterAll(() => gateway.close());

  for (const [name, source] of Object.entries(SMUGGLING_DOCUMENTS)) {
    it(`answers HTTP 400 GRAPHQL_VALIDATION_FAILED to ${name}, with no upstream call`, async () => {
      const { id } = await gateway.start({ phoneNumber: '+46701234567', method: 'SMS' });
      await gateway.admin.clearRequests();
      const response = await gateway.query(source.replaceAll('v-1', id), undefined, name.includes('operations') ? {} : undefined);
      expect(response.status).toBe(400);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_VERIFICATION_REPORTS' });
      expect(await gateway.upstreamCalls()).toBe(0);
    });
  }
});
