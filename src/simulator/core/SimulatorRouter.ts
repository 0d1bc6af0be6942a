import type { RouteDefinition, SimulatorService } from './SimulatorRequest.js';

export type RouteMatch =
  | { kind: 'matched'; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'methodNotAllowed'; allowedMethods: string[] }
  | { kind: 'notFound' };

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  parameterNames: string[];
}

interface ServiceClaim {
  service: SimulatorService;
  pattern: RegExp;
}

/**
 * A deliberately small router. The Sinch APIs use Google-style custom verbs
 * (`/activeNumbers/+12025550134:release`), a literal `+` in path segments, and several
 * services share one `/v1/projects/{projectId}` prefix; matching templates as regular
 * expressions handles all three without fighting a general-purpose router.
 */
export class SimulatorRouter {
  readonly #routes: CompiledRoute[] = [];
  readonly #claims: ServiceClaim[] = [];

  add(route: RouteDefinition): void {
    const parameterNames: string[] = [];
    const source = route.template
      .split(/(\{[a-zA-Z]+\})/)
      .map((part) => {
        const parameter = /^\{([a-zA-Z]+)\}$/.exec(part);
        if (parameter?.[1] !== undefined) {
          parameterNames.push(parameter[1]);
          // A colon ends a parameter so that `{phoneNumber}:release` splits correctly.
          return '([^/:]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    this.#routes.push({ route, pattern: new RegExp(`^${source}$`), parameterNames });
  }

  /**
   * Declares that paths matching `pattern` belong to `service`, so that requests nobody
   * routes (404, 405, faults) are still logged under the right service.
   */
  claim(service: SimulatorService, pattern: RegExp): void {
    this.#claims.push({ service, pattern });
  }

  serviceFor(rawPath: string): SimulatorService {
    return this.#claims.find((claim) => claim.pattern.test(rawPath))?.service ?? 'NUMBERS';
  }

  match(method: string, rawPath: string): RouteMatch {
    // Clients may percent-encode the colon of a custom verb; the template has it literally.
    const path = rawPath.replace(/%3A/gi, ':');
    const allowedMethods: string[] = [];
    for (const compiled of this.#routes) {
      const result = compiled.pattern.exec(path);
      if (result === null) continue;
      if (compiled.route.method !== method) {
        allowedMethods.push(compiled.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      compiled.parameterNames.forEach((name, index) => {
        params[name] = safeDecode(result[index + 1] ?? '');
      });
      return { kind: 'matched', route: compiled.route, params };
    }
    return allowedMethods.length > 0 ? { kind: 'methodNotAllowed', allowedMethods } : { kind: 'notFound' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
