// Bundles the explorer (GraphiQL, React, Monaco and its workers) into dist/explorer/, so the
// gateway serves it with nothing fetched from anywhere else. Generated at build time, never
// committed. `node scripts/build-explorer.mjs [outdir]`.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Builds into `outdir` (default dist/explorer) and resolves when done. */
export async function buildExplorer(outdir = `${root}dist/explorer`) {
  await rm(outdir, { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { explorer: 'explorer/main.tsx' },
      outdir,
      format: 'esm',
      jsx: 'automatic',
      tsconfig: 'explorer/tsconfig.json',
      // The CSS inlines its fonts as data: URLs; anything else referenced is copied next to it.
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    }),
    // Monaco's workers, as classic scripts (`new Worker(url)`).
    build({
      ...common,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      outdir,
      format: 'iife',
    }),
  ]);
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildExplorer(process.argv[2]);
}
