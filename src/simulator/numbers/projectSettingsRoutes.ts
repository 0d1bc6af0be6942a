import { AVAILABLE_REGIONS } from './availableNumberCatalog.js';
import { invalidArgument } from './numbersErrors.js';
import type { NumbersModule } from './NumbersModule.js';
import { NUMBER_TYPES } from './numbersEnums.js';
import { readEnumList } from './parseNumberQuery.js';
import { parseJsonObjectBody, rejectUnknownFields } from './parseRequestBody.js';

const HMAC_SECRET_PATTERN = /^[a-zA-Z0-9-]{32,64}$/;

/** Available regions and the project's callback configuration. */
export function registerProjectSettingsRoutes(numbers: NumbersModule): void {
  numbers.route('GET', '/availableRegions', ({ query }) => {
    const types = readEnumList(query, 'types', NUMBER_TYPES);
    if (!types.ok) return types.reply;
    const regions = AVAILABLE_REGIONS.filter((region) => types.value.length === 0 || region.types.some((type) => types.value.includes(type)));
    return { status: 200, body: { availableRegions: regions.map((region) => ({ ...region, types: [...region.types] })) } };
  });

  const callbackConfiguration = () => ({
    status: 200,
    body: { projectId: numbers.context.state.projectId, hmacSecret: numbers.state.callbackConfiguration.hmacSecret },
  });

  numbers.route('GET', '/callbackConfiguration', callbackConfiguration);

  numbers.route('PATCH', '/callbackConfiguration', (request) => {
    const body = parseJsonObjectBody(request);
    if (!body.ok) return body.reply;
    const unknown = rejectUnknownFields(body.value, ['hmacSecret']);
    if (unknown !== undefined) return unknown;
    const hmacSecret = body.value['hmacSecret'];
    if (typeof hmacSecret !== 'string' || !HMAC_SECRET_PATTERN.test(hmacSecret)) {
      const description = 'hmacSecret must be 32 to 64 characters of A-Z, a-z, 0-9 and "-" (^[a-zA-Z0-9-]{32,64}$)';
      return invalidArgument(description, [{ field: 'hmacSecret', description }]);
    }
    numbers.state.callbackConfiguration.hmacSecret = hmacSecret;
    return callbackConfiguration();
  });
}
