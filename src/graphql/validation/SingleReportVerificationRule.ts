import { GraphQLError, Kind } from 'graphql';
import type { ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';

export const REPORT_VERIFICATION_FIELD = 'reportVerification';

/**
 * Brute-force protection: one GraphQL document may contain at most ONE `reportVerification`
 * field, counted after expanding every fragment (named or inline, however deeply nested) and
 * across every operation of the document. Without it, one HTTP request could try hundreds of
 * codes through aliases (`a: reportVerification(...) b: reportVerification(...)`).
 *
 * The count is syntactic and deliberately strict: two selections that graphql-js would merge
 * into one execution still count twice, and a document with two operations counts both even
 * though only one runs. Fragment counts are memoised, so a document that spreads fragments
 * exponentially (A spreads B twice, B spreads C twice, ...) is still counted in linear time.
 *
 * The error is a validation error: Apollo Server answers HTTP 400 with
 * `extensions.code: GRAPHQL_VALIDATION_FAILED` before anything executes, so nothing reaches Sinch.
 */
export function SingleReportVerificationRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      const found = new Set<FieldNode>();
      const total = countReports(document, found);
      if (total > 1) {
        context.reportError(
          new GraphQLError(
            `A document may contain at most one ${REPORT_VERIFICATION_FIELD} field (aliases and fragments included); this one contains ${total}. Send each verification report in its own request.`,
            { nodes: [...found], extensions: { reason: 'TOO_MANY_VERIFICATION_REPORTS' } },
          ),
        );
      }
      return false;
    },
  };
}

function countReports(document: DocumentNode, found: Set<FieldNode>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const countFragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are reported by graphql-js's own rules; they count nothing here.
    if (fragment === undefined || inProgress.has(name)) return 0;
    inProgress.add(name);
    const count = countSelections(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, count);
    return count;
  };

  const countSelections = (selectionSet: SelectionSetNode | undefined): number => {
    let count = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === REPORT_VERIFICATION_FIELD) {
          found.add(selection);
          count += 1;
        }
        count += countSelections(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += countSelections(selection.selectionSet);
      } else {
        count += countFragment(selection.name.value);
      }
    }
    return count;
  };

  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += countSelections(definition.selectionSet);
  }
  return total;
}
