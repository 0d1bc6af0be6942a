import type { SimulatorRequest } from '../core/SimulatorRequest.js';

/** Admin bodies are JSON objects; an empty body is `{}`. Undefined when it is anything else. */
export function parseAdminJson(request: SimulatorRequest): Record<string, unknown> | undefined {
  if (request.bodyText.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(request.bodyText);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
