import type { Money } from '../../../generated/graphql.js';
import type { Money as WireMoney } from '../../../upstream/numbers/numbersWireTypes.js';

/** A price, or null when Sinch sent none or only half of one (both `Money` fields are non-null). */
export function toMoney(money: WireMoney | null | undefined): Money | null {
  if (!money?.currencyCode || !money.amount) {
    return null;
  }
  return { currencyCode: money.currencyCode, amount: money.amount };
}
