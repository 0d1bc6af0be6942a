import { defaultFieldResolver } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import { RATE_LIMITED_MUTATIONS } from './MutationRateLimits.js';
import type { MutationRateLimiter } from './MutationRateLimiter.js';

/**
 * Wraps the resolvers of the rate-limited mutations so that every EXECUTION of the field takes a
 * token before the resolver runs (and so before any upstream call). Counting executions rather
 * than requests is what makes aliases useless for going around the limit: seven aliased
 * `rentAnyNumber` fields are seven executions.
 *
 * The schema is changed in place: it is the one `createSchema()` has just built for this gateway,
 * and a copy (`mapSchema`) would need a dependency for what is five assignments.
 */
export function withMutationRateLimits(schema: GraphQLSchema, limiter: MutationRateLimiter): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const name of RATE_LIMITED_MUTATIONS) {
    const field = fields[name];
    if (field === undefined) {
      throw new Error(`withMutationRateLimits: the schema has no mutation ${name}`);
    }
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: GatewayContext, info) => {
      await limiter.take(context.caller, name);
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
