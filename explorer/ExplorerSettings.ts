/** What the gateway tells the page (`<script type="application/json" id="explorer-settings">`). */
export interface ExplorerSettings {
  /** `/graphql`: queries and mutations over HTTP, subscriptions over graphql-ws, same origin. */
  graphqlPath: string;
  /** Where the bundle's workers are served. */
  assetsPath: string;
  /** The tabs the explorer opens with when it has none of its own yet. */
  examples: Array<{ query: string; variables?: string }>;
  /** The headers editor's content when it has none of its own yet (`{}` or an API key template). */
  defaultHeaders: string;
}
