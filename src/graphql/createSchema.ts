import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/resolvers.js';

/** schema/ sits two levels above both src/graphql/ and dist/graphql/. */
const SCHEMA_DIRECTORY = new URL('../../schema/', import.meta.url);

export function loadTypeDefinitions(): string[] {
  return readdirSync(SCHEMA_DIRECTORY)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, SCHEMA_DIRECTORY), 'utf8'));
}

export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefinitions(),
    resolvers: resolvers as Parameters<typeof makeExecutableSchema>[0]['resolvers'],
    inheritResolversFromInterfaces: true,
  });
}
