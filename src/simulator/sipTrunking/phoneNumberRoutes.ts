import { ulid } from 'ulid';
import type { ActiveNumberRecord } from '../numbers/ActiveNumberRecord.js';
import { listReply, parsePageWindow } from './estPaging.js';
import { withTrunk } from './findTrunk.js';
import { BodyReader, parseJsonObject } from './parseSipBody.js';
import { badRequest, notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import type { PhoneNumberAssignment } from './SipTrunkingRecords.js';
import { nowWithNanoseconds } from './sipTimestamps.js';
import { phoneNumberToWire } from './toSipWire.js';

/**
 * The EST phone numbers (SDK 1.5 `phoneNumbers`). There is no EST state for them: a number is
 * on a trunk exactly when the Numbers API says its voice configuration is EST with that
 * trunkId, so the two APIs can never disagree. Only ids and timestamps are remembered.
 */
export function registerPhoneNumberRoutes(sip: SipTrunkingModule): void {
  sip.route('GET', '/phoneNumbers', (request) => {
    const window = parsePageWindow(request);
    if (!window.ok) return window.reply;
    const trunkId = request.query.get('sipTrunkId');
    const numbers = estNumbers(sip).filter((number) => trunkId === null || trunkId === '' || number.voiceConfiguration.trunkId === trunkId);
    return listReply('phoneNumbers', numbers, window.value, (number) => phoneNumberToWire(number, assignmentOf(sip, number)));
  });

  sip.route('GET', '/phoneNumbers/{phoneNumber}', (request) => {
    // Clients that do not encode `+` send it literally; a decoded query-style space is a `+` too.
    const phoneNumber = (request.params['phoneNumber'] ?? '').replace(/^ /, '+');
    const number = estNumbers(sip).find((candidate) => candidate.phoneNumber === phoneNumber);
    return number === undefined
      ? notFound(SIP_MESSAGES.phoneNumberNotFound(phoneNumber))
      : { status: 200, body: phoneNumberToWire(number, assignmentOf(sip, number)) };
  });

  // The spec's unused AddPhoneNumberRequest `{sipTrunkId, phoneNumber}` (REFERENCE §6.2): routes an
  // active number of the project to a trunk at once (the gateway's `addPhoneNumberToSipTrunk`;
  // its `assignNumberToTrunk` takes the documented Numbers API path instead).
  sip.route('POST', '/phoneNumbers', (request) => {
    const body = parseJsonObject(request);
    if (!body.ok) return body.reply;
    const reader = new BodyReader(body.value);
    const sipTrunkId = reader.requiredString('sipTrunkId');
    const phoneNumber = reader.requiredString('phoneNumber');
    const problems = reader.problems();
    if (problems !== undefined) return problems;
    return withTrunk(sip, sipTrunkId, (trunk) => {
      const number = sip.numbers.activeNumbers.get(phoneNumber);
      if (number === undefined) return notFound(SIP_MESSAGES.phoneNumberNotFound(phoneNumber));
      const voice = number.voiceConfiguration;
      if (voice.type === 'EST' && voice.trunkId === trunk.id) return badRequest(SIP_MESSAGES.phoneNumberExists(phoneNumber));
      if (voice.type === 'EST' && sip.state.trunks.has(voice.trunkId)) return badRequest(SIP_MESSAGES.phoneNumberOnOtherTrunk(phoneNumber, voice.trunkId));
      Object.assign(voice, { type: 'EST', appId: '', trunkId: trunk.id, serviceId: '', lastUpdatedTime: new Date().toISOString() });
      return { status: 201, body: phoneNumberToWire(number, assignmentOf(sip, number)) };
    });
  });

  // Unassigns by the EST id of the assignment (the `id` of a phone number answer).
  sip.route('DELETE', '/phoneNumbers/{id}', (request) => {
    const id = request.params['id'] ?? '';
    const number = estNumbers(sip).find((candidate) => sip.state.phoneNumberAssignments.get(candidate.phoneNumber)?.id === id);
    if (number === undefined) return notFound(SIP_MESSAGES.phoneNumberIdNotFound(id));
    Object.assign(number.voiceConfiguration, { type: 'RTC', appId: '', trunkId: '', serviceId: '', lastUpdatedTime: new Date().toISOString() });
    sip.state.phoneNumberAssignments.delete(number.phoneNumber);
    return { status: 204 };
  });
}

/** Numbers whose voice is routed to an existing trunk now (finished jobs only). */
function estNumbers(sip: SipTrunkingModule): ActiveNumberRecord[] {
  return [...sip.numbers.activeNumbers.values()]
    .filter((record) => record.voiceConfiguration.type === 'EST' && sip.state.trunks.has(record.voiceConfiguration.trunkId))
    .sort((left, right) => left.phoneNumber.localeCompare(right.phoneNumber));
}

function assignmentOf(sip: SipTrunkingModule, number: ActiveNumberRecord): PhoneNumberAssignment {
  const trunkId = number.voiceConfiguration.trunkId;
  const known = sip.state.phoneNumberAssignments.get(number.phoneNumber);
  if (known !== undefined && known.sipTrunkId === trunkId) return known;
  const assignment = { id: ulid(), sipTrunkId: trunkId, createTime: number.voiceConfiguration.lastUpdatedTime ?? nowWithNanoseconds() };
  sip.state.phoneNumberAssignments.set(number.phoneNumber, assignment);
  return assignment;
}
