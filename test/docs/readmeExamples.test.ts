import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/createSchema.js';
import { README_EXAMPLES } from '../../src/server/explorer/readmeExamples.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

describe('README: example operations', () => {
  const schema = createSchema();

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((document, index) => [index + 1, document] as const))('example %i is valid against the schema', (_index, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});

describe('README: the explorer opens with its examples', () => {
  it('has every README example, word for word, as an explorer tab, and no other', () => {
    expect(README_EXAMPLES.map((example) => example.query.trim())).toEqual(examples.map((example) => example.trim()));
  });
});

describe("README: the error example is the gateway's answer", () => {
  it('answers releaseNumber of a number the project does not rent as shown', async () => {
    const { startTestGateway } = await import('../support/startTestGateway.js');
    const shown = JSON.parse(/releaseNumber\(phoneNumber: "\+12015550999"\)[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '{}') as { extensions: Record<string, unknown> };
    const gateway = await startTestGateway();
    try {
      const response = await gateway.query('mutation { releaseNumber(phoneNumber: "+12015550999") { phoneNumber } }');
      expect(response.body.errors).toEqual([{ ...shown, extensions: { ...shown.extensions, requestId: expect.any(String) } }]);
    } finally {
      await gateway.close();
    }
  });
});
