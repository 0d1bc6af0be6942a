import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import type { DefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION } from '../../../src/server/exampleOperation.js';
import { startNumbersTestGateway } from './numbersTestGateway.js';
import type { NumbersTestGateway } from './numbersTestGateway.js';

const SDL = readFileSync(new URL('../../../schema/numbers.graphql', import.meta.url), 'utf8');

/** Every described thing of one definition, as `Type`, `Type.field`, `Type.field(argument)`, `Enum.VALUE`. */
function undescribed(definition: DefinitionNode): string[] {
  const missing: string[] = [];
  const check = (name: string, description: unknown) => {
    if (description === undefined) missing.push(name);
  };
  if (!('name' in definition) || definition.name === undefined) return missing;
  const typeName = definition.name.value;
  const isExtension = definition.kind === Kind.OBJECT_TYPE_EXTENSION;
  if (!isExtension) check(typeName, 'description' in definition ? definition.description : undefined);
  if ('fields' in definition) {
    for (const field of definition.fields ?? []) {
      check(`${typeName}.${field.name.value}`, field.description);
      for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
        check(`${typeName}.${field.name.value}(${argument.name.value})`, argument.description);
      }
    }
  }
  if ('values' in definition) {
    for (const value of definition.values ?? []) check(`${typeName}.${value.name.value}`, value.description);
  }
  return missing;
}

describe('Numbers schema: described for Sandbox', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(parse(SDL).definitions.flatMap(undescribed)).toEqual([]);
  });

  it('keeps the names the SIP Trunking module extends', () => {
    expect(SDL).toMatch(/^type VoiceConfiguration \{/m);
    expect(SDL).toMatch(/^type SmsConfiguration \{/m);
  });
});

describe('Numbers schema: the Sandbox example operation', () => {
  let gateway: NumbersTestGateway;
  beforeAll(async () => {
    gateway = await startNumbersTestGateway();
  });
  afterAll(() => gateway.close());

  it('runs without errors against the seeded simulator', async () => {
    const response = await gateway.query<{ numbers: { nodes: unknown[] } }>(EXAMPLE_OPERATION);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.numbers.nodes).toHaveLength(20);
  });
});
