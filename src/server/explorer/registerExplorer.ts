import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { EXAMPLE_OPERATION } from '../exampleOperation.js';
import { loadErrorExamples } from './loadErrorExamples.js';
import { README_EXAMPLES } from './readmeExamples.js';

export interface ExplorerOptions {
  /** `/explorer`. */
  path: string;
  graphqlPath: string;
  /** The bundle of scripts/build-explorer.mjs (dist/explorer). */
  assetsDirectory: string;
  /** docs/error-examples.json; absent is fine. */
  errorExamplesPath: string;
  /** With gateway authentication, the headers editor opens with a key template. */
  authenticated: boolean;
  logger: Logger;
}

interface Asset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Everything the page loads comes from the gateway itself, and the browser is told so: scripts,
 * styles, workers and fonts from this origin (fonts also as data: URLs inside the CSS), requests
 * to this origin only (HTTP and graphql-ws). GraphiQL sets inline styles, hence 'unsafe-inline'
 * for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GraphiQL at `path`, served entirely by the gateway (docs/explorer.md). The bundle's files are
 * read into memory once, at start-up, and served by name from that fixed set: no path from a
 * request ever reaches the file system. The page holds no data, so it is not behind gateway
 * authentication; the operations it sends are, like any other.
 */
export function registerExplorer(app: FastifyInstance, options: ExplorerOptions): void {
  const assets = readAssets(options.assetsDirectory);
  const assetsPath = `${options.path}/assets`;
  const examples = [{ query: EXAMPLE_OPERATION }, ...README_EXAMPLES, ...loadErrorExamples(options.errorExamplesPath, options.logger)];
  const page = assets === undefined ? undefined : explorerPage({ graphqlPath: options.graphqlPath, assetsPath, examples, defaultHeaders: options.authenticated ? '{\n  "x-api-key": ""\n}' : '{}' });
  if (assets === undefined) {
    options.logger.warn({ assetsDirectory: options.assetsDirectory }, 'the explorer is not built (npm run build): /explorer answers 503');
  }

  app.get(options.path, async (request, reply) => {
    if (page === undefined) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The explorer is not built: run `npm run build` (scripts/build-explorer.mjs).\n');
    }
    return send(request, reply, page);
  });
  app.get<{ Params: { file: string } }>(`${assetsPath}/:file`, async (request, reply) => {
    const asset = assets?.get(request.params.file);
    if (asset === undefined) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    }
    return send(request, reply, asset);
  });
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset): FastifyReply {
  void reply.header('content-type', asset.type).header('content-security-policy', CONTENT_SECURITY_POLICY).header('x-content-type-options', 'nosniff').header('vary', 'accept-encoding');
  void reply.header('cache-control', 'no-cache');
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  }
  return reply.send(asset.body);
}

function readAssets(directory: string): Map<string, Asset> | undefined {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => TYPES[extname(name)] !== undefined);
  } catch {
    return undefined;
  }
  if (!names.includes('explorer.js')) return undefined;
  return new Map(names.map((name) => [name, asset(TYPES[extname(name)] ?? 'application/octet-stream', readFileSync(join(directory, name)))]));
}

function asset(type: string, body: Buffer): Asset {
  return { type, body, gzipped: gzipSync(body) };
}

function explorerPage(settings: { graphqlPath: string; assetsPath: string; examples: unknown[]; defaultHeaders: string }): Asset {
  // JSON inside <script>: `<` escaped so that no example can close the element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sinch-graphql-gateway explorer</title>
<link rel="stylesheet" href="${settings.assetsPath}/explorer.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer"></div>
<script type="application/json" id="explorer-settings">${json}</script>
<script type="module" src="${settings.assetsPath}/explorer.js"></script>
</body>
</html>
`;
  return asset('text/html; charset=utf-8', Buffer.from(html));
}
