import { describe, expect, it } from 'vitest';
import fixtureEvent from '../fixtures/numbers/number-sinch-event.json' with { type: 'json' };
import { parseCallbackTimestamp, parseNumbersCallbackEvent } from '../../src/webhooks/NumbersCallbackEvent.js';

describe('Numbers webhook: NumbersCallbackEvent', () => {
  it.each([
    ['2023-06-06T07:45:27.785357', '2023-06-06T07:45:27.785Z'],
    ['2024-02-10T17:22:09.412722588', '2024-02-10T17:22:09.412Z'],
    ['2023-06-06T07:45:27', '2023-06-06T07:45:27.000Z'],
    ['2023-06-06T07:45:27.7Z', '2023-06-06T07:45:27.700Z'],
    ['2023-06-06T09:45:27.785+02:00', '2023-06-06T07:45:27.785Z'],
  ])('reads %s as UTC unless it says otherwise', (timestamp, iso) => {
    expect(parseCallbackTimestamp(timestamp)).toBe(Date.parse(iso));
  });

  it.each(['', 'yesterday', '2023-06-06 07:45:27', '2023-06-06T07:45:27.1234567890'])('finds no time in %j', (timestamp) => {
    expect(parseCallbackTimestamp(timestamp)).toBeNaN();
  });

  it('parses the SDK fixture event (a FAILED campaign provisioning)', () => {
    expect(parseNumbersCallbackEvent(fixtureEvent)).toEqual({
      ok: true,
      event: { ...fixtureEvent, occurredAt: Date.parse('2023-06-06T07:45:27.787Z') },
    });
  });

  it('keeps an unknown failure code as a string and defaults the optional codes to null', () => {
    const parsed = parseNumbersCallbackEvent({ ...fixtureEvent, failureCode: 'CARRIER_TIMEOUT_2027', internalFailureCode: undefined });
    expect(parsed).toMatchObject({ ok: true, event: { failureCode: 'CARRIER_TIMEOUT_2027', internalFailureCode: null } });
  });

  it('names the fields that are wrong without echoing their values', () => {
    const parsed = parseNumbersCallbackEvent({ ...fixtureEvent, eventType: 'SECRET-VALUE', projectId: '' });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.join('\n')).toMatch(/eventType/);
    expect(problems.join('\n')).toMatch(/projectId/);
    expect(problems.join('\n')).not.toContain('SECRET-VALUE');
  });
});
