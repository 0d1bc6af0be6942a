import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GatewayResult<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/**
 * A client of the gateway in trusted-documents mode: each operation is sent by its id only
 * (`documentId`, the sha256 the client-preset put in `__meta__.hash`), never as text. Results
 * and variables are typed by the document. `fetch` is the platform's (browsers, Node 18+).
 */
export function createGatewayClient(url: string, headers: Record<string, string> = {}) {
  return async function execute<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<GatewayResult<TData>> {
    const documentId = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
    if (documentId === undefined) throw new Error('the document has no persisted hash: run the codegen');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ documentId: `sha256:${documentId}`, variables }),
    });
    return (await response.json()) as GatewayResult<TData>;
  };
}
