import { GatewayError } from '../../errors/GatewayError.js';
import type { UpstreamHttpClient } from '../http/UpstreamHttpClient.js';
import { idSegment, pathOf, phoneNumberSegment } from '../http/pathSegment.js';
import type { PathSegment } from '../http/pathSegment.js';
import { ReportAttemptBudget } from './ReportAttemptBudget.js';
import type { ReportAttemptBudgetOptions } from './ReportAttemptBudget.js';
import { readStatusResponse } from './verificationWire.js';
import type {
  ReportMethodWire,
  ReportResponseFields,
  StartedVerification,
  StartResponseFields,
  StatusResponseFields,
  VerificationReportRequestWire,
  VerificationStartRequestWire,
} from './verificationWire.js';

export interface VerificationClientOptions {
  /**
   * False when no application key and secret are configured: every operation then fails with
   * FAILED_PRECONDITION before any upstream call, instead of sending an unsigned request.
   */
  configured?: boolean;
  /** The report budget (brute-force protection), or its settings (its store and scope included). */
  reportBudget?: ReportAttemptBudget | ReportAttemptBudgetOptions;
}

export const NOT_CONFIGURED_MESSAGE = 'Verification is not configured: set SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET';

const ROUTES = {
  start: '/verification/v1/verifications',
  reportById: '/verification/v1/verifications/id/{id}',
  reportByIdentity: '/verification/v1/verifications/number/{endpoint}',
  statusById: '/verification/v1/verifications/id/{id}',
  statusByIdentity: '/verification/v1/verifications/{method}/number/{endpoint}',
  statusByReference: '/verification/v1/verifications/reference/{reference}',
} as const;

/**
 * One method per endpoint of the Sinch Verification API (REFERENCE §5.2). Long-lived: one
 * per gateway, shared by every request, which is why the report budget lives here.
 *
 * Reports are sent exactly once. The transport retries nothing but a 401 its authenticator
 * asks to replay, and the Verification authenticator never asks; reports never go through a
 * DataLoader either, so nothing can deduplicate, cache or repeat a one-time code.
 */
export class VerificationClient {
  readonly reportBudget: ReportAttemptBudget;
  readonly #configured: boolean;

  constructor(
    readonly http: UpstreamHttpClient,
    options: VerificationClientOptions = {},
  ) {
    this.#configured = options.configured ?? true;
    this.reportBudget = options.reportBudget instanceof ReportAttemptBudget ? options.reportBudget : new ReportAttemptBudget(options.reportBudget);
  }

  /** `Accept-Language` sets the SMS language; Sinch answers the language used in `Content-Language`. */
  async start(body: VerificationStartRequestWire, options: { acceptLanguage?: string; signal?: AbortSignal } = {}): Promise<StartedVerification> {
    this.#assertConfigured();
    await this.reportBudget.assertAvailable();
    const response = await this.http.request<StartResponseFields>({
      method: 'POST',
      path: ROUTES.start,
      route: ROUTES.start,
      json: body,
      headers: options.acceptLanguage === undefined ? undefined : { 'accept-language': options.acceptLanguage },
      signal: options.signal,
    });
    const contentLanguage = response.headers['content-language'];
    if (typeof response.body?.id === 'string' && body.identity?.endpoint !== undefined) {
      // The message is sent: the caller gets its id even if the pairing cannot be kept (the
      // store logged why). Reports by number still draw on the number's budget.
      await this.reportBudget.pair(response.body.id, body.identity.endpoint).catch(() => undefined);
    }
    return {
      requestedMethod: body.method,
      response: response.body,
      contentLanguage: Array.isArray(contentLanguage) ? contentLanguage[0] : contentLanguage,
    };
  }

  async reportById(id: string, body: VerificationReportRequestWire, signal?: AbortSignal): Promise<ReportResponseFields> {
    this.#assertConfigured();
    const path = pathOf`/verification/v1/verifications/id/${idSegment(id, 'verificationId', 'id')}`;
    await this.reportBudget.takeForId(id);
    const response = await this.http.request<ReportResponseFields>({ method: 'PUT', path, route: ROUTES.reportById, json: body, secrets: oneTimeCodesOf(body), signal });
    return response.body;
  }

  async reportByIdentity(phoneNumber: string, body: VerificationReportRequestWire, signal?: AbortSignal): Promise<ReportResponseFields> {
    this.#assertConfigured();
    const path = pathOf`/verification/v1/verifications/number/${phoneNumberSegment(phoneNumber)}`;
    await this.reportBudget.takeForNumber(phoneNumber);
    const response = await this.http.request<ReportResponseFields>({ method: 'PUT', path, route: ROUTES.reportByIdentity, json: body, secrets: oneTimeCodesOf(body), signal });
    return response.body;
  }

  async statusById(id: string, signal?: AbortSignal): Promise<StatusResponseFields> {
    this.#assertConfigured();
    const path = pathOf`/verification/v1/verifications/id/${idSegment(id, 'verificationId', 'id')}`;
    return readStatusResponse((await this.http.request<StatusResponseFields>({ method: 'GET', path, route: ROUTES.statusById, signal })).body);
  }

  async statusByIdentity(method: ReportMethodWire, phoneNumber: string, signal?: AbortSignal): Promise<StatusResponseFields> {
    this.#assertConfigured();
    const path = statusByIdentityPath(method, phoneNumberSegment(phoneNumber));
    return readStatusResponse((await this.http.request<StatusResponseFields>({ method: 'GET', path, route: ROUTES.statusByIdentity, signal })).body);
  }

  async statusByReference(reference: string, signal?: AbortSignal): Promise<StatusResponseFields> {
    this.#assertConfigured();
    const path = pathOf`/verification/v1/verifications/reference/${idSegment(reference, 'verificationReference', 'reference')}`;
    return readStatusResponse((await this.http.request<StatusResponseFields>({ method: 'GET', path, route: ROUTES.statusByReference, signal })).body);
  }

  #assertConfigured(): void {
    if (!this.#configured) {
      throw new GatewayError('FAILED_PRECONDITION', NOT_CONFIGURED_MESSAGE);
    }
  }
}

/** The method is literal template text (one template per method), so only validated segments reach the path. */
function statusByIdentityPath(method: ReportMethodWire, endpoint: PathSegment): string {
  switch (method) {
    case 'sms':
      return pathOf`/verification/v1/verifications/sms/number/${endpoint}`;
    case 'flashcall':
      return pathOf`/verification/v1/verifications/flashcall/number/${endpoint}`;
    case 'callout':
      return pathOf`/verification/v1/verifications/callout/number/${endpoint}`;
    case 'whatsapp':
      return pathOf`/verification/v1/verifications/whatsapp/number/${endpoint}`;
  }
}

/**
 * The one-time codes a report sends (an SMS, WhatsApp or callout code; the caller id of a flash
 * call): an upstream error that echoes one back must not show it to a client or a log.
 */
function oneTimeCodesOf(body: VerificationReportRequestWire): string[] {
  const fields = body as { sms?: { code?: unknown }; whatsapp?: { code?: unknown }; callout?: { code?: unknown }; flashCall?: { cli?: unknown } };
  return [fields.sms?.code, fields.whatsapp?.code, fields.callout?.code, fields.flashCall?.cli].filter((value): value is string => typeof value === 'string');
}
