export interface BasicCredentials {
  username: string;
  password: string;
}

/** Parses `Basic base64(username:password)`; undefined for any other or malformed header. */
export function parseBasicCredentials(authorization: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}
