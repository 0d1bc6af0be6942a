import type { SimulatorLogger } from './core/SimulatorLogger.js';

/**
 * How fast asynchronous provisioning moves: WAITING lasts `waitingMs`, IN_PROGRESS lasts
 * `inProgressMs`. `'manual'` freezes every job until `POST /__admin/provisioning/advance`.
 */
export type ProvisioningTiming = { waitingMs: number; inProgressMs: number } | 'manual';

export interface SimulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Added to every non-admin response; default 0. */
  latencyMs?: number;
  /** Default 1500 ms WAITING then 2500 ms IN_PROGRESS, slow enough to watch in a demo. */
  provisioning?: ProvisioningTiming;
  /** Lifetime of issued access tokens; default 3600 like auth.sinch.com. */
  tokenTtlSeconds?: number;
  /** Seeds this many extra EST numbers (spread over the seeded trunks), for benchmarks. */
  extraNumbers?: number;
  /**
   * The `callbackUrl` of every seeded active number; default none. `npm start` points it at the
   * gateway's own webhook, so provisioning results of seeded numbers reach the gateway at once.
   */
  seededCallbackUrl?: string;
  logger?: SimulatorLogger;
}

/** The settings a running simulator works with; `PUT /__admin/config` changes them live. */
export interface SimulatorConfig {
  latencyMs: number;
  provisioning: ProvisioningTiming;
  tokenTtlSeconds: number;
  extraNumbers: number;
  seededCallbackUrl: string;
}

export const DEFAULT_PROVISIONING_TIMING: ProvisioningTiming = { waitingMs: 1500, inProgressMs: 2500 };

export function resolveSimulatorConfig(options: SimulatorOptions): SimulatorConfig {
  return {
    latencyMs: options.latencyMs ?? 0,
    provisioning: options.provisioning ?? DEFAULT_PROVISIONING_TIMING,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    extraNumbers: options.extraNumbers ?? 0,
    seededCallbackUrl: options.seededCallbackUrl ?? '',
  };
}
