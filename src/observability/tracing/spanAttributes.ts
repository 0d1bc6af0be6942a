/**
 * Attribute, event and span names of the gateway's spans beyond the stable semantic conventions
 * (which come from `@opentelemetry/semantic-conventions`). The GraphQL and network ones are the
 * conventions' incubating names, copied here as their authors recommend. docs/operations.md
 * lists every one.
 */
export const ATTR_NETWORK_PROTOCOL_VERSION = 'network.protocol.version';
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
export const ATTR_GRAPHQL_DOCUMENT_SHA256 = 'graphql.document.sha256';
/** `exact` (the hash is of the text as sent) or `literals_masked` (string literals were blanked first). */
export const ATTR_GRAPHQL_DOCUMENT_HASHED = 'graphql.document.hashed';
export const ATTR_GRAPHQL_ERROR_CODES = 'graphql.error.codes';

export const ATTR_GATEWAY_REQUEST_ID = 'gateway.request_id';
export const ATTR_SINCH_SERVICE = 'sinch.service';
export const ATTR_SINCH_ERROR_CODE = 'sinch.error.code';
export const ATTR_SINCH_ERROR_STATUS = 'sinch.error.status';
export const ATTR_GATEWAY_ERROR_CODE = 'gateway.error.code';
export const ATTR_GATEWAY_UPSTREAM_FAILURE = 'gateway.upstream.failure';
export const ATTR_GATEWAY_UPSTREAM_REFUSED = 'gateway.upstream.refused';
export const ATTR_GATEWAY_WAIT_MS = 'gateway.wait_ms';
export const ATTR_GATEWAY_RETRY_DELAY_MS = 'gateway.retry.delay_ms';
export const ATTR_GATEWAY_RETRY_NEXT_ATTEMPT = 'gateway.retry.next_attempt';
export const ATTR_URL_TEMPLATE = 'url.template';

export const ATTR_DATALOADER_NAME = 'dataloader.name';
export const ATTR_DATALOADER_BATCH_SIZE = 'dataloader.batch.size';

export const ATTR_PROVISIONING_EVENT_TYPE = 'provisioning.event.type';
export const ATTR_PROVISIONING_EVENT_STATUS = 'provisioning.event.status';
export const ATTR_PROVISIONING_EVENT_SOURCE = 'provisioning.event.source';
export const ATTR_PROVISIONING_RESOURCE_TYPE = 'provisioning.resource.type';
export const ATTR_PROVISIONING_EVENT_ID = 'provisioning.event.id';

export const EVENT_UPSTREAM_QUEUED = 'gateway.upstream.queued';
export const EVENT_UPSTREAM_CREDENTIALS_WAIT = 'gateway.upstream.credentials_wait';
export const EVENT_UPSTREAM_REFUSED = 'gateway.upstream.refused';
export const EVENT_UPSTREAM_RETRY = 'gateway.upstream.retry';
export const EVENT_UPSTREAM_SHARED_READ = 'gateway.upstream.shared_read';

/** A code or status an upstream sent, recorded only when it looks like one: never free text. */
export function codeLike(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9_.:\- ]{1,64}$/.test(value) ? value : undefined;
}
