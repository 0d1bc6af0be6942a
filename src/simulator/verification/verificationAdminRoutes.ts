import { parseAdminJson } from '../admin/parseAdminJson.js';
import type { SimulatorContext } from '../core/SimulatorContext.js';
import { expireIfDue } from './settleVerification.js';

/**
 * Test and demo controls: `GET /__admin/verification/verifications` lists every verification
 * with the secret it expects (`expected`), and `PUT /__admin/verification/config` sets
 * `maxWrongAttempts` and `velocityLimit`. A reset empties the slice and restores the default.
 */
export function registerVerificationAdminRoutes(context: SimulatorContext): void {
  context.adminRouter.add({
    service: 'VERIFICATION',
    method: 'GET',
    template: '/__admin/verification/verifications',
    handler: () => {
      const now = Date.now();
      const verifications = [...context.state.verification.verifications.values()].map((record) => {
        expireIfDue(record, now);
        return { ...record, expiresAt: new Date(record.expiresAt).toISOString() };
      });
      return { status: 200, body: { verifications } };
    },
  });

  context.adminRouter.add({
    service: 'VERIFICATION',
    method: 'PUT',
    template: '/__admin/verification/config',
    handler: (request) => {
      const body = parseAdminJson(request) ?? {};
      const { maxWrongAttempts, velocityLimit } = body as Record<string, unknown>;
      const valid = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 1);
      if (!valid(maxWrongAttempts) || !valid(velocityLimit) || Object.keys(body).some((key) => key !== 'maxWrongAttempts' && key !== 'velocityLimit')) {
        return { status: 400, body: { error: 'expected {"maxWrongAttempts"?: integer >= 1, "velocityLimit"?: integer >= 1}' } };
      }
      const state = context.state.verification;
      if (maxWrongAttempts !== undefined) state.maxWrongAttempts = maxWrongAttempts as number;
      if (velocityLimit !== undefined) state.velocityLimit = velocityLimit as number;
      return { status: 200, body: { maxWrongAttempts: state.maxWrongAttempts, velocityLimit: state.velocityLimit } };
    },
  });
}
