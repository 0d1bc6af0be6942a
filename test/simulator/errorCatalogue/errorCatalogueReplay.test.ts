import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../support/startTestGateway.js';
import { matchesSeedError, SEED_ERRORS, type SeedError } from './seedErrors.js';

/** One entry of docs/error-examples.json (format: docs/simulator.md, "The error catalogue"). */
interface CatalogueEntry {
  seed: string;
  service: string;
  httpStatus: number | null;
  code: string | null;
  message: string | null;
  setup?: Array<{ query: string; variables: Record<string, unknown> }>;
  operation: { query: string; variables: Record<string, unknown> };
}

interface UpstreamExtension {
  service: string;
  httpStatus: number | null;
  status: string | null;
  code: string | null;
  message?: string | null;
}

const CATALOGUE_PATH = new URL('../../../docs/error-examples.json', import.meta.url);
const catalogue = JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8')) as CatalogueEntry[];
const ENTRY_KEYS = ['seed', 'service', 'httpStatus', 'code', 'message', 'setup', 'operation'];

function label(entry: CatalogueEntry): string {
  return `${entry.seed} ${entry.service} ${entry.httpStatus ?? '-'} ${entry.code ?? '-'} ${entry.message ?? ''}`.trim();
}

function seedErrorOf(entry: CatalogueEntry): SeedError {
  const matches = SEED_ERRORS.filter((seedError) => matchesSeedError(seedError, entry));
  expect(matches, label(entry)).toHaveLength(1);
  return matches[0] as SeedError;
}

describe('Error catalogue: one entry per error of seeds 000–003', () => {
  it('has the documented shape', () => {
    for (const entry of catalogue) {
      expect(Object.keys(entry).every((key) => ENTRY_KEYS.includes(key)), label(entry)).toBe(true);
      expect(entry.operation.query, label(entry)).toMatch(/^(query|mutation) \{/);
      expect(entry.operation.variables).toEqual({});
      for (const step of entry.setup ?? []) expect(step.variables).toEqual({});
    }
  });

  it('lists every seed error the gateway can reach exactly once, and nothing else', () => {
    const covered = catalogue.map(seedErrorOf);
    const expected = SEED_ERRORS.filter((seedError) => seedError.reachable !== false);
    for (const seedError of expected) {
      expect(covered.filter((candidate) => candidate === seedError), JSON.stringify(seedError)).toHaveLength(1);
    }
    expect(covered.every((seedError) => seedError.reachable !== false)).toBe(true);
    expect(catalogue).toHaveLength(expected.length);
  });
});

/**
 * Replays the whole catalogue through a real gateway against the embedded simulator, twice in a
 * row without a reset: an entry must give its error on a fresh start (`npm start`) and again when
 * replayed, since that is how a developer uses it.
 */
describe('Error catalogue: every entry replayed through the gateway', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  async function replay(entry: CatalogueEntry): Promise<void> {
    for (const step of entry.setup ?? []) await gateway.query(step.query, step.variables);
    const response = await gateway.query(entry.operation.query, entry.operation.variables);
    expect(response.status, label(entry)).toBe(200);
    if (entry.seed === '000') {
      expect(response.body.errors, label(entry)).toBeUndefined();
      const number = response.body.data?.['number'] as { sms: { scheduledProvisioning: { status: string; errors: Array<{ upstreamCode: string }> } } };
      expect(number.sms.scheduledProvisioning.status).toBe('FAILED');
      expect(number.sms.scheduledProvisioning.errors.map((error) => error.upstreamCode)).toEqual([entry.code]);
      return;
    }
    const errors = response.body.errors ?? [];
    expect(errors, label(entry)).toHaveLength(1);
    const upstream = errors[0]?.extensions?.['upstream'] as UpstreamExtension | undefined;
    const seedError = seedErrorOf(entry);
    expect(upstream, label(entry)).toMatchObject({ service: entry.service, httpStatus: entry.httpStatus, code: entry.code, status: seedError.status });
    if ((entry.httpStatus ?? 0) < 500) {
      expect(upstream?.message ?? null, label(entry)).toBe(entry.message);
    } else {
      // The gateway withholds the text of an upstream 5xx (docs/security.md): the client gets
      // the gateway's own message, never the upstream's.
      expect(upstream?.message ?? null, label(entry)).toBeNull();
      if (entry.message !== null) expect(errors[0]?.message, label(entry)).not.toContain(entry.message);
    }
  }

  for (const round of ['on a fresh simulator', 'when replayed']) {
    it(`produces each entry's upstream error ${round}`, async () => {
      for (const entry of catalogue) await replay(entry);
    });
  }
});
