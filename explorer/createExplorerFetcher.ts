import { createGraphiQLFetcher } from '@graphiql/toolkit';
import type { Fetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';

/**
 * Queries and mutations go over HTTP (the toolkit's fetcher, with the headers of the headers
 * editor); subscriptions over graphql-ws on the same origin, authenticated like HTTP: a browser
 * cannot set headers on a WebSocket, so the editor's `Authorization` / `x-api-key` travel as
 * `connectionParams`, one connection per set of headers.
 */
export function createExplorerFetcher(graphqlPath: string): Fetcher {
  const url = new URL(graphqlPath, window.location.href);
  const http = createGraphiQLFetcher({ url: url.href });
  const socketUrl = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}${url.pathname}`;
  const clients = new Map<string, Client>();
  const clientFor = (headers: Record<string, string>): Client => {
    const key = JSON.stringify(headers);
    let client = clients.get(key);
    if (client === undefined) {
      client = createClient({ url: socketUrl, connectionParams: headers, lazy: true, retryAttempts: 0 });
      clients.set(key, client);
    }
    return client;
  };

  return (parameters, options) => {
    if (!isSubscription(parameters.query, parameters.operationName ?? undefined)) {
      return http(parameters, options);
    }
    const client = clientFor(options?.headers ?? {});
    return client.iterate({ query: parameters.query, operationName: parameters.operationName ?? null, variables: parameters.variables ?? null }) as ReturnType<Fetcher>;
  };
}

function isSubscription(query: string, operationName: string | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName)?.operation === 'subscription';
  } catch {
    // A document that does not parse goes to HTTP, which answers GRAPHQL_PARSE_FAILED.
    return false;
  }
}
