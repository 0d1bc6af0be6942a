import { InvalidInputError } from '../../../errors/InvalidInputError.js';
import type { CreateNumberOrderInput } from '../../../generated/graphql.js';
import type { CreateNumberOrderRequest } from '../../../upstream/numbers/numbersWireTypes.js';
import { toNumberConfigurationRequest } from '../numbers/toNumberConfigurationRequest.js';

const MAX_QUANTITY = 100;

/** `createNumberOrder`'s body: exactly one of the two order options, checked before any call to Sinch. */
export function toCreateNumberOrderRequest(input: CreateNumberOrderInput): CreateNumberOrderRequest {
  const configuration = toNumberConfigurationRequest(input, 'input');
  const base = { regionCode: input.regionCode, numberType: input.type, ...configuration };
  if ((input.phoneNumber == null) === (input.quantity == null)) {
    throw new InvalidInputError('input', 'Give exactly one of input.phoneNumber and input.quantity.');
  }
  if (input.phoneNumber != null) {
    return { ...base, numberOrderOption: { phoneNumbers: [input.phoneNumber] } };
  }
  const quantity = input.quantity;
  if (quantity == null || !Number.isInteger(quantity.requestedQuantity) || quantity.requestedQuantity < 1 || quantity.requestedQuantity > MAX_QUANTITY) {
    throw new InvalidInputError('input.quantity.requestedQuantity', `requestedQuantity must be between 1 and ${MAX_QUANTITY}.`);
  }
  return {
    ...base,
    quantityOrderOption: {
      requestedQuantity: quantity.requestedQuantity,
      ...(quantity.pattern == null ? {} : { numberPattern: { pattern: quantity.pattern.pattern, searchPattern: quantity.pattern.searchPattern ?? undefined } }),
      ...(quantity.capabilities == null ? {} : { capabilities: quantity.capabilities }),
      ...(quantity.sequential == null ? {} : { sequential: quantity.sequential }),
    },
  };
}
