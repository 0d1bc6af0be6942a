import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, serializeDateTime } from '../../../src/graphql/resolvers/common/scalarResolvers.js';
import { isoDateTime } from '../../../src/upstream/isoDateTime.js';

describe('DateTime: what an upstream timestamp becomes', () => {
  it.each([
    ['2026-12-02T09:00:00Z', '2026-12-02T09:00:00Z'],
    ['2023-06-06T07:45:27.785357123Z', '2023-06-06T07:45:27.785357123Z'],
    ['2024-06-06T14:42:42+02:00', '2024-06-06T14:42:42+02:00'],
    ['2024-01-01T00:00:00+0000', '2024-01-01T00:00:00+0000'],
    ['2023-06-06T07:45:27.785357', '2023-06-06T07:45:27.785357Z'],
    ['2024-02-29T00:00:00', '2024-02-29T00:00:00Z'],
  ])('keeps %j as %j (a zone-less timestamp is UTC by documentation)', (value, expected) => {
    expect(isoDateTime(value)).toBe(expected);
    expect(serializeDateTime(value)).toBe(expected);
  });

  it('publishes a Date as ISO 8601 in UTC', () => {
    expect(serializeDateTime(new Date(Date.UTC(2024, 5, 6, 14, 42, 42)))).toBe('2024-06-06T14:42:42.000Z');
  });

  it.each([
    ['garbage', 'garbage'],
    ['an empty string', ''],
    ['a date without a time', '2024-06-06'],
    ['month 13', '2024-13-01T00:00:00Z'],
    ['February 30', '2024-02-30T00:00:00Z'],
    ['hour 25', '2024-01-01T25:00:00Z'],
    ['text after the zone', '2024-01-01T00:00:00Zjunk'],
    ['a number', 1717684962000],
    ['an invalid Date', new Date(Number.NaN)],
  ])('refuses %s: null, never an invented value', (_name, value) => {
    expect(isoDateTime(value)).toBeNull();
  });

  it('fails the field for a value that still reaches the scalar, without quoting it', () => {
    expect(() => DateTimeScalar.serialize('garbage')).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize('garbage')).toThrow(/^DateTime cannot represent a value that is not an ISO 8601 date-time\.$/);
  });
});
