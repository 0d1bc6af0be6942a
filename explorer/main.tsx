import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createExplorerFetcher } from './createExplorerFetcher.js';
import type { ExplorerSettings } from './ExplorerSettings.js';

const settings = JSON.parse(document.getElementById('explorer-settings')?.textContent ?? '{}') as ExplorerSettings;

// Monaco's workers are bundled next to the page (scripts/build-explorer.mjs) and served by the
// gateway: no worker, script or font is fetched from anywhere else.
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => new Worker(`${settings.assetsPath}/${WORKERS[label] ?? 'editor.worker.js'}`),
};

// `?query=` (and `?variables=`) prefill the editor, for links from docs and error reports.
const search = new URLSearchParams(window.location.search);
const linkedQuery = search.get('query') ?? undefined;
const linkedVariables = search.get('variables') ?? undefined;
const tabs = linkedQuery === undefined ? settings.examples : [{ query: linkedQuery, variables: linkedVariables }, ...settings.examples];

const root = document.getElementById('explorer');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL
        fetcher={createExplorerFetcher(settings.graphqlPath)}
        defaultTabs={tabs}
        {...(linkedQuery === undefined ? {} : { initialQuery: linkedQuery, initialVariables: linkedVariables })}
        defaultHeaders={settings.defaultHeaders}
        isHeadersEditorEnabled
        shouldPersistHeaders={false}
      />
    </StrictMode>,
  );
}
