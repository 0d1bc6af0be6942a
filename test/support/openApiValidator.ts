import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validates response bodies against the response schemas of an OpenAPI 3.0 document, so
 * that a simulator (or a recorded upstream answer) is checked against the vendor contract
 * rather than against our own idea of it.
 *
 * OpenAPI 3.0 is not JSON Schema, so the document is translated first: `nullable: true`
 * becomes a null alternative, and `oneOf` + `discriminator.mapping` becomes an if/then per
 * mapped value (Ajv cannot use the mapping form itself). Where the vendor spec is wrong,
 * callers pass a `SpecPatch`, each with the reason, so a deviation is visible in the test
 * that needs it instead of being skipped silently.
 */

export interface SpecPatch {
  /** JSON pointer to a schema in the document, e.g. `/components/schemas/ActiveNumberResponse/properties/expireAt`. */
  pointer: string;
  /** Keywords merged into that schema, e.g. `{ nullable: true }`. */
  merge: Record<string, unknown>;
  /** Why the vendor spec is wrong here; required so that nobody patches without a reason. */
  reason: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

export interface OpenApiValidator {
  /** Validates `body` against the schema of `method pathTemplate` for `status`. */
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): ValidationResult;
}

type JsonValue = Record<string, unknown>;

const addFormats = ajvFormats as unknown as (ajv: Ajv) => Ajv;
const DOCUMENT_ID = 'openapi-document';

export function createOpenApiValidator(specPath: string, patches: readonly SpecPatch[] = []): OpenApiValidator {
  const document = parse(readFileSync(specPath, 'utf8')) as JsonValue;
  for (const patch of patches) Object.assign(resolvePointer(document, patch.pointer), patch.merge);
  translate(document);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();

  return {
    validateResponse(method, pathTemplate, status, body) {
      const schemaPointer = responseSchemaPointer(document, method, pathTemplate, status);
      if (typeof schemaPointer !== 'string') return { valid: false, errors: [schemaPointer.error] };
      let validate = compiled.get(schemaPointer);
      if (validate === undefined) {
        validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${schemaPointer}` });
        compiled.set(schemaPointer, validate);
      }
      const valid = validate(body);
      return { valid, errors: valid ? [] : (validate.errors ?? []).map(describeError) };
    },
  };
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolvePointer(document: JsonValue, pointer: string): JsonValue {
  let current: unknown = document;
  for (const raw of pointer.replace(/^#?\//, '').split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    current = (current as JsonValue | undefined)?.[segment];
  }
  if (typeof current !== 'object' || current === null) throw new Error(`OpenAPI pointer ${pointer} does not resolve to an object`);
  return current as JsonValue;
}

/** Finds the JSON pointer of the response schema, following a `$ref` to `components/responses`. */
function responseSchemaPointer(document: JsonValue, method: string, pathTemplate: string, status: number): string | { error: string } {
  const operationPointer = `/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}`;
  let operation: JsonValue;
  try {
    operation = resolvePointer(document, operationPointer);
  } catch {
    return { error: `the spec has no operation ${method.toUpperCase()} ${pathTemplate}` };
  }
  const responses = (operation['responses'] ?? {}) as JsonValue;
  const response = (responses[String(status)] ?? responses['default']) as JsonValue | undefined;
  if (response === undefined) return { error: `${method.toUpperCase()} ${pathTemplate} documents no response ${status}` };
  const responsePointer =
    typeof response['$ref'] === 'string'
      ? response['$ref'].replace(/^#/, '')
      : `${operationPointer}/responses/${responses[String(status)] === undefined ? 'default' : status}`;
  const content = (resolvePointer(document, responsePointer)['content'] ?? {}) as JsonValue;
  if (content['application/json'] === undefined) return { error: `${method.toUpperCase()} ${pathTemplate} ${status} has no JSON body` };
  return `${responsePointer}/content/application~1json/schema`;
}

/** Rewrites OpenAPI 3.0 schema keywords into JSON Schema, in place, everywhere in the document. */
function translate(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(translate);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonValue;
  Object.values(schema).forEach(translate);
  translateDiscriminator(schema);
  translateNullable(schema);
}

function translateNullable(schema: JsonValue): void {
  const nullable = schema['nullable'];
  delete schema['nullable'];
  if (nullable !== true) return;
  if (typeof schema['type'] === 'string') {
    schema['type'] = [schema['type'], 'null'];
    if (Array.isArray(schema['enum'])) schema['enum'] = [...schema['enum'], null];
    return;
  }
  // A schema made of $ref / allOf / oneOf: move it under anyOf next to null.
  const rest = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema['anyOf'] = [rest, { type: 'null' }];
}

function translateDiscriminator(schema: JsonValue): void {
  const discriminator = schema['discriminator'] as { propertyName: string; mapping?: Record<string, string> } | undefined;
  if (discriminator === undefined || !Array.isArray(schema['oneOf'])) return;
  const { propertyName, mapping } = discriminator;
  if (mapping === undefined) throw new Error('discriminator without mapping is not supported by openApiValidator');
  delete schema['discriminator'];
  delete schema['oneOf'];
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  schema['required'] = [...new Set([...required, propertyName])];
  const branches = Object.entries(mapping).map(([value, reference]) => ({
    if: { properties: { [propertyName]: { const: value } } },
    then: { $ref: reference.startsWith('#') ? `${DOCUMENT_ID}${reference}` : reference },
  }));
  schema['allOf'] = [
    ...((schema['allOf'] as unknown[] | undefined) ?? []),
    { properties: { [propertyName]: { enum: Object.keys(mapping) } } },
    ...branches,
  ];
}
