import { listReply, parsePageWindow } from './estPaging.js';
import { parseCallQuery } from './parseCallQuery.js';
import type { SipTrunkingModule } from './SipTrunkingModule.js';
import { callToWire } from './toSipWire.js';

/**
 * Call records (REFERENCE §6.2), newest first. The CSV export and pcap downloads are not
 * simulated: the gateway does not expose them (docs/sip-trunking.md).
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
}
