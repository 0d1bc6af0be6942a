import { GraphQLError } from 'graphql';
import type { ASTVisitor, ValidationContext } from 'graphql';

/**
 * With `GRAPHQL_INTROSPECTION` off (production's default), a document that asks for `__schema`
 * or `__type` (the only ways into the introspection types), is refused while validating
 * (GRAPHQL_VALIDATION_FAILED, `reason: INTROSPECTION_DISABLED`, HTTP 400), naming the setting
 * that turns it on. Apollo Server's own refusal tells the client to "pass introspection: true to
 * ApolloServer", which is not something an operator of this gateway can do. `__typename` stays
 * allowed: clients need it for unions.
 */
export function IntrospectionDisabledRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError(`Introspection is off on this gateway (GRAPHQL_INTROSPECTION, off in production by default); the document asks for ${node.name.value}.`, {
            nodes: node,
            extensions: { reason: 'INTROSPECTION_DISABLED' },
          }),
        );
      }
    },
  };
}
