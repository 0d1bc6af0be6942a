import { describeProvisioningError } from './describeProvisioningError.js';
import type { ScheduledProvisioning } from './numbersWireTypes.js';

/**
 * Whether resubmitting a scheduled SMS provisioning request can be expected to help: it FAILED,
 * and every reported error is one the customer can clear by resubmitting (a FAILED request with
 * no error code says nothing against it). Advice for clients, not a gate: `resubmitProvisioning`
 * accepts any FAILED request, because the customer may have fixed things with Sinch meanwhile.
 */
export function isResubmittable(scheduled: ScheduledProvisioning | null | undefined): boolean {
  if (scheduled?.status !== 'FAILED') {
    return false;
  }
  return (scheduled.errorCodes ?? []).every((code) => describeProvisioningError(code).resubmittable);
}
