import { GraphQLError } from 'graphql';
import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { measureOperations } from './measureOperations.js';
import { costRefusal } from './operationCostError.js';
import type { OperationMeasurement } from './measureOperations.js';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
}

/** `extensions.reason` of each refusal; the `extensions.code` is Apollo's GRAPHQL_VALIDATION_FAILED. */
export const QUERY_LIMIT_REASONS = {
  depth: 'MAX_DEPTH_EXCEEDED',
  cost: 'MAX_COST_EXCEEDED',
  aliases: 'MAX_ALIASES_EXCEEDED',
  directives: 'MAX_DIRECTIVES_EXCEEDED',
} as const;

const CHECKS = [
  { measure: 'depth', limit: 'maxDepth', describe: (found: number) => `is nested ${found} fields deep` },
  { measure: 'cost', limit: 'maxCost', describe: (found: number) => `has an estimated cost of ${found} (ask for fewer items with first/last, or fewer nested lists)` },
  { measure: 'aliases', limit: 'maxAliases', describe: (found: number) => `uses ${found} aliases` },
  { measure: 'directives', limit: 'maxDirectives', describe: (found: number) => `uses ${found} directives` },
] as const satisfies ReadonlyArray<{ measure: keyof OperationMeasurement; limit: keyof QueryLimits; describe: (found: number) => string }>;

/**
 * Refuses operations that are too deep, too costly, or use too many aliases or directives,
 * during validation: Apollo Server answers HTTP 400 with `GRAPHQL_VALIDATION_FAILED` and the
 * `extensions.reason` above, and nothing executes. The limits are exposed in the message: they
 * are not secret, and a client needs them to fix its operation.
 *
 * Written here rather than taken from GraphQL Armor: Armor's rules throw out of the validation
 * visitor instead of reporting (which Apollo turns into a 500), count a fragment spread as a
 * level of depth, and ignore `first` given through a variable. See docs/operations.md.
 */
export function createQueryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const [operation, measurement] of measureOperations(context.getSchema(), document)) {
        const name = operation.name === undefined ? 'The anonymous operation' : `The operation ${operation.name.value}`;
        for (const check of CHECKS) {
          const found = measurement[check.measure];
          const limit = limits[check.limit];
          if (found > limit && check.measure === 'cost') {
            // A cost sized by variables is a lower bound here; it is priced again with them (queryCostPlugin).
            context.reportError(costRefusal(operation, found, limit));
          } else if (found > limit) {
            context.reportError(
              new GraphQLError(`${name} ${check.describe(found)}; the limit is ${limit}.`, {
                nodes: [operation],
                extensions: { reason: QUERY_LIMIT_REASONS[check.measure], limit, found },
              }),
            );
          }
        }
      }
      return false;
    },
  });
}
