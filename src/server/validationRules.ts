import type { ValidationRule } from 'graphql';
import type { GraphQLConfig } from '../config.js';
import { IntrospectionDisabledRule } from '../graphql/validation/IntrospectionDisabledRule.js';
import { SingleReportVerificationRule } from '../graphql/validation/SingleReportVerificationRule.js';
import { createQueryLimitsRule } from './queryLimits/createQueryLimitsRule.js';

/**
 * Every validation rule the gateway adds to graphql-js's own, in one list: they run before
 * anything executes, and a document one of them refuses answers HTTP 400
 * (`GRAPHQL_VALIDATION_FAILED`) without a single upstream call.
 */
export function validationRules(graphql: GraphQLConfig): ValidationRule[] {
  return [
    // Brute-force protection: at most one verification code per document (docs/verification.md).
    SingleReportVerificationRule,
    // Abuse limits: depth, cost, aliases, directives (docs/operations.md).
    createQueryLimitsRule(graphql),
    // GRAPHQL_INTROSPECTION off: for HTTP (Apollo's own check is off), WebSocket and trusted documents alike.
    ...(graphql.introspection ? [] : [IntrospectionDisabledRule]),
  ];
}
