import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../graphql/GatewayContext.js';
import { rootFieldProjectIds } from './rootFieldProjectIds.js';

/**
 * The one place where the `projectId` argument of root fields is enforced, after validation and
 * before execution, so a refused operation reaches no resolver and no upstream:
 *
 * - every root field of the operation must act on the same project (an omitted `projectId`
 *   means the caller's default project), else BAD_USER_INPUT (HTTP 400);
 * - that project must be one of the caller's, else FORBIDDEN (HTTP 403);
 * - then the request's context is bound to it (`GatewayContext.selectProject`).
 *
 * Resolvers never read `projectId`: the loaders and clients they get are already that project's.
 * The errors are GraphQLErrors because Apollo Server only keeps the code and HTTP status of a
 * GraphQLError thrown from this hook; formatError drops `extensions.http` from the body.
 */
export function projectSelectionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (operation === undefined) return;
          const named = rootFieldProjectIds(schema, document, operation, request.variables);
          if (named === undefined) return;
          const { caller } = contextValue;
          const projectIds = new Set(named.map((projectId) => projectId ?? caller.defaultProjectId));
          if (projectIds.size > 1) {
            throw new GraphQLError('One project per operation: every root field must act on the same projectId (an omitted projectId is the default project).', {
              extensions: { code: 'BAD_USER_INPUT', argumentName: 'projectId', http: { status: 400 } },
            });
          }
          const projectId = [...projectIds][0] ?? caller.defaultProjectId;
          if (!caller.projectIds.has(projectId)) {
            contextValue.logger.info({ tenantId: caller.tenantId }, 'operation refused: project outside the caller\'s set');
            throw new GraphQLError('The requested project is not one of the projects this caller may act on.', {
              extensions: { code: 'FORBIDDEN', argumentName: 'projectId', http: { status: 403 } },
            });
          }
          contextValue.selectProject(projectId);
        },
      };
    },
  };
}
