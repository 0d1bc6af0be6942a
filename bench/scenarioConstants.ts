/** The seed data the scenarios read, shared by the scenario definitions and the baseline. */

/** Extra EST numbers the simulator seeds (`+14157000000` upwards, over the 5 seeded trunks). */
export const EXTRA_NUMBERS = 1000;
/** Digits every extra number starts with (after the `+`): the growth scenario's filter. */
export const BENCH_NUMBER_PATTERN = '14157000';
/** The largest `first` of the `numbers` field (MAX_NUMBERS_PAGE_SIZE). */
export const PAGE_SIZE = 100;
/** A seeded number with SMS linked and RTC voice: scenario (a). */
export const LOOKUP_NUMBER = '+12015550100';
/**
 * Extra numbers reserved for the mutation scenario: from this index on (never in the first
 * 100 numbers the other scenarios list), `MUTATION_NUMBERS_PER_CONNECTION` per connection.
 */
export const MUTATION_FIRST_INDEX = 600;
export const MUTATION_NUMBERS_PER_CONNECTION = 8;
/** A service plan id the simulator fails with SMS_PROVISIONING_FAILED (`FAIL_<CODE>`). */
export const FAILING_SERVICE_PLAN = 'FAIL_SMS_PROVISIONING_FAILED';

export function extraNumber(index: number): string {
  return `+1415${String(7_000_000 + index).padStart(7, '0')}`;
}
