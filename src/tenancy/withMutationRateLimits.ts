import { defaultFieldResolver } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import { RATE_LIMITED_MUTATIONS, RATE_LIMITED_QUERIES } from './MutationRateLimits.js';
import type { MutationRateLimiter } from './MutationRateLimiter.js';

/**
 * Wraps the resolvers of the rate-limited mutations (and of the rate-limited queries, such as
 * `provisioningReport`, keyed the same way: per tenant and field) so that every EXECUTION of the field takes a
 * token before the resolver runs (and so before any upstream call). Counting executions rather
 * than requests is what makes aliases useless for going around the limit: seven aliased
 * `rentAnyNumber` fields are seven executions.
 *
 * The schema is changed in place: it is the one `createSchema()` has just built for this gateway,
 * and a copy (`mapSchema`) would need a dependency for what is five assignments.
 */
export function withMutationRateLimits(schema: GraphQLSchema, limiter: MutationRateLimiter): GraphQLSchema {
  const roots = [
    { kind: 'mutation', fields: schema.getMutationType()?.getFields() ?? {}, names: RATE_LIMITED_MUTATIONS },
    { kind: 'query', fields: schema.getQueryType()?.getFields() ?? {}, names: RATE_LIMITED_QUERIES },
  ] as const;
  for (const root of roots) {
    for (const name of root.names) {
      const field = root.fields[name];
      if (field === undefined) {
        throw new Error(`withMutationRateLimits: the schema has no ${root.kind} ${name}`);
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: GatewayContext, info) => {
        await limiter.take(context.caller, name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
