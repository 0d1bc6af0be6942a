import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_VALUES } from '../../src/errors/ErrorCode.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function sdlErrorCodes(): string[] {
  const document = parse(read('schema/common.graphql'));
  const enumType = document.definitions.find((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'ErrorCode');
  if (enumType?.kind !== Kind.ENUM_TYPE_DEFINITION) {
    throw new Error('schema/common.graphql has no enum ErrorCode');
  }
  return (enumType.values ?? []).map((value) => value.name.value);
}

/** The first column of the table under "## Error codes" in docs/errors.md. */
function documentedErrorCodes(): string[] {
  const section = read('docs/errors.md').split(/^## /m).find((part) => part.startsWith('Error codes'));
  if (section === undefined) {
    throw new Error('docs/errors.md has no "## Error codes" section');
  }
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1] ?? '');
}

describe('ErrorCode: the SDL, the code and the docs list the same codes', () => {
  it('lists the same codes in the SDL enum and in ERROR_CODES, in the same order', () => {
    expect(sdlErrorCodes()).toEqual(ERROR_CODE_VALUES);
  });

  it('lists the same codes in docs/errors.md, in the same order', () => {
    expect(documentedErrorCodes()).toEqual(ERROR_CODE_VALUES);
  });

  it('describes every code in the SDL and in ERROR_CODES', () => {
    const document = parse(read('schema/common.graphql'));
    const enumType = document.definitions.find((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'ErrorCode');
    const undescribed = enumType?.kind === Kind.ENUM_TYPE_DEFINITION ? (enumType.values ?? []).filter((value) => !value.description?.value.trim()) : [];
    expect(undescribed.map((value) => value.name.value)).toEqual([]);
    expect(Object.entries(ERROR_CODES).filter(([, meaning]) => meaning.trim() === '')).toEqual([]);
  });

  it('documents every code that appears in the mapping table', () => {
    const mappings = read('docs/errors.md').split(/^## /m).find((part) => part.startsWith('Where the codes come from')) ?? '';
    const used = new Set([...mappings.matchAll(/\| `([A-Z_]+)` \| (yes|no) \|$/gm)].map((match) => match[1]));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((code) => !(code !== undefined && code in ERROR_CODES))).toEqual([]);
  });
});
