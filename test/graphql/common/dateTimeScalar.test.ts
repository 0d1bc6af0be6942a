import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, serializeDateTime } from '../../../src/graphql/resolvers/common/scalarResolvers.js';
import { isDateTimeText, isoDateTime } from '../../../src/upstream/isoDateTime.js';

describe('DateTime: what an upstream timestamp becomes', () => {
  it.each([
    ['2026-12-02T09:00:00Z', '2026-12-02T09:00:00Z', '2026-12-02T09:00:00.000Z'],
    ['2023-06-06T07:45:27.785357123Z', '2023-06-06T07:45:27.785357123Z', '2023-06-06T07:45:27.785Z'],
    ['2024-06-06T14:42:42+02:00', '2024-06-06T14:42:42+02:00', '2024-06-06T12:42:42.000Z'],
    ['2024-01-01T00:00:00+0000', '2024-01-01T00:00:00+0000', '2024-01-01T00:00:00.000Z'],
    ['2023-06-06T07:45:27.785357', '2023-06-06T07:45:27.785357Z', '2023-06-06T07:45:27.785Z'],
    ['2024-02-29T00:00:00', '2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    // Verification's seven fractional digits, without a zone; the last millisecond of a day stays in it.
    ['2026-12-31T23:59:59.9999999', '2026-12-31T23:59:59.9999999Z', '2026-12-31T23:59:59.999Z'],
    ['2024-06-06t14:42z', '2024-06-06t14:42z', '2024-06-06T14:42:00.000Z'],
    ['2024-06-06T24:00:00.000Z', '2024-06-06T24:00:00.000Z', '2024-06-07T00:00:00.000Z'],
    ['2024-06-06T14:42:42.820Z', '2024-06-06T14:42:42.820Z', '2024-06-06T14:42:42.820Z'],
  ])('reads %j as %j and publishes it as %j: RFC 3339, UTC, milliseconds', (value, read, published) => {
    expect(isoDateTime(value)).toBe(read);
    expect(serializeDateTime(value)).toBe(published);
    expect(serializeDateTime(value)).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/);
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

  it('accepts exactly what Date.parse accepts in the ISO shape, on a real calendar date, over every boundary', () => {
    // The reference: the ISO shape by regular expression, Date.parse for the ranges, and the
    // calendar check Date.parse lacks. The char-code reader must agree on every combination.
    const shape = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$/i;
    const daysIn = (year: number, month: number) => {
      const lastDay = new Date(0);
      lastDay.setUTCFullYear(year, month, 0); // day 0 of the next month; Date.UTC would read year 0 as 1900
      return lastDay.getUTCDate();
    };
    const reference = (value: string) => {
      if (!shape.test(value)) return false;
      const parsed = Date.parse(/(Z|[+-][0-9]{2}:?[0-9]{2})$/i.test(value) ? value : `${value}Z`);
      const [year, month, day] = [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
      return !Number.isNaN(parsed) && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    };
    const dates = ['2024-02-29', '0000-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-02-30', '2024-04-31', '2024-12-31', '2024-13-01', '2024-00-10', '2024-01-00', '0000-01-01', '9999-12-31', '2024-1-01', '20x4-01-01'];
    const separators = ['T', 't', ' ', ''];
    const times = ['00:00', '23:59', '24:00', '24:01', '25:00', '12:60', '1:00', '12:5'];
    const seconds = ['', ':00', ':59', ':60', ':5', ':00.', ':00.0', ':00.000', ':00.0001', ':59.999999999', ':00.1a'];
    const zones = ['', 'Z', 'z', '+00:00', '-0000', '+23:59', '+24:00', '+2360', '+01', '+1:00', '-05:30', 'Zjunk', 'junk', ' '];
    let compared = 0;
    let accepted = 0;
    for (const date of dates) for (const separator of separators) for (const time of times) for (const second of seconds) for (const zone of zones) {
      const value = `${date}${separator}${time}${second}${zone}`;
      const expected = reference(value);
      if (isDateTimeText(value) !== expected) {
        expect.fail(`${JSON.stringify(value)}: expected ${expected ? 'accepted' : 'refused'}`);
      }
      compared += 1;
      if (expected) accepted += 1;
    }
    expect(compared).toBe(dates.length * separators.length * times.length * seconds.length * zones.length);
    // Both outcomes are well represented: the grid is not all refusals.
    expect(accepted).toBeGreaterThan(1000);
  });
});
