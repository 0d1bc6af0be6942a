import type { ServerResponse } from 'node:http';
import type { SimulatorReply } from './SimulatorRequest.js';

export function sendReply(response: ServerResponse, reply: SimulatorReply): void {
  if (response.destroyed || response.headersSent) return;
  const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const contentType: Record<string, string> = text.length === 0 ? {} : { 'content-type': 'application/json' };
  response.writeHead(reply.status, { ...contentType, ...reply.headers, 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}
