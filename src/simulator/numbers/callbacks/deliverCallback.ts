import { request } from 'undici';
import type { SimulatorLifetime } from '../../core/SimulatorLifetime.js';

export type DeliveryAttempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * One POST of a callback. The deadline is a lifetime timer, cancelled as soon as the
 * attempt ends; if the simulator closes mid-attempt that timer is gone, and undici's own
 * headers/body timeouts (same length) still bound the attempt. `reset: true` closes the
 * connection afterwards: callbacks are rare, and no pooled socket should outlive a test.
 */
export async function deliverCallback(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  lifetime: SimulatorLifetime,
): Promise<DeliveryAttempt> {
  if (lifetime.closed) return { ok: false, status: null, error: 'simulator closed' };
  const controller = new AbortController();
  const deadline = lifetime.schedule(() => controller.abort(), timeoutMs);
  try {
    const response = await request(url, {
      method: 'POST',
      body,
      headers,
      signal: controller.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      reset: true,
    });
    await response.body.dump();
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return ok ? { ok, status: response.statusCode } : { ok, status: response.statusCode, error: `answered ${response.statusCode}` };
  } catch (error) {
    return { ok: false, status: null, error: controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error) };
  } finally {
    lifetime.cancel(deadline);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `timed out (${code})`;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
