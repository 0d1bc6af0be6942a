import type { SimulatorReply, SimulatorRequest } from '../../core/SimulatorRequest.js';
import type { ActiveNumberRecord } from '../ActiveNumberRecord.js';
import { invalidArgument, notFound } from '../numbersErrors.js';
import type { NumbersModule } from '../NumbersModule.js';
import { parsePhoneNumberParameter } from '../parsePhoneNumberParameter.js';
import { parseJsonObjectBody } from '../parseRequestBody.js';
import { parseEmergencyAddressRequest } from './parseEmergencyAddressRequest.js';
import { validateEmergencyAddress } from './validateEmergencyAddress.js';

/** E911 exists for North American voice numbers only; elsewhere the simulator answers 400. */
const EMERGENCY_REGIONS = ['US', 'CA'];

/** Emergency address of an active number: get, provision, deprovision, validate (REFERENCE §4.2). */
export function registerEmergencyAddressRoutes(numbers: NumbersModule): void {
  const base = '/activeNumbers/{phoneNumber}/emergencyAddress';
  const addresses = () => numbers.state.emergencyAddresses;

  const withEligibleNumber = (request: SimulatorRequest, handle: (record: ActiveNumberRecord) => SimulatorReply): SimulatorReply => {
    const phoneNumber = parsePhoneNumberParameter(request);
    if (!phoneNumber.ok) return phoneNumber.reply;
    const record = numbers.state.activeNumbers.get(phoneNumber.value);
    if (record === undefined) return notFound('ActiveNumber', phoneNumber.value);
    if (!EMERGENCY_REGIONS.includes(record.regionCode) || !record.capability.includes('VOICE')) {
      const description = 'Emergency addresses are only supported for US and CA numbers with the VOICE capability';
      return invalidArgument(description, [{ field: 'phoneNumber', description }]);
    }
    return handle(record);
  };

  numbers.route('GET', base, (request) =>
    withEligibleNumber(request, (record) => {
      const stored = addresses().get(record.phoneNumber);
      return stored === undefined ? notFound('EmergencyAddress', record.phoneNumber) : { status: 200, body: { ...stored.address } };
    }),
  );

  numbers.route('POST', `${base}:provision`, (request) =>
    withEligibleNumber(request, (record) => {
      const body = parseJsonObjectBody(request);
      if (!body.ok) return body.reply;
      const parsed = parseEmergencyAddressRequest(body.value);
      if (!parsed.ok) return parsed.reply;
      const validation = validateEmergencyAddress(parsed.value.address);
      if (validation.validationResult === 'NO_MATCH') {
        const description = `The address could not be validated (${validation.validationMessage}); use :validate to see candidate addresses`;
        return invalidArgument(description, [{ field: 'address', description }]);
      }
      const address = validation.validationResult === 'NEAR_MATCH' ? validation.correctedAddress : parsed.value.address;
      addresses().set(record.phoneNumber, { displayName: parsed.value.displayName, address });
      return { status: 200, body: { ...address } };
    }),
  );

  numbers.route('POST', `${base}:deprovision`, (request) =>
    withEligibleNumber(request, (record) => {
      if (!addresses().delete(record.phoneNumber)) return notFound('EmergencyAddress', record.phoneNumber);
      return { status: 200 };
    }),
  );

  numbers.route('POST', `${base}:validate`, (request) =>
    withEligibleNumber(request, (record) => {
      const body = parseJsonObjectBody(request);
      if (!body.ok) return body.reply;
      const parsed = parseEmergencyAddressRequest(body.value);
      if (!parsed.ok) return parsed.reply;
      return {
        status: 200,
        body: {
          phoneNumber: record.phoneNumber,
          displayName: parsed.value.displayName,
          validatedAddress: { ...parsed.value.address },
          ...validateEmergencyAddress(parsed.value.address),
        },
      };
    }),
  );
}
