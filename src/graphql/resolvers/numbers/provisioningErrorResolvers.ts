import type { ProvisioningErrorResolvers, Resolvers } from '../../../generated/graphql.js';
import type { ProvisioningErrorDescription } from '../../../upstream/numbers/ProvisioningErrorDescription.js';

type ProvisioningErrorTypeName = ReturnType<Extract<ProvisioningErrorResolvers['__resolveType'], (...args: never[]) => unknown>>;

/**
 * The union member of an explained error code is chosen by the catalogue
 * (src/upstream/numbers/provisioningErrorCatalog.ts); a test keeps its type names and the SDL's
 * union members the same. The members' fields are the description's own properties.
 */
function typeNameOf(error: ProvisioningErrorDescription): ProvisioningErrorTypeName {
  return error.typeName as ProvisioningErrorTypeName;
}

export const provisioningErrorResolvers: Pick<Resolvers, 'ProvisioningError' | 'ProvisioningErrorDetails'> = {
  ProvisioningError: { __resolveType: typeNameOf },
  ProvisioningErrorDetails: { __resolveType: typeNameOf },
};
