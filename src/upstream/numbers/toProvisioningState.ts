/** The public states of a provisioning request (GraphQL enum `ProvisioningState`). */
export type ProvisioningState = 'WAITING' | 'IN_PROGRESS' | 'FAILED' | 'UNSPECIFIED';

/**
 * Reads an upstream provisioning status. Seed 000 lists WAITING, IN_PROGRESS and FAILED; the API
 * adds PROVISIONING_STATUS_UNSPECIFIED and may add statuses later. Anything but the three known
 * ones is UNSPECIFIED (the raw string stays available as `rawStatus`), so a new status never
 * breaks a response.
 */
export function toProvisioningState(status: string | undefined | null): ProvisioningState {
  switch (status) {
    case 'WAITING':
    case 'IN_PROGRESS':
    case 'FAILED':
      return status;
    default:
      return 'UNSPECIFIED';
  }
}
