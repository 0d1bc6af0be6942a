import type { SimulatorContext } from '../core/SimulatorContext.js';
import { registerAccessControlListRoutes } from './accessControlListRoutes.js';
import { registerCallBlockingRuleRoutes } from './callBlockingRuleRoutes.js';
import { registerCallRoutes } from './callRoutes.js';
import { registerCountryPermissionRoutes } from './countryPermissionRoutes.js';
import { registerCredentialListRoutes } from './credentialListRoutes.js';
import { registerIpRangeRoutes } from './ipRangeRoutes.js';
import { registerPhoneNumberRoutes } from './phoneNumberRoutes.js';
import { registerProjectRoutes } from './projectRoutes.js';
import { registerSipEndpointRoutes } from './sipEndpointRoutes.js';
import { SipTrunkingModule } from './SipTrunkingModule.js';
import { registerTrunkLinkRoutes } from './trunkLinkRoutes.js';
import { registerTrunkRoutes } from './trunkRoutes.js';

/**
 * The Elastic SIP Trunking API (elastic-trunking.api.sinch.com) under the shared
 * `/v1/projects/{projectId}` prefix, logged as service SIP_TRUNKING.
 */
export function registerSipTrunkingRoutes(context: SimulatorContext): void {
  context.router.claim(
    'SIP_TRUNKING',
    /^\/v1\/projects\/[^/]+\/(trunks|accessControlLists|credentialLists|phoneNumbers|countryPermissions|callBlockingRules|calls|addProjects)\b/,
  );
  const sip = new SipTrunkingModule(context);
  registerTrunkRoutes(sip);
  registerSipEndpointRoutes(sip);
  registerTrunkLinkRoutes(sip);
  registerAccessControlListRoutes(sip);
  registerIpRangeRoutes(sip);
  registerCredentialListRoutes(sip);
  registerPhoneNumberRoutes(sip);
  registerCountryPermissionRoutes(sip);
  registerCallBlockingRuleRoutes(sip);
  registerCallRoutes(sip);
  registerProjectRoutes(sip);
}
