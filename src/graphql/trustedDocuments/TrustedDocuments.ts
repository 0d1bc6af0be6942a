import { createHash } from 'node:crypto';
import { Kind, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, OperationTypeNode, ValidationRule } from 'graphql';
import type { ManifestEntry } from './readTrustedDocumentsManifest.js';

/**
 * One operation of the manifest, prepared once at start-up: parsed and validated with every rule
 * a request's document is validated with. `document` is the object every request naming this
 * operation runs (Apollo's document store hands it out; compiled execution pins its compiled
 * form to it), so a trusted operation is never parsed, validated or compiled again.
 */
export interface TrustedDocument {
  /** sha256 of `body`, lowercase hex. */
  id: string;
  /** The operation's name; undefined for an anonymous operation. */
  name: string | undefined;
  type: OperationTypeNode;
  body: string;
  document: DocumentNode;
}

export interface TrustedDocumentsOptions {
  entries: readonly ManifestEntry[];
  schema: GraphQLSchema;
  /** The gateway's own rules (depth, cost, aliases, one reportVerification, introspection when off), as Apollo runs them. */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
}

export type TrustedDocumentsResult = { documents: TrustedDocuments; problems: [] } | { documents: undefined; problems: string[] };

/** The operations of `GRAPHQL_TRUSTED_DOCUMENTS`, by id (docs/trusted-documents.md). */
export class TrustedDocuments {
  private constructor(private readonly byId: ReadonlyMap<string, TrustedDocument>) {}

  /**
   * Parses and validates every operation; a manifest with any operation that would be refused at
   * request time (does not parse, does not validate against this schema, breaks a query limit,
   * holds more than one operation, or names or types its operation differently from the
   * manifest) is refused as a whole, every problem listed.
   */
  static prepare(options: TrustedDocumentsOptions): TrustedDocumentsResult {
    const rules = [...specifiedRules, ...options.validationRules];
    const problems: string[] = [];
    const byId = new Map<string, TrustedDocument>();
    for (const entry of options.entries) {
      const where = entry.name === undefined ? `operation ${entry.id}` : `operation ${entry.name} (${entry.id})`;
      let document: DocumentNode;
      try {
        document = parse(entry.body, { maxTokens: options.maxTokens });
      } catch (error) {
        problems.push(`${where} does not parse: ${(error as Error).message}`);
        continue;
      }
      const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
      const [operation] = operations;
      if (operation === undefined || operations.length !== 1) {
        problems.push(`${where} must hold exactly one operation (it holds ${operations.length})`);
        continue;
      }
      const errors = validate(options.schema, document, rules);
      if (errors.length > 0) {
        problems.push(`${where} does not validate against the gateway's schema and limits: ${errors.map((error) => error.message).join(' ')}`);
        continue;
      }
      const name = operation.name?.value;
      if (entry.name !== undefined && entry.name !== name) {
        problems.push(`${where}: the manifest names it ${entry.name}, its body names it ${name ?? '(anonymous)'}`);
        continue;
      }
      if (entry.type !== undefined && entry.type !== operation.operation) {
        problems.push(`${where}: the manifest says ${entry.type}, its body is a ${operation.operation}`);
        continue;
      }
      byId.set(entry.id, { id: entry.id, name, type: operation.operation, body: entry.body, document });
    }
    return problems.length === 0 ? { documents: new TrustedDocuments(byId), problems: [] } : { documents: undefined, problems };
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every trusted operation, in manifest order. */
  all(): TrustedDocument[] {
    return [...this.byId.values()];
  }

  /** The operation of a normalized id (lowercase sha256 hex). */
  withId(id: string): TrustedDocument | undefined {
    return this.byId.get(id);
  }

  /** The operation whose text is exactly `query`, if any. */
  withBody(query: string): TrustedDocument | undefined {
    return this.byId.get(createHash('sha256').update(query).digest('hex'));
  }
}
