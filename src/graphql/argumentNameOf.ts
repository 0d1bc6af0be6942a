import { BREAK, Kind, visit } from 'graphql';
import type { ASTNode, DocumentNode } from 'graphql';

/**
 * The argument a value of `document` is given to, as `InvalidInputError` names arguments:
 * `phoneNumber`, or `input.phoneNumber` for a field of an input object. `node` is the value
 * itself (a literal) or the definition of the variable that carries it (the first place the
 * variable is used). Undefined when the node is not inside an argument.
 */
export function argumentNameOf(document: DocumentNode, node: ASTNode): string | undefined {
  const target = node.kind === Kind.VARIABLE_DEFINITION ? node.variable.name.value : undefined;
  let name: string | undefined;
  visit(document, {
    enter(current, _key, parent, _path, ancestors) {
      const found = target === undefined ? current === node : current.kind === Kind.VARIABLE && current.name.value === target && ancestors.some(isInsideOperationBody);
      if (!found) return undefined;
      // graphql-js's `ancestors` stop above `parent`.
      const names = [...ancestors, ...(parent === undefined ? [] : [parent])]
        .filter((ancestor): ancestor is ASTNode => !Array.isArray(ancestor))
        .flatMap((ancestor) => (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD ? [ancestor.name.value] : []));
      name = names.length === 0 ? undefined : names.join('.');
      return BREAK;
    },
  });
  return name;
}

/** A variable's use, not its definition (`$p: PhoneNumber = …` also holds a Variable node). */
function isInsideOperationBody(ancestor: ASTNode | readonly ASTNode[]): boolean {
  return !Array.isArray(ancestor) && (ancestor as ASTNode).kind === Kind.SELECTION_SET;
}
