import { GraphQLError } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { measureOperations } from './measureOperations.js';
import type { RequestVariables } from './measureOperations.js';

/**
 * The words of every cost refusal, at validation and with the request's variables alike;
 * `extensions` adds what Apollo does not set outside validation (the code, the HTTP status).
 */
export function costRefusal(operation: OperationDefinitionNode, found: number, limit: number, extensions: Record<string, unknown> = {}): GraphQLError {
  const name = operation.name === undefined ? 'The anonymous operation' : `The operation ${operation.name.value}`;
  return new GraphQLError(`${name} has an estimated cost of ${found} (ask for fewer items with first/last, or fewer nested lists); the limit is ${limit}.`, {
    nodes: [operation],
    extensions: { ...extensions, reason: 'MAX_COST_EXCEEDED', limit, found },
  });
}

/**
 * The cost of the operation about to run, priced with the request's own variables: validation
 * runs once per document and before variables are known, so there `first: $n` counted only as
 * a lower bound. Operations without variables were priced exactly by validation and are not
 * measured again. Undefined when the operation is within `maxCost`.
 */
export function operationCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: RequestVariables | undefined,
  maxCost: number,
): GraphQLError | undefined {
  if ((operation.variableDefinitions ?? []).length === 0) return undefined;
  const measurement = measureOperations(schema, document, variables ?? {}).get(operation);
  if (measurement === undefined || !measurement.sizedByVariables || measurement.cost <= maxCost) return undefined;
  return costRefusal(operation, measurement.cost, maxCost, { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } });
}
