import { listReply, parsePageWindow } from './estPaging.js';
import { parseCallQuery } from './parseCallQuery.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import { notFound, SIP_MESSAGES } from './sipTrunkingErrors.js';
import { callToWire } from './toSipWire.js';

/** pcap global header: magic, version 2.4, zone 0, sigfigs 0, snaplen 65535, LINKTYPE_ETHERNET. */
const EMPTY_PCAP = Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex');

/**
 * Call records (REFERENCE §6.2), newest first. The CSV export is not simulated beyond its
 * seed-003 404: the gateway does not expose it (docs/sip-trunking.md). A known call's pcap
 * (the gateway's `callPacketCapture`) is an empty capture (the 24-byte pcap global header, no packets).
 */
export function registerCallRoutes(sip: SipTrunkingModule): void {
  sip.route('GET', '/calls', (request) => {
    const window = parsePageWindow(request, 100, 1000);
    if (!window.ok) return window.reply;
    const filter = parseCallQuery(request, new Date());
    if (!filter.ok) return filter.reply;
    const calls = sip.state.calls.filter(filter.value).sort((left, right) => right.createTime.localeCompare(left.createTime));
    return listReply('calls', calls, window.value, (call) => callToWire(call, sip.projectId));
  });

  sip.route('GET', '/calls/records/{callId}/pcap', (request) => {
    const callId = request.params['callId'] ?? '';
    const known = sip.state.calls.some((call) => call.pcapId === callId || call.callId === callId);
    if (!known) return notFound(SIP_MESSAGES.callNotFound(callId));
    return { status: 200, headers: { 'content-type': 'application/octet-stream' }, rawBody: EMPTY_PCAP };
  });

  // Exports are never kept, so every key is one that "could not be found".
  sip.route('GET', '/calls/export/{key}', (request) => notFound(SIP_MESSAGES.exportNotFound(request.params['key'] ?? '')));
}
