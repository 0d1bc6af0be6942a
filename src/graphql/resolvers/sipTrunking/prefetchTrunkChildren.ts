import { Kind } from 'graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../../GatewayContext.js';

/**
 * A trunk reached from a number (`voice.trunk`) is known by id before the trunk itself has been
 * read. Its endpoints, ACLs, credential lists and numbers are listed by that id alone, so when
 * the query selects them they are requested now, in parallel with the trunk, instead of after
 * it: the critical path is two round trips (numbers list, then trunk and children), not three.
 * The loaders de-duplicate, so the call count is unchanged; a failure is not handled here but
 * surfaces, from the loader's cache, in the field that selected it.
 */
export function prefetchTrunkChildren(context: GatewayContext, trunkId: string, info: GraphQLResolveInfo): void {
  const selected = selectedFieldNames(info);
  const loaders = context.sipTrunking.loaders;
  const prefetch = (load: () => Promise<unknown>) => void load().catch(() => undefined);
  if (selected.has('endpoints')) prefetch(() => loaders.trunkEndpoints.load(trunkId));
  if (selected.has('accessControlLists')) prefetch(() => loaders.trunkAccessControlListIds.load(trunkId));
  if (selected.has('credentialLists')) prefetch(() => loaders.trunkCredentialLists.load(trunkId));
  if (selected.has('numbers') || selected.has('phoneNumbers')) prefetch(() => loaders.trunkPhoneNumbers.load(trunkId));
}

/** The field names selected directly under this field, through inline fragments and fragment spreads. */
function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, depth: number) => {
    if (selectionSet === undefined || depth > 10) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, depth + 1);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, depth + 1);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return names;
}
