import { idSegment, pathOf } from '../../http/pathSegment.js';
import type { LoaderScope } from '../../LoaderScope.js';
import type { EstHttp } from '../EstHttp.js';
import type { CallBlockingRule, CallDirection, EstPage, EstPageRequest } from '../SipTrunkingModels.js';
import { parseCallBlockingRule } from '../wire/parseSipTrunkingResources.js';

/** The whole rule: PUT replaces every field, so unset ones are sent as null. */
export interface CallBlockingRuleWrite {
  name?: string;
  direction: CallDirection;
  callerCountry?: string;
  calleeCountry?: string;
  callerMatch?: string;
  calleeMatch?: string;
}

/** Call blocking rules (REFERENCE §6.2). There is no GET of one rule: list, create, replace, delete. */
export class CallBlockingRulesApi {
  constructor(private readonly est: EstHttp) {}

  /** The SDK reads `{callBlockingRules, paging}`; the spec shows a bare array. Both are parsed. */
  async list(scope: LoaderScope, request: EstPageRequest): Promise<EstPage<CallBlockingRule>> {
    const path = pathOf`/v1/projects/${this.est.project(scope)}/callBlockingRules`;
    return this.est.page(scope, { path, route: '/callBlockingRules', keys: ['callBlockingRules'], parseItem: parseCallBlockingRule }, request);
  }

  async create(scope: LoaderScope, rule: CallBlockingRuleWrite): Promise<CallBlockingRule> {
    const route = '/callBlockingRules';
    const path = pathOf`/v1/projects/${this.est.project(scope)}/callBlockingRules`;
    const body = await this.est.send(scope, { method: 'POST', path, route, json: toWire(rule) });
    return parseCallBlockingRule(body, this.est.endpoint('POST', route));
  }

  async replace(scope: LoaderScope, ruleId: string, rule: CallBlockingRuleWrite): Promise<CallBlockingRule> {
    const route = '/callBlockingRules/{id}';
    const body = await this.est.send(scope, { method: 'PUT', path: this.rulePath(scope, ruleId), route, json: toWire(rule) });
    return parseCallBlockingRule(body, this.est.endpoint('PUT', route));
  }

  async delete(scope: LoaderScope, ruleId: string): Promise<void> {
    await this.est.send(scope, { method: 'DELETE', path: this.rulePath(scope, ruleId), route: '/callBlockingRules/{id}' });
  }

  private rulePath(scope: LoaderScope, ruleId: string): string {
    return pathOf`/v1/projects/${this.est.project(scope)}/callBlockingRules/${idSegment(ruleId, 'sipResourceId', 'id')}`;
  }
}

function toWire(rule: CallBlockingRuleWrite): Record<string, unknown> {
  return {
    name: rule.name ?? null,
    direction: rule.direction,
    callerCountry: rule.callerCountry ?? null,
    calleeCountry: rule.calleeCountry ?? null,
    callerMatch: rule.callerMatch ?? null,
    calleeMatch: rule.calleeMatch ?? null,
  };
}
