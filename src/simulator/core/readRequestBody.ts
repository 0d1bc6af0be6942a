import type { IncomingMessage } from 'node:http';

/** Reads the whole body as UTF-8; the simulated APIs only ever carry small JSON or form bodies. */
export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
