import type { GatewayConfig } from '../config.js';
import { KnownSecrets } from '../upstream/http/KnownSecrets.js';

/**
 * Every secret of the configuration, known from the start: the `SINCH_*` credentials, each
 * tenant project's key and application secrets (whether or not its clients were built yet: an
 * upstream may echo any of them), `SINCH_CALLBACK_SECRET` and the password of `REDIS_URL`. The token providers add their
 * tokens as they get them, the callback secret source the secrets it reads from Sinch.
 */
export function gatewaySecrets(config: GatewayConfig): KnownSecrets {
  const secrets = new KnownSecrets();
  const credentials = [config.sinch, ...(config.auth.mode === 'none' ? [] : config.auth.tenants.flatMap((tenant) => [...tenant.projects.values()].map((project) => project.credentials)))];
  for (const { keyId, keySecret, applicationSecret } of credentials) {
    secrets.addAccessKey(keyId, keySecret);
    secrets.add(applicationSecret);
  }
  secrets.add(config.provisioning.callbackSecret);
  secrets.add(passwordOf(config.store.redisUrl));
  return secrets;
}

function passwordOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const { password } = new URL(url);
  return password === '' ? undefined : decodeURIComponent(password);
}
