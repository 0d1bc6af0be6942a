import type { NumbersLoaders } from './createNumbersLoaders.js';
import type { ActiveNumber } from './numbersWireTypes.js';

/**
 * Puts the number a mutation returned into the request's cache, replacing what was loaded
 * before: later fields of the same operation see the number as it is after the change.
 */
export function primeActiveNumber(loaders: NumbersLoaders, number: ActiveNumber): void {
  if (number.phoneNumber !== undefined) {
    loaders.activeNumber.clear(number.phoneNumber).prime(number.phoneNumber, number);
  }
}
