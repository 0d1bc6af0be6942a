import type { GatewayConfig } from '../config.js';
import {
  SIMULATOR_APPLICATION_KEY,
  SIMULATOR_APPLICATION_SECRET,
  SIMULATOR_KEY_ID,
  SIMULATOR_KEY_SECRET,
  SIMULATOR_PROJECT_ID,
} from '../simulator/simulatorCredentials.js';

/** The configuration pointed at a running simulator: every origin and credential replaced. */
export function useSimulator(config: GatewayConfig, simulatorUrl: string): GatewayConfig {
  return {
    ...config,
    sinch: {
      ...config.sinch,
      projectId: SIMULATOR_PROJECT_ID,
      keyId: SIMULATOR_KEY_ID,
      keySecret: SIMULATOR_KEY_SECRET,
      applicationKey: SIMULATOR_APPLICATION_KEY,
      applicationSecret: SIMULATOR_APPLICATION_SECRET,
      authUrl: simulatorUrl,
      numbersUrl: simulatorUrl,
      verificationUrl: simulatorUrl,
      sipUrl: simulatorUrl,
    },
  };
}
