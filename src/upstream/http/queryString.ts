import type { QueryValue } from './UpstreamHttpClient.js';

/** `?a=1&b=x&b=y` from a query object: arrays become repeated keys, undefined and null are left out. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) {
        params.append(key, item);
      }
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
