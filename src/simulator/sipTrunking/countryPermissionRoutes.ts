import type { SimulatorReply } from '../core/SimulatorRequest.js';
import { BodyReader, parseJsonObject } from './parseSipBody.js';
import { badRequest, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { CountryPermissionRecord } from './SipTrunkingRecords.js';
import { countryPermissionToWire } from './toSipWire.js';

/** Country permissions (REFERENCE §6.2): not paged; only `enabled` can change. */
export function registerCountryPermissionRoutes(sip: SipTrunkingModule): void {
  sip.route('GET', '/countryPermissions', () => ({
    status: 200,
    body: { countryPermissions: [...sip.state.countryPermissions.values()].map(countryPermissionToWire) },
  }));

  sip.route('GET', '/countryPermissions/{isoCode}', (request) =>
    withPermission(sip, request.params['isoCode'], (permission) => ({ status: 200, body: countryPermissionToWire(permission) })),
  );

  sip.route('PUT', '/countryPermissions/{isoCode}', (request) =>
    withPermission(sip, request.params['isoCode'], (permission) => {
      const body = parseJsonObject(request);
      if (!body.ok) return body.reply;
      const reader = new BodyReader(body.value);
      if (typeof body.value['enabled'] !== 'boolean') reader.violations.push({ field: 'enabled', description: 'must be true or false' });
      const problems = reader.problems();
      if (problems !== undefined) return problems;
      permission.enabled = body.value['enabled'] as boolean;
      return { status: 200, body: countryPermissionToWire(permission) };
    }),
  );
}

function withPermission(sip: SipTrunkingModule, isoCode: string | undefined, handle: (permission: CountryPermissionRecord) => SimulatorReply): SimulatorReply {
  const permission = sip.state.countryPermissions.get(isoCode ?? '');
  return permission === undefined ? badRequest(SIP_MESSAGES.invalidCountry('isoCode', isoCode ?? '')) : handle(permission);
}
