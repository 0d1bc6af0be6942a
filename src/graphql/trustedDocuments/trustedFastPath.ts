import { context as contextApi } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, getVariableValues, GraphQLError } from 'graphql';
import type { ExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import Negotiator from 'negotiator';
import { asGraphQLError, variablesMayRunCompiled } from '../execution/compiledExecution.js';
import { nameInvalidArguments } from '../invalidInputPlugin.js';
import type { GatewayContext } from '../GatewayContext.js';
import type { GatewayMetrics } from '../../observability/GatewayMetrics.js';
import type { GatewayTracing } from '../../observability/tracing/GatewayTracing.js';
import { recordErrors } from '../../observability/tracing/graphqlTracingPlugin.js';
import { ATTR_GRAPHQL_DOCUMENT_HASHED, ATTR_GRAPHQL_DOCUMENT_SHA256, ATTR_GRAPHQL_OPERATION_NAME, ATTR_GRAPHQL_OPERATION_TYPE } from '../../observability/tracing/spanAttributes.js';
import { operationCostError } from '../../server/queryLimits/operationCostError.js';
import type { Caller } from '../../tenancy/Caller.js';
import { rootFieldProjectIds } from '../../tenancy/rootFieldProjectIds.js';
import type { PreparedOperation } from './PreparedOperation.js';

export interface TrustedFastPathOptions {
  schema: GraphQLSchema;
  /** The caller of an authenticated request; throws when there is none (Apollo Server then answers). */
  callerOf(request: FastifyRequest): Caller;
  /** The request's context, exactly as Apollo Server's context function builds it. */
  contextFor(request: FastifyRequest, reply: FastifyReply): GatewayContext;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  metrics: GatewayMetrics;
  tracing: GatewayTracing | undefined;
  maxCost: number;
}

/** Apollo Server's media types for a single result (`MEDIA_TYPES` in @apollo/server). */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const SINGLE_RESULT_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];
/** Distinct `accept` headers remembered with the media type they negotiate to. */
const MAX_REMEMBERED_ACCEPTS = 64;

/**
 * Runs a trusted query or mutation sent as a JSON POST without Apollo Server's request pipeline
 * (docs/trusted-documents.md, "How a trusted operation runs"; bench/profile.md). Everything the
 * pipeline would decide about such a request was decided at start-up (parsed, validated,
 * compiled, priced where the variables do not matter), so what is left is what depends on the
 * request: coerce its variables, bind its project, execute, format the errors, write the answer.
 *
 * The answer is the one Apollo Server gives, byte for byte (the same status, content type and
 * body, errors formatted by the same `formatError`, the request id in each error, the same
 * metrics and operation span): `test/graphql/trustedDocuments/trustedFastPath.test.ts` sends
 * every request to a gateway with and one without the fast path and compares the answers.
 *
 * Anything the pipeline would refuse, or that needs one of its less common paths, is left to
 * Apollo Server untouched, before this path has built anything for it: a body of another shape,
 * a content type other than JSON (CSRF prevention), an `accept` that negotiates to nothing, an
 * `operationName` other than the operation's, variables that do not coerce, an operation over
 * the cost limit with its variables, a project the caller may not use or several projects,
 * an unauthenticated request. `run` returns false for those.
 */
export class TrustedFastPath {
  readonly #options: TrustedFastPathOptions;
  readonly #contentTypes = new Map<string, string | null>();

  constructor(options: TrustedFastPathOptions) {
    this.#options = options;
  }

  /** Answers the request and returns true, or returns false having done nothing (Apollo Server answers it). */
  async run(request: FastifyRequest, reply: FastifyReply, prepared: PreparedOperation): Promise<boolean> {
    if (request.method !== 'POST' || !isJsonContentType(request.headers['content-type'])) return false;
    const body = request.body;
    if (!isRecord(body)) return false;
    const { variables: sentVariables, operationName, query } = body;
    if (query !== undefined && query !== null && typeof query !== 'string') return false;
    if (sentVariables !== undefined && sentVariables !== null && !isRecord(sentVariables)) return false;
    if (body['extensions'] !== undefined && body['extensions'] !== null && !isRecord(body['extensions'])) return false;
    const name = prepared.operation.name?.value;
    if (operationName !== undefined && operationName !== null && operationName !== name) return false;
    const contentType = this.#contentTypeFor(request.headers.accept);
    if (contentType === null) return false;
    const { schema } = this.#options;
    const variables = (sentVariables ?? {}) as Record<string, unknown>;
    const definitions = prepared.operation.variableDefinitions ?? [];
    if (definitions.length > 0 && getVariableValues(schema, definitions, variables, { maxErrors: 1 }).errors !== undefined) return false;
    if (prepared.costByVariables && operationCostError(schema, prepared.trusted.document, prepared.operation, variables, this.#options.maxCost) !== undefined) return false;
    let caller: Caller;
    try {
      caller = this.#options.callerOf(request);
    } catch {
      return false;
    }
    const projectId = projectOf(caller, prepared.staticProjectIds ?? rootFieldProjectIds(schema, prepared.trusted.document, prepared.operation, variables));
    if (projectId === null) return false;

    // From here on the request is this path's: nothing above had an effect.
    const started = performance.now();
    this.#options.metrics.observeTrustedFastPath();
    const context = this.#options.contextFor(request, reply);
    if (projectId !== undefined) context.selectProject(projectId);
    const type = prepared.operation.operation;
    const span = this.#startSpan(context, prepared);
    let result: ExecutionResult;
    // Apollo Server's status when no error sets one: 500 when execution itself threw (its
    // `sendErrorResponse`), 400 for errors without data (`status400ForVariableCoercionErrors`).
    let fallbackStatus = 200;
    try {
      const run = () => this.#execute(prepared, context, variables);
      result = await (span === undefined || context.trace === undefined ? run() : contextApi.with(context.trace.context, run));
      if (result.errors !== undefined && result.errors.length > 0 && result.data === undefined) fallbackStatus = 400;
    } catch (error) {
      // Execution itself threw (a defect): answered as Apollo Server answers it.
      result = { errors: [asGraphQLError(error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined }))] };
      fallbackStatus = 500;
    }
    const { errors, status, headers } = this.#formatErrors(prepared, result.errors, request.id);
    const outcomeCode = errors?.[0]?.extensions?.['code'];
    this.#options.metrics.observeOperation({
      name: name ?? 'anonymous',
      type,
      outcome: errors === undefined || errors.length === 0 ? 'success' : typeof outcomeCode === 'string' ? outcomeCode : 'INTERNAL_SERVER_ERROR',
      seconds: (performance.now() - started) / 1000,
    });
    if (span !== undefined) {
      recordErrors(span, errors);
      span.end();
    }
    // Apollo Server's `orderExecutionResultFields` and `prettyJSONStringify`.
    const text = JSON.stringify({ errors, data: result.data, extensions: result.extensions }) + '\n';
    for (const [name, value] of headers) void reply.header(name, value);
    void reply
      .code(status ?? fallbackStatus)
      .header('content-type', contentType)
      .send(text);
    return true;
  }

  async #execute(prepared: PreparedOperation, context: GatewayContext, variables: Record<string, unknown>): Promise<ExecutionResult> {
    const { compiled } = prepared;
    if (compiled === null || !variablesMayRunCompiled(variables)) {
      return execute({ schema: this.#options.schema, document: prepared.trusted.document, contextValue: context, variableValues: variables, operationName: prepared.operation.name?.value });
    }
    const result = await compiled.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }

  /**
   * The errors as Apollo Server's pipeline makes them: named where a scalar refused a value,
   * given the INTERNAL_SERVER_ERROR code when they have none, their `extensions.http` taken out
   * as the answer's status, formatted by `formatError` (a formatter that throws gives the masked
   * error), and given the request id (requestIdPlugin).
   */
  #formatErrors(
    prepared: PreparedOperation,
    raw: readonly GraphQLError[] | undefined,
    requestId: string,
  ): { errors: GraphQLFormattedError[] | undefined; status: number | undefined; headers: Map<string, string> } {
    const headers = new Map<string, string>();
    if (raw === undefined || raw.length === 0) return { errors: raw === undefined ? undefined : [], status: undefined, headers };
    nameInvalidArguments(prepared.trusted.document, raw);
    let status: number | undefined;
    const errors = raw.map((error): GraphQLFormattedError => {
      let formatted: GraphQLFormattedError;
      try {
        const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR' };
        const http = extensions['http'];
        // Apollo Server's `isPartialHTTPGraphQLHead` and `mergeHTTPGraphQLHead`.
        if (isHttpHead(http)) {
          if (http.status) status = http.status;
          for (const [name, value] of http.headers ?? []) headers.set(name, value);
          delete extensions['http'];
        }
        formatted = this.#options.formatError({ ...error.toJSON(), extensions }, error);
      } catch {
        formatted = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    });
    return { errors, status, headers };
  }

  #startSpan(context: GatewayContext, prepared: PreparedOperation) {
    const { tracing } = this.#options;
    const holder = context.trace;
    if (tracing === undefined || holder === undefined) return undefined;
    const type = prepared.operation.operation;
    const name = prepared.operation.name?.value;
    const { span, context: spanContext } = tracing.start(name === undefined ? type : `${type} ${name}`, {}, holder.context);
    holder.context = spanContext;
    span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
    if (name !== undefined) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
    span.setAttribute(ATTR_GRAPHQL_DOCUMENT_SHA256, prepared.hash.sha256);
    span.setAttribute(ATTR_GRAPHQL_DOCUMENT_HASHED, prepared.hash.hashed);
    return span;
  }

  /** Apollo Server's `chooseContentTypeForSingleResultResponse`, remembered per distinct header; null: none acceptable (Apollo answers 406). */
  #contentTypeFor(accept: string | undefined): string | null {
    if (accept === undefined || accept === '') return APPLICATION_JSON;
    const known = this.#contentTypes.get(accept);
    if (known !== undefined) return known;
    const chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
    // Forgotten all at once when full: a client sending a new header each time cannot keep the usual ones out.
    if (this.#contentTypes.size >= MAX_REMEMBERED_ACCEPTS) this.#contentTypes.clear();
    this.#contentTypes.set(accept, chosen);
    return chosen;
  }
}

/**
 * The project an operation acts on, as projectSelectionPlugin decides it: undefined when no
 * choice is needed (the default project), null when the plugin would refuse the operation.
 */
function projectOf(caller: Caller, named: Array<string | undefined> | undefined): string | undefined | null {
  if (named === undefined) return undefined;
  const projectIds = new Set(named.map((projectId) => projectId ?? caller.defaultProjectId));
  if (projectIds.size > 1) return null;
  const projectId = [...projectIds][0] ?? caller.defaultProjectId;
  return caller.projectIds.has(projectId) ? projectId : null;
}

/** A JSON body: Fastify parsed it, and Apollo Server's CSRF prevention lets it through. */
function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const semicolon = header.indexOf(';');
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

function isHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as { status?: unknown; headers?: unknown };
  return (!('status' in head) || typeof head.status === 'number') && (!('headers' in head) || head.headers instanceof Map);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
