/**
 * The part of autocannon 9's programmatic API the benchmark uses. autocannon ships no types,
 * and @types/autocannon describes version 7; a local declaration of the few calls made keeps
 * the harness honest about what it relies on.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called before each request on a connection; `context` is per connection. */
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests in total, instead of a duration. */
    amount?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
    initialContext?: Record<string, unknown>;
    /** Responses for which this returns false are counted in `mismatches`. */
    verifyBody?: (body: string) => boolean;
  }

  export interface AutocannonResult {
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    requests: { total: number; sent: number };
    duration: number;
  }

  export interface AutocannonInstance extends EventEmitter {
    stop(): void;
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): this;
    on(event: 'done', listener: (result: AutocannonResult) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  function autocannon(options: AutocannonOptions, callback: (error: Error | null, result: AutocannonResult) => void): AutocannonInstance;
  export default autocannon;
}
