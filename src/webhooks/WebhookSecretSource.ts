/**
 * Where the receiver gets a project's hmacSecret. `resolve` may answer from a cache;
 * `refresh` must bypass it (the secret may have been rotated with PATCH
 * /callbackConfiguration). Both answer undefined for a project without a secret, and
 * should do so without a network call for projects the gateway does not serve.
 */
export interface WebhookSecretSource {
  resolve(projectId: string): Promise<string | undefined>;
  refresh(projectId: string): Promise<string | undefined>;
}
