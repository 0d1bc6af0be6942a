import type { NumberFilter } from '../../../generated/graphql.js';
import type { ListActiveNumbersQuery } from '../../../upstream/numbers/numbersWireTypes.js';

/** The upstream query a `NumberFilter` asks for, without paging. */
export function toActiveNumbersQuery(filter: NumberFilter | null | undefined): ListActiveNumbersQuery {
  return {
    regionCode: filter?.regionCode ?? undefined,
    type: filter?.type ?? undefined,
    capabilities: filter?.capabilities ?? undefined,
    pattern: filter?.pattern ? { pattern: filter.pattern.pattern, searchPattern: filter.pattern.searchPattern ?? undefined } : undefined,
    orderBy: filter?.orderBy === 'DISPLAY_NAME' ? 'displayName' : filter?.orderBy === 'PHONE_NUMBER' ? 'phoneNumber' : undefined,
  };
}
