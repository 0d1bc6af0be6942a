/**
 * A URL path followed by a query string: `/graphql?query=…`, `http://host/x?a=1`, the
 * `GET:/graphql?…` of Fastify's "Route … not found". The path is kept; everything from the `?`
 * to the next whitespace goes (a request target never holds a raw space; a quote may be part of
 * unencoded JSON variables, so it ends nothing).
 */
const PATH_WITH_QUERY = /(\/[^\s?#"'<>`]*)\?\S*/g;

/**
 * Text with the query string of every URL in it removed. A GET `/graphql` carries the whole
 * operation and its variables in its query string (a one-time code, a phone number), and so can
 * any mistyped path: logs keep the path only (docs/security.md).
 */
export function withoutQueryStrings(text: string): string {
  return text.includes('?') ? text.replace(PATH_WITH_QUERY, '$1') : text;
}

/** The path of a request target (`/graphql?query=…` is `/graphql`). */
export function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
