/** The start methods of the Verification API, as on the wire. */
export type VerificationMethod = 'sms' | 'flashcall' | 'callout' | 'seamless' | 'whatsapp';
export type CodeType = 'Numeric' | 'Alpha' | 'Alphanumeric';
export type VerificationStatus = 'PENDING' | 'SUCCESSFUL' | 'FAIL' | 'DENIED' | 'ABORTED' | 'ERROR';

/** One verification the simulator started, with the secret it expects back. */
export interface VerificationRecord {
  id: string;
  method: VerificationMethod;
  phoneNumber: string;
  /** ISO 3166-1 alpha-2 of the number, or undefined when the numbering plan does not say. */
  countryId: string | undefined;
  reference: string | undefined;
  custom: string | undefined;
  /** What a correct report carries: the code (sms, callout, whatsapp) or the CLI (flashcall); '' for seamless. */
  expected: string;
  codeType: CodeType | undefined;
  status: VerificationStatus;
  reason: string | undefined;
  source: 'intercepted' | 'manual' | undefined;
  wrongAttempts: number;
  /** Epoch milliseconds after which a PENDING verification is FAIL / Expired. */
  expiresAt: number;
  createdAt: number;
  /** When the status last changed: what `verificationTimestamp` reports. */
  updatedAt: number;
}
