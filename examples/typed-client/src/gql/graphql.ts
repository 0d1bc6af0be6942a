/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time. Answers are always RFC 3339 in UTC with milliseconds, one fixed width:
   * `2024-06-06T14:42:42.820Z` (digits past the millisecond that Sinch sends are truncated; upstream
   * timestamps without a time zone are read as UTC). Arguments take any ISO 8601 date-time with a
   * zone, such as `2024-06-06T14:42:42Z` or `2024-06-06T16:42:42+02:00`.
   */
  DateTime: { input: string; output: string; }
  /** A JSON object, passed through as it is (registration details and requirements are free-form at Sinch). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /**
   * A phone number in strict E.164 format: a plus sign, a non-zero digit, then up to 14 more
   * ASCII digits (for example `+12025550134`). Anything else is rejected before any upstream call.
   */
  PhoneNumber: { input: string; output: string; }
};

/** A named set of IP ranges allowed to send calls to the trunks it is linked to. */
export type AccessControlList = {
  __typename?: 'AccessControlList';
  /** When the list was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the list is in force; a disabled list can be kept without deleting it. */
  enabled: Scalars['Boolean']['output'];
  /** The list's ID. */
  id: Scalars['ID']['output'];
  /** The list's IP ranges (at least one). */
  ipRanges?: Maybe<Array<IpRange>>;
  /** The list's friendly name. */
  name: Scalars['String']['output'];
  /** The trunks the list is linked to. */
  trunks?: Maybe<Array<SipTrunk>>;
  /** When the list was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** One page of access control lists. */
export type AccessControlListConnection = {
  __typename?: 'AccessControlListConnection';
  /** The lists of this page, with their cursors. */
  edges: Array<AccessControlListEdge>;
  /** The lists of this page. */
  nodes: Array<AccessControlList>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many lists the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** An access control list in a page, with the cursor that points right after it. */
export type AccessControlListEdge = {
  __typename?: 'AccessControlListEdge';
  /** Pass as `after` to continue right after this list. */
  cursor: Scalars['String']['output'];
  /** The list. */
  node: AccessControlList;
};

/** An access control list, for a create or a whole replacement. */
export type AccessControlListInput = {
  /** Whether the list is in force. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The list's IP ranges: at least one. On replace, these become the whole set. */
  ipRanges: Array<IpRangeInput>;
  /** The list's friendly name. */
  name: Scalars['String']['input'];
};

/** How well an emergency address matched. */
export type AddressValidationResult =
  /** The address is valid as given. */
  | 'EXACT_MATCH'
  /** The address is valid after a correction; see `correctedAddress`. */
  | 'NEAR_MATCH'
  /** The address is not valid; see `candidateAddresses`. */
  | 'NO_MATCH'
  /** A result this gateway does not know. */
  | 'UNSPECIFIED';

/** A phone number that can be rented. */
export type AvailableNumber = {
  __typename?: 'AvailableNumber';
  /** What the number can do. Capabilities this gateway does not know yet are left out. */
  capabilities: Array<NumberCapability>;
  /** The recurring price, charged every `paymentIntervalMonths` months. */
  monthlyPrice?: Maybe<Money>;
  /** How often, in months, the recurring price is charged. */
  paymentIntervalMonths?: Maybe<Scalars['Int']['output']>;
  /** The number in E.164 format. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** ISO 3166-1 alpha-2 country code of the number. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** The one-off price of renting the number. */
  setupPrice?: Maybe<Money>;
  /** True when the region's regulations require documents to buy this type of number (then use a Sinch number order). */
  supportingDocumentationRequired?: Maybe<Scalars['Boolean']['output']>;
  /** The kind of number. Null for a type this gateway does not know yet. */
  type?: Maybe<NumberType>;
};

/** What `resubmitFailedProvisioning` did, or would do with `dryRun`. */
export type BulkResubmissionResult = {
  __typename?: 'BulkResubmissionResult';
  /** True when nothing was changed. */
  dryRun: Scalars['Boolean']['output'];
  /** Numbers whose resubmission Sinch refused or that could not be reached. */
  failedCount: Scalars['Int']['output'];
  /** One outcome per FAILED number that matched the filter, in phone-number order. */
  outcomes: Array<ResubmissionOutcome>;
  /** Numbers resubmitted (or that would be, with `dryRun`). */
  resubmittedCount: Scalars['Int']['output'];
  /** Active numbers examined (all pages). */
  scannedCount: Scalars['Int']['output'];
  /** FAILED numbers left alone; see each `skipReason`. */
  skippedCount: Scalars['Int']['output'];
};

/** A rule that rejects calls by direction, country and number prefix. */
export type CallBlockingRule = {
  __typename?: 'CallBlockingRule';
  /** Country (ISO 3166-1 alpha-2) of the callees to block; null for any. */
  calleeCountry?: Maybe<Scalars['String']['output']>;
  /** Prefix of the callee numbers to block; null for any. */
  calleeMatch?: Maybe<Scalars['String']['output']>;
  /** Country (ISO 3166-1 alpha-2) of the callers to block; null for any. */
  callerCountry?: Maybe<Scalars['String']['output']>;
  /** Prefix of the caller numbers to block; null for any. */
  callerMatch?: Maybe<Scalars['String']['output']>;
  /** When the rule was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** Which calls the rule applies to. */
  direction: CallDirection;
  /** The rule's ID. */
  id: Scalars['ID']['output'];
  /** The rule's friendly name; null when not given. */
  name?: Maybe<Scalars['String']['output']>;
  /** When the rule was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** One page of call blocking rules. */
export type CallBlockingRuleConnection = {
  __typename?: 'CallBlockingRuleConnection';
  /** The rules of this page, with their cursors. */
  edges: Array<CallBlockingRuleEdge>;
  /** The rules of this page. */
  nodes: Array<CallBlockingRule>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many rules the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** A rule in a page, with the cursor that points right after it. */
export type CallBlockingRuleEdge = {
  __typename?: 'CallBlockingRuleEdge';
  /** Pass as `after` to continue right after this rule. */
  cursor: Scalars['String']['output'];
  /** The rule. */
  node: CallBlockingRule;
};

/** A call blocking rule, for a create or a whole replacement: every field left out is null. */
export type CallBlockingRuleInput = {
  /** Country (ISO 3166-1 alpha-2) of the callees to block. */
  calleeCountry?: InputMaybe<Scalars['String']['input']>;
  /** Prefix of the callee numbers to block. */
  calleeMatch?: InputMaybe<Scalars['String']['input']>;
  /** Country (ISO 3166-1 alpha-2) of the callers to block. */
  callerCountry?: InputMaybe<Scalars['String']['input']>;
  /** Prefix of the caller numbers to block. */
  callerMatch?: InputMaybe<Scalars['String']['input']>;
  /** Which calls the rule applies to. */
  direction: CallDirection;
  /** The rule's friendly name. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The direction of a call, seen from the Sinch number. */
export type CallDirection =
  /** A call to a Sinch number of the project. */
  | 'INBOUND'
  /** A call made from the project's trunk. */
  | 'OUTBOUND';

/** The packet capture of one call leg, downloaded from Sinch. */
export type CallPacketCapture = {
  __typename?: 'CallPacketCapture';
  /** The `.pcap` file (libpcap format), base64-encoded (RFC 4648, with padding). */
  contentBase64: Scalars['String']['output'];
  /** The call leg captured. */
  direction: CallDirection;
  /** The capture's ID, as asked for. */
  pcapId: Scalars['ID']['output'];
  /** The size of the capture in bytes (before base64). */
  sizeBytes: Scalars['Int']['output'];
};

/** A call detail record of a trunk. */
export type CallRecord = {
  __typename?: 'CallRecord';
  /** When the call was answered; null if it was not. */
  answerTime?: Maybe<Scalars['DateTime']['output']>;
  /** The duration billed, rounded to the billing period. */
  billingDurationSeconds?: Maybe<Scalars['Int']['output']>;
  /** The call's ID. */
  callId: Scalars['ID']['output'];
  /** How the call ended; null if Sinch reports a result this gateway does not know. */
  callResult?: Maybe<CallResult>;
  /** When the call was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The direction of the call; null if Sinch reports one this gateway does not know. */
  direction?: Maybe<CallDirection>;
  /** The call's duration in seconds. */
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** When the call ended. */
  endTime?: Maybe<Scalars['DateTime']['output']>;
  /** The caller, as Sinch reports it: an E.164 number, digits, or a SIP URI. */
  from?: Maybe<Scalars['String']['output']>;
  /** The active number on the project's side of the call; null when that number is not one of the project's. */
  number?: Maybe<Number>;
  /** The ID of the call's packet capture (kept by Sinch for 10 days); download it with `callPacketCapture`. */
  pcapId?: Maybe<Scalars['String']['output']>;
  /** The total price of the call; set when the call has ended. */
  price?: Maybe<Money>;
  /** The price per minute. */
  pricePerMinute?: Maybe<Money>;
  /** The project's side of the call in E.164: `to` for inbound calls, `from` for outbound calls; null when it is not a phone number. */
  sinchNumber?: Maybe<Scalars['PhoneNumber']['output']>;
  /** The callee, as Sinch reports it: an E.164 number, digits, or a SIP URI. */
  to?: Maybe<Scalars['String']['output']>;
  /** The trunk the call went through; null when it no longer exists. */
  trunk?: Maybe<SipTrunk>;
  /** The ID of the trunk the call went through. */
  trunkId?: Maybe<Scalars['ID']['output']>;
};

/** One page of call records. */
export type CallRecordConnection = {
  __typename?: 'CallRecordConnection';
  /** The records of this page, with their cursors. */
  edges: Array<CallRecordEdge>;
  /** The records of this page. */
  nodes: Array<CallRecord>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many records match the filter. */
  totalCount: Scalars['Int']['output'];
};

/** A call record in a page, with the cursor that points right after it. */
export type CallRecordEdge = {
  __typename?: 'CallRecordEdge';
  /** Pass as `after` to continue right after this record. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: CallRecord;
};

/** Narrows `callRecords`. Every filter is applied by Sinch. */
export type CallRecordFilter = {
  /** Calls created at or after this instant. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Calls created at or before this instant. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Calls in one of these directions. */
  directions?: InputMaybe<Array<CallDirection>>;
  /** Calls whose caller starts with these digits (a prefix match, such as `+1201`). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Calls that ended in one of these ways. */
  results?: InputMaybe<Array<CallResult>>;
  /** Calls whose callee starts with these digits (a prefix match). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Calls through this trunk only. */
  trunkId?: InputMaybe<Scalars['ID']['input']>;
};

/** How a call ended. */
export type CallResult =
  /** The callee was busy. */
  | 'BUSY'
  /** The caller hung up before the call was answered. */
  | 'CANCEL'
  /** The call was answered and ended normally. */
  | 'COMPLETED'
  /** The call failed. */
  | 'FAILED'
  /** Nobody answered. */
  | 'NO_ANSWER';

/**
 * The project's callback configuration. The HMAC secret is write-only: a secret returned by a
 * read API ends up in logs, caches and client state, so the gateway only says whether one is set.
 */
export type CallbackConfiguration = {
  __typename?: 'CallbackConfiguration';
  /** True when an HMAC secret is set, so Sinch signs callbacks with `X-Sinch-Signature`. */
  hmacSecretConfigured: Scalars['Boolean']['output'];
  /** The Sinch project the configuration belongs to. */
  projectId?: Maybe<Scalars['String']['output']>;
};

/** CAMPAIGN_EXPIRED (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): the campaign has expired. */
export type CampaignExpiredError = ProvisioningErrorDetails & {
  __typename?: 'CampaignExpiredError';
  /** Always `CAMPAIGN_EXPIRED`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: renew the campaign or pick another, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_MNO_REJECTED (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): a mobile network operator rejected the campaign. */
export type CampaignMnoRejectedError = ProvisioningErrorDetails & {
  __typename?: 'CampaignMnoRejectedError';
  /** Always `CAMPAIGN_MNO_REJECTED`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: correct the campaign or pick an approved one, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_MNO_REVIEW (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): the campaign is under review by a mobile network operator. */
export type CampaignMnoReviewError = ProvisioningErrorDetails & {
  __typename?: 'CampaignMnoReviewError';
  /** Always `CAMPAIGN_MNO_REVIEW`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: wait for the review, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_MNO_SUSPENDED (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): a mobile network operator suspended the campaign. */
export type CampaignMnoSuspendedError = ProvisioningErrorDetails & {
  __typename?: 'CampaignMnoSuspendedError';
  /** Always `CAMPAIGN_MNO_SUSPENDED`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: lifting a suspension needs the operator, through Sinch. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_NOT_AVAILABLE (Sinch's 10DLC Error Handling page): the campaign is not available in TCR. */
export type CampaignNotAvailableError = ProvisioningErrorDetails & {
  __typename?: 'CampaignNotAvailableError';
  /** Always `CAMPAIGN_NOT_AVAILABLE`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: correct the campaign in TCR, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_PENDING_ACCEPTANCE (Sinch's 10DLC Error Handling page): Sinch has not accepted the campaign yet. */
export type CampaignPendingAcceptanceError = ProvisioningErrorDetails & {
  __typename?: 'CampaignPendingAcceptanceError';
  /** Always `CAMPAIGN_PENDING_ACCEPTANCE`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: wait for the acceptance, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** CAMPAIGN_PROVISIONING_FAILED (Sinch's 10DLC Error Handling page): the campaign could not be provisioned. */
export type CampaignProvisioningFailedError = ProvisioningErrorDetails & {
  __typename?: 'CampaignProvisioningFailedError';
  /** Always `CAMPAIGN_PROVISIONING_FAILED`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: needs Sinch. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** Whether the project's trunks may call a country. */
export type CountryPermission = {
  __typename?: 'CountryPermission';
  /** The country's continent, such as `Europe`. */
  continent?: Maybe<Scalars['String']['output']>;
  /** The country's calling codes, such as `+46`; a few countries have several. */
  countryDialingCodes: Array<Scalars['String']['output']>;
  /** Whether calls to the country are allowed. */
  enabled: Scalars['Boolean']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  isoCode: Scalars['String']['output'];
  /** The country's name, such as `Sweden`. */
  name?: Maybe<Scalars['String']['output']>;
};

/** What to order: exactly one of `phoneNumber` and `quantity`. */
export type CreateNumberOrderInput = {
  /** The URL Sinch calls about the order and its numbers; see docs/webhooks.md for the gateway's own. */
  callbackUrl?: InputMaybe<Scalars['String']['input']>;
  /** One specific available number to order. */
  phoneNumber?: InputMaybe<Scalars['PhoneNumber']['input']>;
  /** A quantity of numbers matching criteria. */
  quantity?: InputMaybe<QuantityOrderInput>;
  /** ISO 3166-1 alpha-2 country code of the numbers. */
  regionCode: Scalars['String']['input'];
  /** The SMS service plan and campaign the numbers get once active. */
  sms?: InputMaybe<SmsConfigurationInput>;
  /** The kind of numbers. */
  type: NumberType;
  /** The voice destination the numbers get once active. */
  voice?: InputMaybe<VoiceConfigurationInput>;
};

/** A new SIP trunk. */
export type CreateSipTrunkInput = {
  /** Whether to look up caller names of inbound calls (US and Canada only). */
  enableCallerName?: InputMaybe<Scalars['Boolean']['input']>;
  /** The host part of the trunk's domain: letters, digits and dashes; must be unique at Sinch. */
  hostName: Scalars['String']['input'];
  /** The trunk's friendly name. */
  name: Scalars['String']['input'];
};

/** A SIP credential. The password is write-only: it can be set, never read. */
export type Credential = {
  __typename?: 'Credential';
  /** The credential's ID; null when Sinch did not report one. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The username endpoints register with. */
  username: Scalars['String']['output'];
};

/** A SIP credential. The password is sent to Sinch and never returned or logged. */
export type CredentialInput = {
  /** At least 12 characters with an upper-case letter, a lower-case letter and a digit. */
  password: Scalars['String']['input'];
  /** The username: letters, digits and `. _ @ + -`. */
  username: Scalars['String']['input'];
};

/** A named set of credentials that registered endpoints authenticate with. */
export type CredentialList = {
  __typename?: 'CredentialList';
  /** When the list was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The list's credentials (usernames only); null when Sinch did not report them for this list. */
  credentials?: Maybe<Array<Credential>>;
  /** The list's ID. */
  id: Scalars['ID']['output'];
  /** The list's friendly name. */
  name: Scalars['String']['output'];
  /** The trunks the list is linked to. */
  trunks?: Maybe<Array<SipTrunk>>;
  /** When the list was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** One page of credential lists. */
export type CredentialListConnection = {
  __typename?: 'CredentialListConnection';
  /** The lists of this page, with their cursors. */
  edges: Array<CredentialListEdge>;
  /** The lists of this page. */
  nodes: Array<CredentialList>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many lists the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** A credential list in a page, with the cursor that points right after it. */
export type CredentialListEdge = {
  __typename?: 'CredentialListEdge';
  /** Pass as `after` to continue right after this list. */
  cursor: Scalars['String']['output'];
  /** The list. */
  node: CredentialList;
};

/** A new credential list. */
export type CredentialListInput = {
  /** At least one credential. */
  credentials: Array<CredentialInput>;
  /** The list's friendly name. */
  name: Scalars['String']['input'];
};

/** An emergency (E911) address, as Sinch stores it. Unset parts are null. */
export type EmergencyAddress = {
  __typename?: 'EmergencyAddress';
  /** The city. */
  city?: Maybe<Scalars['String']['output']>;
  /** Further location, such as `Apt 5`. */
  location?: Maybe<Scalars['String']['output']>;
  /** The postal code. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** The ZIP+4 extension. */
  postalCodePlusFour?: Maybe<Scalars['String']['output']>;
  /** The state or province, such as `IL`. */
  state?: Maybe<Scalars['String']['output']>;
  /** The street name, such as `Main St`. */
  streetInfo?: Maybe<Scalars['String']['output']>;
  /** The street number, such as `12345`. */
  streetNumber?: Maybe<Scalars['String']['output']>;
};

/** The parts of an emergency address. */
export type EmergencyAddressFields = {
  /** The city. */
  city: Scalars['String']['input'];
  /** Further location (apartment, floor). */
  location?: InputMaybe<Scalars['String']['input']>;
  /** The postal code. */
  postalCode: Scalars['String']['input'];
  /** The ZIP+4 extension. */
  postalCodePlusFour?: InputMaybe<Scalars['String']['input']>;
  /** The state or province code. */
  state: Scalars['String']['input'];
  /** The street name. */
  streetInfo: Scalars['String']['input'];
  /** The street number. */
  streetNumber: Scalars['String']['input'];
};

/** The number and the address to validate or provision. */
export type EmergencyAddressInput = {
  /** The address. */
  address: EmergencyAddressFields;
  /** A name for the address. */
  displayName: Scalars['String']['input'];
  /** The active number (US or CA, with the VOICE capability). */
  phoneNumber: Scalars['PhoneNumber']['input'];
};

/** The result of validating an emergency address. */
export type EmergencyAddressValidation = {
  __typename?: 'EmergencyAddressValidation';
  /** Candidate addresses (NO_MATCH only). */
  candidateAddresses: Array<EmergencyAddress>;
  /** The corrected address; null unless NEAR_MATCH. */
  correctedAddress?: Maybe<EmergencyAddress>;
  /** The name given to the address. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** Sinch's message about the result. */
  message?: Maybe<Scalars['String']['output']>;
  /** The number the address is for. */
  phoneNumber?: Maybe<Scalars['PhoneNumber']['output']>;
  /** The result exactly as Sinch reported it. */
  rawResult: Scalars['String']['output'];
  /** How well the address matched. UNSPECIFIED for a result this gateway does not know; see `rawResult`. */
  result: AddressValidationResult;
  /** The address as submitted. */
  validatedAddress?: Maybe<EmergencyAddress>;
};

/**
 * The code in `extensions.code` of every error the gateway returns. Errors caused by a Sinch API
 * also carry `extensions.upstream`: `{ service, httpStatus, status, code, message, reference,
 * details, retryable, retryAfterSeconds }` (see docs/errors.md). Match on the code, never on
 * the message.
 */
export type ErrorCode =
  /** The HTTP request itself is malformed (HTTP 400, 405, 413, 415): no `query`, a body that is not JSON or too large, a mutation over GET, a missing CSRF-prevention header, a batch (batching is off), a subscription sent as a query over WebSocket. Nothing ran. */
  | 'BAD_REQUEST'
  /** The request is invalid: a malformed argument, an ID or phone number that fails its pattern, or input the upstream API rejected as invalid (HTTP 400/422 invalid argument, syntax_* codes, Verification 40001-40005, SIP BAD_REQUEST). */
  | 'BAD_USER_INPUT'
  /** The resource already exists or is already attached where the request tried to attach it (HTTP 409, SIP 'already exists' / 'already assigned'). */
  | 'CONFLICT'
  /** The request is valid but the resource is not in a state that allows it: nothing failed to resubmit, not enough credit (Numbers FAILED_PRECONDITION, Verification 40200), missing documentation. */
  | 'FAILED_PRECONDITION'
  /** The upstream API, or the gateway, refused the operation for these credentials or this resource (HTTP 403: PERMISSION_DENIED, blocked_account, illegal_number_type, unknown_campaign, Verification 40300 and 40303). */
  | 'FORBIDDEN'
  /** The document does not parse (HTTP 400), including a document over the token limit (`GRAPHQL_MAX_TOKENS`, with `limit` and `found`). Nothing ran. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not validate against the schema, or breaks a query limit (depth, cost, aliases, directives, one `reportVerification`; `reason`, `limit`, `found`), or introspects while introspection is off (HTTP 400). Nothing ran. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** An unexpected error inside the gateway. Details are logged with the request id, never returned. */
  | 'INTERNAL_SERVER_ERROR'
  /** The resource does not exist in the upstream API (HTTP 404). */
  | 'NOT_FOUND'
  /** The request names an operation the document does not hold, or names none in a document of several (HTTP 400). Nothing ran. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** An automatic persisted query was sent with an `extensions.persistedQuery.sha256Hash` that is not the SHA-256 of its query (HTTP 400). Send the hash of the exact query text. */
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  /** Automatic persisted queries: the hash is not known to this gateway yet (HTTP 200, no data). Apollo Client's persisted-queries link then sends the document with its hash. */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** The id (`documentId` or `extensions.persistedQuery.sha256Hash`) names no operation of the trusted-documents manifest (HTTP 400); also an APQ registration while only trusted documents run. */
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  /** Automatic persisted queries are off (HTTP 200, no data). Apollo Server's code: the gateway keeps APQ on without a manifest, and with only trusted documents refuses a hash before Apollo sees it (PERSISTED_QUERY_NOT_IN_LIST), so a client meets it only if that changes; it is listed so that the enum holds every code Apollo can send. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** Only the trusted-documents manifest runs here and the document sent is not one of its operations, or is not the operation of the id sent with it (HTTP 400). */
  | 'QUERY_NOT_IN_SAFELIST'
  /** Too many requests (HTTP 429); `extensions.upstream.retryAfterSeconds` says when to try again, when known. */
  | 'RATE_LIMITED'
  /** The shared store (Redis) that holds every replica's limits is unreachable: a verification start or report, or a rate-limited mutation, is refused with nothing sent to Sinch. Reads and other mutations keep working. Retry after `extensions.retryAfterSeconds`. */
  | 'STORE_UNAVAILABLE'
  /** The caller of the gateway did not present valid gateway credentials. */
  | 'UNAUTHENTICATED'
  /** Sinch refused the gateway's own credentials (HTTP 401 from Sinch). An operator problem, never the end user's: clients must not log their user out on it. */
  | 'UPSTREAM_AUTH_FAILED'
  /** The upstream API answered with something other than its documented response: a 2xx body that is not the documented JSON, a redirect, or a body over the size cap. */
  | 'UPSTREAM_BAD_RESPONSE'
  /** Sinch does not know the Sinch project the gateway is configured with, or the API is not enabled for it (Elastic SIP Trunking 404 'Could not find Project with id ...', 400 'Project with id ... is not enabled'). An operator problem, never an empty answer: every field of that API fails with it until the configuration is fixed. */
  | 'UPSTREAM_MISCONFIGURED'
  /** The upstream API did not answer in time. */
  | 'UPSTREAM_TIMEOUT'
  /** The upstream API answered with a server error (HTTP 500, 502, 503, 504). */
  | 'UPSTREAM_UNAVAILABLE'
  /** The upstream API could not be reached: connection refused or reset. */
  | 'UPSTREAM_UNREACHABLE';

/** A phone number as the Elastic SIP Trunking API sees it: routed to a trunk. */
export type EstPhoneNumber = {
  __typename?: 'EstPhoneNumber';
  /** ISO 3166-1 alpha-2 country of the number. */
  countryCode?: Maybe<Scalars['String']['output']>;
  /** When the number was routed to the trunk. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** Sinch's ID of the assignment; null when not reported. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The number as the Numbers API sees it; null when it is not an active number of the project. */
  number?: Maybe<Number>;
  /** The number. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** The trunk the number is routed to. */
  trunk?: Maybe<SipTrunk>;
  /** When the assignment last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** One page of phone numbers routed to a trunk. */
export type EstPhoneNumberConnection = {
  __typename?: 'EstPhoneNumberConnection';
  /** The numbers of this page, with their cursors. */
  edges: Array<EstPhoneNumberEdge>;
  /** The numbers of this page. */
  nodes: Array<EstPhoneNumber>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many numbers the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** A phone number in a page, with the cursor that points right after it. */
export type EstPhoneNumberEdge = {
  __typename?: 'EstPhoneNumberEdge';
  /** Pass as `after` to continue right after this number. */
  cursor: Scalars['String']['output'];
  /** The number. */
  node: EstPhoneNumber;
};

/** Which FAILED numbers `resubmitFailedProvisioning` considers. */
export type FailedProvisioningFilter = {
  /** Only numbers whose failure includes one of these codes (as `ProvisioningErrorDetails.code` or as Sinch sent it). */
  errorCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only numbers of this country (ISO 3166-1 alpha-2). */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Only numbers of this type. */
  type?: InputMaybe<NumberType>;
};

/** A number whose SMS provisioning FAILED. */
export type FailedProvisioningNumber = {
  __typename?: 'FailedProvisioningNumber';
  /** Why it failed, one entry per error code Sinch reported. */
  errors: Array<ProvisioningError>;
  /** The number as listed. */
  number: Number;
  /** The number, in E.164 format. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** True when every error can be cleared by resubmitting (what `resubmitFailedProvisioning` would resubmit). */
  resubmittable: Scalars['Boolean']['output'];
};

/** Options of a flash call verification. */
export type FlashCallVerificationOptionsInput = {
  /** How long the phone rings, in seconds (5 to 120). */
  dialTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** How long the verification can be completed, in seconds (5 to 120). */
  interceptionTimeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** A started flash call verification. */
export type FlashCallVerificationStart = VerificationStart & {
  __typename?: 'FlashCallVerificationStart';
  /** A regular expression matching the caller id of the incoming flash call, such as `(.*)8156(.*)`. */
  cliFilter?: Maybe<Scalars['String']['output']>;
  /** After how many seconds the app should reject the call (used by the mobile SDKs). */
  denyCallAfterSeconds?: Maybe<Scalars['Int']['output']>;
  /** The verification id. */
  id: Scalars['ID']['output'];
  /** How long the app should wait for the call, in seconds. */
  interceptionTimeoutSeconds?: Maybe<Scalars['Int']['output']>;
  /** Links to the status and report endpoints. */
  links: Array<VerificationLink>;
  /** Always FLASH_CALL. */
  method: VerificationMethod;
  /** How long the CLI may be reported, in seconds, before the verification expires. */
  reportTimeoutSeconds?: Maybe<Scalars['Int']['output']>;
};

/** INSUFFICIENT_BALANCE (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): the account balance does not cover the provisioning. */
export type InsufficientBalanceError = ProvisioningErrorDetails & {
  __typename?: 'InsufficientBalanceError';
  /** Always `INSUFFICIENT_BALANCE`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: top up the account, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** INTERNAL_ERROR (Sinch's 10DLC Error Handling page): an internal error at Sinch. */
export type InternalProvisioningError = ProvisioningErrorDetails & {
  __typename?: 'InternalProvisioningError';
  /** Always `INTERNAL_ERROR`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: contact Sinch Support. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** INVALID_NNID (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): the number's routing identifier (NNID) is not valid for SMS. */
export type InvalidNnidError = ProvisioningErrorDetails & {
  __typename?: 'InvalidNnidError';
  /** Always `INVALID_NNID`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: the number's routing must be fixed by Sinch. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** An IPv4 address and CIDR prefix length, such as 203.0.113.0 / 24. */
export type IpRange = {
  __typename?: 'IpRange';
  /** When the range was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** What the range is for; null when not given. */
  description?: Maybe<Scalars['String']['output']>;
  /** The range's ID. */
  id: Scalars['ID']['output'];
  /** The first address of the range. */
  ipAddress: Scalars['String']['output'];
  /** The CIDR prefix length: 32 is one address, 24 is 256 addresses. */
  range: Scalars['Int']['output'];
  /** When the range was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** An IPv4 range, for a create or a whole replacement. */
export type IpRangeInput = {
  /** What the range is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The first address of the range, such as `203.0.113.0`. */
  ipAddress: Scalars['String']['input'];
  /** The CIDR prefix length, 0 to 32. */
  range?: InputMaybe<Scalars['Int']['input']>;
};

/** MNO_SHARING_ERROR (Sinch's 10DLC Error Handling page): the campaign and brand details were not shared between partners. */
export type MnoSharingError = ProvisioningErrorDetails & {
  __typename?: 'MnoSharingError';
  /** Always `MNO_SHARING_ERROR`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: make sure the campaign reached every MNO, then resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** MOCK_CAMPAIGN_NOT_ALLOWED (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): a mock (test) campaign cannot be linked to this number. */
export type MockCampaignNotAllowedError = ProvisioningErrorDetails & {
  __typename?: 'MockCampaignNotAllowedError';
  /** Always `MOCK_CAMPAIGN_NOT_ALLOWED`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: resubmit with a real campaign's `campaignId`. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** An amount of money in a currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount as a decimal string, exactly as Sinch reports it (for example `2.00`), so no precision is lost. */
  amount: Scalars['String']['output'];
  /** ISO 4217 currency code, such as `USD`. */
  currencyCode: Scalars['String']['output'];
};

/** The root of every change. Each domain extends it with its own mutations. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Links access control lists to a trunk (appends). Returns the trunk. */
  addAccessControlListsToTrunk?: Maybe<SipTrunk>;
  /** Links credential lists to a trunk (appends). Returns the trunk. */
  addCredentialListsToTrunk?: Maybe<SipTrunk>;
  /** Adds an IP range to an access control list. */
  addIpRange?: Maybe<IpRange>;
  /**
   * Routes a number to a SIP trunk through Elastic SIP Trunking's own `POST /phoneNumbers`
   * (`{sipTrunkId, phoneNumber}`): the routing holds as soon as Sinch answers and the result is the
   * EST phone number, with the `id` that `removePhoneNumberFromSipTrunk` takes. The number must be
   * an active number of the project (NOT_FOUND otherwise); a number already on this trunk or on
   * another one is CONFLICT. `assignNumberToTrunk` is the documented Numbers API path; see
   * docs/sip-trunking.md for when to use which.
   */
  addPhoneNumberToSipTrunk?: Maybe<EstPhoneNumber>;
  /** Lets other projects of the account use this project's Elastic SIP Trunking. Returns the projects that were added; projects already added are ignored. */
  addSipTrunkingProjects?: Maybe<Array<Scalars['String']['output']>>;
  /**
   * Routes a number's voice calls to a SIP trunk: the Numbers API update with
   * `voiceConfiguration {type: EST, trunkId}`. The trunk is checked first (NOT_FOUND if it does not
   * exist). Sinch provisions the change asynchronously: until it finishes, the trunk shows under
   * `voice.scheduledProvisioning` and `voice.trunk` is still the previous destination.
   */
  assignNumberToTrunk?: Maybe<Number>;
  /** Creates an access control list: the IP ranges allowed to send calls to the trunks it is linked to. */
  createAccessControlList?: Maybe<AccessControlList>;
  /** Creates a call blocking rule. */
  createCallBlockingRule?: Maybe<CallBlockingRule>;
  /** Creates a credential list with at least one credential. Passwords are write-only: never returned. */
  createCredentialList?: Maybe<CredentialList>;
  /**
   * Orders numbers: one specific number (`phoneNumber`) or a quantity matching criteria
   * (`quantity`), exactly one of the two. The order starts CREATED; fill in its registration if
   * `numberRequirements` asks for one, then `submitNumberOrder`.
   */
  createNumberOrder: NumberOrder;
  /** Adds a registered endpoint (a SIP device that registers with a credential) to a trunk. */
  createRegisteredSipEndpoint?: Maybe<SipEndpoint>;
  /** Creates a SIP trunk. Its domain is `hostName` followed by Sinch's top-level domain. */
  createSipTrunk?: Maybe<SipTrunk>;
  /** Adds a static endpoint (an IP address or domain Sinch sends calls to) to a trunk. */
  createStaticSipEndpoint?: Maybe<SipEndpoint>;
  /** Deletes an access control list. Fails (FAILED_PRECONDITION) while it is linked to a trunk. Returns the deleted ID. */
  deleteAccessControlList?: Maybe<Scalars['ID']['output']>;
  /** Deletes a call blocking rule. Returns the deleted ID. */
  deleteCallBlockingRule?: Maybe<Scalars['ID']['output']>;
  /** Deletes a credential. A list must keep at least one. Returns the deleted username. */
  deleteCredential?: Maybe<Scalars['String']['output']>;
  /** Deletes a credential list. Fails (FAILED_PRECONDITION) while it is linked to a trunk. Returns the deleted ID. */
  deleteCredentialList?: Maybe<Scalars['ID']['output']>;
  /** Removes an IP range. A list must keep at least one range. Returns the deleted ID. */
  deleteIpRange?: Maybe<Scalars['ID']['output']>;
  /** Deletes an endpoint. Returns the deleted ID. */
  deleteSipEndpoint?: Maybe<Scalars['ID']['output']>;
  /** Deletes a trunk and its endpoints. Fails (FAILED_PRECONDITION) while phone numbers are routed to it. Returns the deleted ID. */
  deleteSipTrunk?: Maybe<Scalars['ID']['output']>;
  /** Removes the emergency address of a number. True once removed; NOT_FOUND when it had none. */
  deprovisionEmergencyAddress: Scalars['Boolean']['output'];
  /** Provisions the emergency (E911) address of a number. Sinch validates it first; a NO_MATCH address is refused (BAD_USER_INPUT), a NEAR_MATCH is stored corrected. */
  provisionEmergencyAddress: EmergencyAddress;
  /**
   * Releases an active number. The number stays active until the end of the paid period:
   * the result has `expireAt` set.
   */
  releaseNumber: Number;
  /** Unlinks an access control list from a trunk. Returns the trunk. */
  removeAccessControlListFromTrunk?: Maybe<SipTrunk>;
  /** Unlinks a credential list from a trunk. Returns the trunk. */
  removeCredentialListFromTrunk?: Maybe<SipTrunk>;
  /**
   * Takes a number off its SIP trunk through Elastic SIP Trunking's `DELETE /phoneNumbers/{id}`,
   * by the EST id of the assignment (`EstPhoneNumber.id`, not the number). Returns the removed ID;
   * an unknown id is NOT_FOUND.
   */
  removePhoneNumberFromSipTrunk?: Maybe<Scalars['ID']['output']>;
  /** Renames a credential list (HTTP PUT of its only writable field). */
  renameCredentialList?: Maybe<CredentialList>;
  /**
   * Rents any available number that matches the criteria (Sinch: deprecated, US LOCAL numbers
   * only).
   */
  rentAnyNumber: Number;
  /**
   * Rents one specific available number (Sinch: deprecated, US LOCAL numbers only; larger
   * orders go through number orders).
   */
  rentNumber: Number;
  /**
   * Replaces an access control list (HTTP PUT): name, enabled flag and the whole set of IP ranges.
   * Ranges not in `input.ipRanges` are removed and the others get new IDs.
   */
  replaceAccessControlList?: Maybe<AccessControlList>;
  /** Replaces a call blocking rule (HTTP PUT): every field left out becomes null. */
  replaceCallBlockingRule?: Maybe<CallBlockingRule>;
  /** Replaces an IP range (HTTP PUT): a description left out is cleared, a range left out becomes 32. */
  replaceIpRange?: Maybe<IpRange>;
  /** Replaces an endpoint with a registered one (HTTP PUT): fields left out take their defaults, not their current values. */
  replaceRegisteredSipEndpoint?: Maybe<SipEndpoint>;
  /**
   * Replaces a trunk (HTTP PUT): every field of `input` is written. A field left out takes the
   * default shown in `ReplaceSipTrunkInput`; it does NOT keep the trunk's current value.
   */
  replaceSipTrunk?: Maybe<SipTrunk>;
  /** Replaces an endpoint with a static one (HTTP PUT): fields left out take their defaults, not their current values. */
  replaceStaticSipEndpoint?: Maybe<SipEndpoint>;
  /** Replaces the whole set of credential lists linked to a trunk (HTTP PUT); an empty list unlinks them all. Returns the trunk. */
  replaceTrunkCredentialLists?: Maybe<SipTrunk>;
  /**
   * Reports the code (or flash call CLI) the user received, by verification id or by phone
   * number. A code is a secret: one operation may contain at most one `reportVerification`
   * (rejected at validation with `GRAPHQL_VALIDATION_FAILED` otherwise), a report is never
   * retried, and each verification may be reported a limited number of times per window
   * (`RATE_LIMITED` once spent). See docs/verification.md.
   */
  reportVerification: VerificationReport;
  /**
   * Resubmits the SMS provisioning of every number of the project whose provisioning FAILED with
   * only resubmittable errors (`ProvisioningStatus.resubmittable`), across all pages, a few at a
   * time. One outcome per FAILED number; one failure never stops the others. Numbers already
   * WAITING or IN_PROGRESS are not FAILED, so running it twice resubmits nothing twice.
   */
  resubmitFailedProvisioning: BulkResubmissionResult;
  /**
   * Requests the SMS provisioning of a number again after it FAILED (Sinch's 10DLC Error Handling page, "Error management
   * and campaign resubmission"). The service plan and campaign default to those of the failed
   * request. Fails with FAILED_PRECONDITION, without changing anything, when the number has no
   * failed provisioning request. Returns the number with its new scheduled provisioning (WAITING).
   */
  resubmitProvisioning: Number;
  /** Creates a credential in a list, or sets the password of an existing one. The password is never returned. */
  setCredential?: Maybe<Credential>;
  /**
   * Starts verifying a phone number: Sinch sends an SMS or WhatsApp code, places a flash call or
   * a phone call, or prepares a seamless (mobile data) check. Returns what the client needs to
   * complete it, by method.
   */
  startVerification: VerificationStart;
  /** Submits a CREATED or BLOCKED number order for review (IN_REVIEW). The outcome arrives as a NUMBER_ORDER event. */
  submitNumberOrder: NumberOrder;
  /**
   * Takes a number off its SIP trunk: its voice configuration goes back to RTC with no
   * application (`{type: RTC, appId: ""}`), so calls reach no trunk. Provisioned asynchronously.
   */
  unassignNumberFromTrunk?: Maybe<Number>;
  /**
   * Sets the HMAC secret Sinch signs the project's number callbacks with (`X-Sinch-Signature`,
   * HMAC-SHA1 of the raw body). The secret is write-only: it is never returned.
   */
  updateCallbackConfiguration: CallbackConfiguration;
  /** Allows or forbids calls to a country. */
  updateCountryPermission?: Maybe<CountryPermission>;
  /**
   * Changes an active number: its display name, callback URL, SMS or voice configuration. SMS and
   * voice changes are provisioned asynchronously: until they finish, the new values appear under
   * `scheduledProvisioning` and the current ones stay at the top level.
   */
  updateNumber: Number;
  /** Replaces the registration details of a CREATED or BLOCKED number order. */
  updateNumberOrderRegistration: NumberOrderRegistration;
  /** Checks an emergency address without storing it: exact, near (with a correction) or no match (with candidates). */
  validateEmergencyAddress: EmergencyAddressValidation;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAddAccessControlListsToTrunkArgs = {
  accessControlListIds: Array<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAddCredentialListsToTrunkArgs = {
  credentialListIds: Array<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAddIpRangeArgs = {
  accessControlListId: Scalars['ID']['input'];
  input: IpRangeInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAddPhoneNumberToSipTrunkArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAddSipTrunkingProjectsArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
  projectIds: Array<Scalars['String']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationAssignNumberToTrunkArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateAccessControlListArgs = {
  input: AccessControlListInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateCallBlockingRuleArgs = {
  input: CallBlockingRuleInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateCredentialListArgs = {
  input: CredentialListInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateNumberOrderArgs = {
  input: CreateNumberOrderInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateRegisteredSipEndpointArgs = {
  input: RegisteredSipEndpointInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateSipTrunkArgs = {
  input: CreateSipTrunkInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationCreateStaticSipEndpointArgs = {
  input: StaticSipEndpointInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteAccessControlListArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteCallBlockingRuleArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteCredentialArgs = {
  credentialListId: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  username: Scalars['String']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteCredentialListArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteIpRangeArgs = {
  accessControlListId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteSipEndpointArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeleteSipTrunkArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationDeprovisionEmergencyAddressArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationProvisionEmergencyAddressArgs = {
  input: EmergencyAddressInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReleaseNumberArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRemoveAccessControlListFromTrunkArgs = {
  accessControlListId: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRemoveCredentialListFromTrunkArgs = {
  credentialListId: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRemovePhoneNumberFromSipTrunkArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRenameCredentialListArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRentAnyNumberArgs = {
  input: RentAnyNumberInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationRentNumberArgs = {
  input: RentNumberInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceAccessControlListArgs = {
  id: Scalars['ID']['input'];
  input: AccessControlListInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceCallBlockingRuleArgs = {
  id: Scalars['ID']['input'];
  input: CallBlockingRuleInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceIpRangeArgs = {
  accessControlListId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  input: IpRangeInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceRegisteredSipEndpointArgs = {
  id: Scalars['ID']['input'];
  input: RegisteredSipEndpointInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceSipTrunkArgs = {
  id: Scalars['ID']['input'];
  input: ReplaceSipTrunkInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceStaticSipEndpointArgs = {
  id: Scalars['ID']['input'];
  input: StaticSipEndpointInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReplaceTrunkCredentialListsArgs = {
  credentialListIds: Array<Scalars['ID']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationReportVerificationArgs = {
  input: ReportVerificationInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationResubmitFailedProvisioningArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<FailedProvisioningFilter>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationResubmitProvisioningArgs = {
  input: ResubmitProvisioningInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationSetCredentialArgs = {
  credentialListId: Scalars['ID']['input'];
  input: CredentialInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationStartVerificationArgs = {
  input: StartVerificationInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationSubmitNumberOrderArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationUnassignNumberFromTrunkArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationUpdateCallbackConfigurationArgs = {
  hmacSecret: Scalars['String']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationUpdateCountryPermissionArgs = {
  enabled: Scalars['Boolean']['input'];
  isoCode: Scalars['String']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationUpdateNumberArgs = {
  input: UpdateNumberInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationUpdateNumberOrderRegistrationArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  requestDetails: Scalars['JSONObject']['input'];
};


/** The root of every change. Each domain extends it with its own mutations. */
export type MutationValidateEmergencyAddressArgs = {
  input: EmergencyAddressInput;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * An active number: a phone number the project rents from Sinch. Unset text fields that Sinch
 * reports as empty strings are null here.
 */
export type Number = {
  __typename?: 'Number';
  /** The URL Sinch calls about this number's provisioning; null when none is set. */
  callbackUrl?: Maybe<Scalars['String']['output']>;
  /** What the number can do. Capabilities this gateway does not know yet are left out. */
  capabilities: Array<NumberCapability>;
  /** The name the project gave the number; null when none was given. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** When the rental ends; set once the number has been released, null otherwise. */
  expireAt?: Maybe<Scalars['DateTime']['output']>;
  /** The recurring price of the number. */
  money?: Maybe<Money>;
  /** When the number is charged next. */
  nextChargeDate?: Maybe<Scalars['DateTime']['output']>;
  /** How often, in months, the recurring price is charged. */
  paymentIntervalMonths?: Maybe<Scalars['Int']['output']>;
  /** The number in E.164 format. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** The Sinch project that rents the number. */
  projectId?: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 country code of the number, such as `US`. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** The SMS configuration: the linked service plan and 10DLC campaign, and any provisioning in flight or failed. */
  sms?: Maybe<SmsConfiguration>;
  /** The kind of number. Null if Sinch reports a type this gateway does not know yet. */
  type?: Maybe<NumberType>;
  /** The voice configuration: the application, trunk or fax service the number is routed to, and any change in flight. */
  voice?: Maybe<VoiceConfiguration>;
};

/** What a number can be used for. */
export type NumberCapability =
  /** Sending and receiving SMS. */
  | 'SMS'
  /** Making and receiving calls. */
  | 'VOICE';

/** One page of active numbers. */
export type NumberConnection = {
  __typename?: 'NumberConnection';
  /** The numbers of this page, with their cursors. */
  edges: Array<NumberEdge>;
  /** The numbers of this page (the same as `edges.node`). */
  nodes: Array<Number>;
  /** Where this page ends and whether there is more. */
  pageInfo: PageInfo;
  /** How many numbers match the filter, across all pages (Sinch's `totalSize`). */
  totalCount: Scalars['Int']['output'];
};

/** A number in a page, with the cursor that points right after it. */
export type NumberEdge = {
  __typename?: 'NumberEdge';
  /** Pass as `after` to continue right after this number. */
  cursor: Scalars['String']['output'];
  /** The number. */
  node: Number;
};

/** Narrows the `numbers` list. */
export type NumberFilter = {
  /** Only numbers with all of these capabilities. */
  capabilities?: InputMaybe<Array<NumberCapability>>;
  /** The order of the list. Sinch's default order when omitted. */
  orderBy?: InputMaybe<NumberOrderBy>;
  /** Only numbers matching this digit pattern. */
  pattern?: InputMaybe<NumberPatternInput>;
  /** Only numbers of this country (ISO 3166-1 alpha-2, such as `US`). */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Only numbers of this type. */
  type?: InputMaybe<NumberType>;
};

/** A number order (Sinch `NumberOrder`). */
export type NumberOrder = {
  __typename?: 'NumberOrder';
  /** When the order was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** When the order expires unless completed; null once completed. */
  expireTime?: Maybe<Scalars['DateTime']['output']>;
  /** The order's id (Sinch `idNumberOrder`). */
  id: Scalars['ID']['output'];
  /** The kind of numbers ordered. Null for a type this gateway does not know. */
  numberType?: Maybe<NumberType>;
  /** The ordered numbers with their prices. */
  numbers: Array<OrderedNumber>;
  /** The Sinch project of the order. */
  projectId?: Maybe<Scalars['String']['output']>;
  /** The state exactly as Sinch reported it. */
  rawState: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code of the ordered numbers. */
  regionCode?: Maybe<Scalars['String']['output']>;
  /** The order's registration (KYC details, attachments, feedback from Sinch); one more call to Sinch. */
  registration: NumberOrderRegistration;
  /** The SMS configuration the numbers get once active; null when none. */
  sms?: Maybe<NumberOrderSmsConfiguration>;
  /** Where the order is. UNSPECIFIED for a state this gateway does not know; see `rawState`. */
  state: NumberOrderState;
  /** When the order last changed. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
  /** The voice configuration the numbers get once active; null when none. */
  voice?: Maybe<NumberOrderVoiceConfiguration>;
};

/** A document uploaded for a number order. */
export type NumberOrderAttachment = {
  __typename?: 'NumberOrderAttachment';
  /** When it was uploaded. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The kind of document, such as `Passport`. */
  documentType?: Maybe<Scalars['String']['output']>;
  /** The uploaded file's name. */
  fileName?: Maybe<Scalars['String']['output']>;
  /** The attachment's id. */
  id?: Maybe<Scalars['String']['output']>;
  /** Its MIME type. */
  mimeType?: Maybe<Scalars['String']['output']>;
  /** COMPLETED, WAITING or FAILED, as Sinch reports it. */
  uploadStatus?: Maybe<Scalars['String']['output']>;
};

/** The order of the `numbers` list. */
export type NumberOrderBy =
  /** By display name. */
  | 'DISPLAY_NAME'
  /** By phone number. */
  | 'PHONE_NUMBER';

/** The registration of a number order (KYC). */
export type NumberOrderRegistration = {
  __typename?: 'NumberOrderRegistration';
  /** Documents uploaded for the order (uploading is not offered by this gateway; docs/provisioning.md). */
  attachments: Array<NumberOrderAttachment>;
  /** Feedback from Sinch about the registration, oldest first. */
  logs: Array<NumberOrderRegistrationLog>;
  /** The registration details as submitted (free-form). */
  requestDetails: Scalars['JSONObject']['output'];
};

/** A message from Sinch about a registration. */
export type NumberOrderRegistrationLog = {
  __typename?: 'NumberOrderRegistrationLog';
  /** When it was written. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The message. */
  message: Scalars['String']['output'];
};

/** The SMS configuration of an order's numbers. */
export type NumberOrderSmsConfiguration = {
  __typename?: 'NumberOrderSmsConfiguration';
  /** The 10DLC campaign; null when none. */
  campaignId?: Maybe<Scalars['String']['output']>;
  /** The SMS service plan; null when none. */
  servicePlanId?: Maybe<Scalars['String']['output']>;
};

/** Where a number order is. */
export type NumberOrderState =
  /** Blocked by the review; see the registration logs, update and submit again. */
  | 'BLOCKED'
  /** Completed: the numbers are active numbers of the project. */
  | 'COMPLETED'
  /** Created; registration may be filled in, then submitted. */
  | 'CREATED'
  /** Expired before it completed. */
  | 'EXPIRED'
  /** Submitted; Sinch is reviewing it. */
  | 'IN_REVIEW'
  /** Rejected by the review. */
  | 'REJECTED'
  /** A state this gateway does not know (NUMBER_ORDER_STATE_UNSPECIFIED or newer). */
  | 'UNSPECIFIED';

/** The voice configuration of an order's numbers. */
export type NumberOrderVoiceConfiguration = {
  __typename?: 'NumberOrderVoiceConfiguration';
  /** The Voice API application ID (RTC). */
  appId?: Maybe<Scalars['String']['output']>;
  /** The fax service ID (FAX). */
  serviceId?: Maybe<Scalars['String']['output']>;
  /** The Elastic SIP Trunking trunk ID (EST). */
  trunkId?: Maybe<Scalars['String']['output']>;
  /** The kind of destination; null for one this gateway does not know. */
  type?: Maybe<VoiceApplicationType>;
};

/** A sequence of digits to look for in numbers. */
export type NumberPatternInput = {
  /** The digits, such as `2020`. */
  pattern: Scalars['String']['input'];
  /** Where the digits must be. Sinch's default (START) when omitted. */
  searchPattern?: InputMaybe<SearchPattern>;
};

/** NUMBER_PROVISIONING_FAILED (Sinch's 10DLC Error Handling page): this number cannot be assigned to the campaign. */
export type NumberProvisioningFailedError = ProvisioningErrorDetails & {
  __typename?: 'NumberProvisioningFailedError';
  /** Always `NUMBER_PROVISIONING_FAILED`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: release this number and rent another, or contact Sinch. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** What Sinch requires to order numbers of a region and type. */
export type NumberRequirements = {
  __typename?: 'NumberRequirements';
  /** The documents that can or must be uploaded. */
  attachments: Array<RequiredAttachment>;
  /** The registration policy (free-form), to be filled in as `requestDetails`. */
  fields: Scalars['JSONObject']['output'];
};

/** The kind of phone number. */
export type NumberType =
  /** A local (geographic) number. */
  | 'LOCAL'
  /** A mobile number. */
  | 'MOBILE'
  /** A toll-free number. */
  | 'TOLL_FREE';

/** A number in an order. */
export type OrderedNumber = {
  __typename?: 'OrderedNumber';
  /** What the number can do. */
  capabilities: Array<NumberCapability>;
  /** The recurring price. */
  monthlyPrice?: Maybe<Money>;
  /** How often, in months, the recurring price is charged. */
  paymentIntervalMonths?: Maybe<Scalars['Int']['output']>;
  /** The number in E.164 format. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** The one-off price. */
  setupPrice?: Maybe<Money>;
};

/** Where a page of a cursor connection starts and ends, and whether there is more. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor to pass as `after` to fetch the next page; null on the last page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when a further page can be fetched with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** PARTNER_SERVICE_UNAVAILABLE (Sinch's 10DLC Error Handling page): the campaign registration could not be completed and Sinch stopped retrying. */
export type PartnerServiceUnavailableError = ProvisioningErrorDetails & {
  __typename?: 'PartnerServiceUnavailableError';
  /** Always `PARTNER_SERVICE_UNAVAILABLE`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: resubmit. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** Options of a phone call verification. */
export type PhoneCallVerificationOptionsInput = {
  /** The language the code is read out in, as a language tag such as `en-US` (the Sinch default). */
  speechLocale?: InputMaybe<Scalars['String']['input']>;
};

/** A started phone call verification: the call reads out the code. */
export type PhoneCallVerificationStart = VerificationStart & {
  __typename?: 'PhoneCallVerificationStart';
  /** The verification id. */
  id: Scalars['ID']['output'];
  /** Links to the status and report endpoints. */
  links: Array<VerificationLink>;
  /** Always PHONE_CALL. */
  method: VerificationMethod;
};

/** Why an SMS provisioning request failed: one member per error code, plus `UnknownProvisioningError`. */
export type ProvisioningError = CampaignExpiredError | CampaignMnoRejectedError | CampaignMnoReviewError | CampaignMnoSuspendedError | CampaignNotAvailableError | CampaignPendingAcceptanceError | CampaignProvisioningFailedError | InsufficientBalanceError | InternalProvisioningError | InvalidNnidError | MnoSharingError | MockCampaignNotAllowedError | NumberProvisioningFailedError | PartnerServiceUnavailableError | SmsProvisioningFailedError | TenDlcLimitExceededError | TollFreeNumberNotAllowedError | UnknownProvisioningError;

/** One SMS provisioning error code and how many FAILED numbers report it. */
export type ProvisioningErrorCodeCount = {
  __typename?: 'ProvisioningErrorCodeCount';
  /** The code as Sinch's 10DLC Error Handling page spells it (`ProvisioningErrorDetails.code`). */
  code: Scalars['String']['output'];
  /** FAILED numbers reporting it. */
  count: Scalars['Int']['output'];
  /** True when resubmitting can clear this error (`ProvisioningErrorDetails.resubmittable`). */
  resubmittable: Scalars['Boolean']['output'];
  /** The code as Sinch sent it (`ProvisioningErrorDetails.upstreamCode`). */
  upstreamCode: Scalars['String']['output'];
};

/** What every provisioning error says: the code, what it means and what to do about it. */
export type ProvisioningErrorDetails = {
  /** The error code, as Sinch's 10DLC Error Handling page spells it (`10DLC_LIMIT_EXCEEDED`); for unknown codes, the code Sinch sent. */
  code: Scalars['String']['output'];
  /** What went wrong. */
  description: Scalars['String']['output'];
  /** True when the customer can clear the error by resubmitting the request, possibly after the fix the suggested action describes; false when it needs Sinch or another number. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it. */
  suggestedAction: Scalars['String']['output'];
  /** The error code exactly as Sinch sent it (the API spells `10DLC_LIMIT_EXCEEDED` as `EXCEEDED_10DLC_LIMIT`). */
  upstreamCode: Scalars['String']['output'];
};

/**
 * One step in the provisioning of a number or a number order. `source` says where the gateway
 * learnt of it; `number` / `numberOrder` are re-read from Sinch after the event.
 */
export type ProvisioningEvent = {
  __typename?: 'ProvisioningEvent';
  /** The typed explanation of `failureCode`; null unless FAILED. */
  error?: Maybe<ProvisioningError>;
  /** The callback's `eventId`; a gateway-made id for events of other sources. */
  eventId: Scalars['ID']['output'];
  /** What happened. */
  eventType: ProvisioningEventType;
  /** The error code of a FAILED step, exactly as Sinch sent it; null otherwise. */
  failureCode?: Maybe<Scalars['String']['output']>;
  /** Sinch's internal code of a campaign failure, such as `CRS0018`; null otherwise. */
  internalFailureCode?: Maybe<Scalars['String']['output']>;
  /** The number as Sinch reports it right after the event; null for orders, or when the number is gone. */
  number?: Maybe<Number>;
  /** The number order as Sinch reports it right after the event; null for active numbers. */
  numberOrder?: Maybe<NumberOrder>;
  /** When it happened (the callback's timestamp, read as UTC; otherwise when the gateway saw it). */
  occurredAt: Scalars['DateTime']['output'];
  /** The Sinch project of the resource. */
  projectId: Scalars['String']['output'];
  /** The phone number (ACTIVE_NUMBER) or the order id (NUMBER_ORDER). */
  resourceId: Scalars['String']['output'];
  /** What kind of resource changed. */
  resourceType: ProvisioningResourceType;
  /** Where the event comes from. */
  source: ProvisioningEventSource;
  /** The outcome or the state reached. */
  status: ProvisioningEventStatus;
};

/** Narrows `provisioningEvents`. Every given list must contain the event's value. */
export type ProvisioningEventFilter = {
  /** Only these event types. */
  eventTypes?: InputMaybe<Array<ProvisioningEventType>>;
  /** Only events about these kinds of resource. */
  resourceTypes?: InputMaybe<Array<ProvisioningResourceType>>;
  /** Only events from these sources. */
  sources?: InputMaybe<Array<ProvisioningEventSource>>;
  /** Only these statuses. */
  statuses?: InputMaybe<Array<ProvisioningEventStatus>>;
};

/** Where a provisioning event comes from (docs/provisioning.md, "Where events come from"). */
export type ProvisioningEventSource =
  /** A signed callback from Sinch to `/webhooks/numbers`. Sinch only calls back for final results. */
  | 'CALLBACK'
  /** The state when the subscription started (or restarted after a reconnect). */
  | 'CURRENT_STATE'
  /** A change made through this gateway (resubmission, update): the WAITING step of the new request. */
  | 'MUTATION'
  /** The gateway's polling of a watched number whose request is pending (WAITING, IN_PROGRESS, and the end when no callback came). */
  | 'POLL';

/** The outcome of an event or the state it reached. */
export type ProvisioningEventStatus =
  /** Number order: blocked; update the registration and submit again. */
  | 'BLOCKED'
  /** Number order: completed; its numbers are active. */
  | 'COMPLETED'
  /** Number order: created, not submitted. */
  | 'CREATED'
  /** Number order: expired before it completed. */
  | 'EXPIRED'
  /** The step failed; see `error`. */
  | 'FAILED'
  /** No request in flight or failed (current state only). */
  | 'IDLE'
  /** The request is being worked on. */
  | 'IN_PROGRESS'
  /** Number order: submitted, under review. */
  | 'IN_REVIEW'
  /** Number order: rejected. */
  | 'REJECTED'
  /** The step succeeded (a callback), or the pending request is gone without failing (a poll). */
  | 'SUCCEEDED'
  /** A status this gateway does not know (PROVISIONING_STATUS_UNSPECIFIED or newer). */
  | 'UNSPECIFIED'
  /** The request is scheduled. */
  | 'WAITING';

/** What an event is about: Sinch's callback event types, plus the gateway's own status observations. */
export type ProvisioningEventType =
  /** Callback: the number was unlinked from its campaign. */
  | 'DEPROVISIONING_FROM_CAMPAIGN'
  /** Callback: the number was removed from its SMS service plan. */
  | 'DEPROVISIONING_FROM_SMS_PLATFORM'
  /** Callback: the number's voice routing was removed. */
  | 'DEPROVISIONING_FROM_VOICE_PLATFORM'
  /** Callback: a number order changed state. */
  | 'NUMBER_ORDER_PROCESSING'
  /** Callback: the number was linked to a 10DLC campaign. */
  | 'PROVISIONING_TO_CAMPAIGN'
  /** Callback: the number was added to an SMS service plan. */
  | 'PROVISIONING_TO_SMS_PLATFORM'
  /** Callback: the number was routed to a voice application, trunk or fax service. */
  | 'PROVISIONING_TO_VOICE_PLATFORM'
  /** Observed by the gateway (mutation, poll, current state): the status of the number's SMS provisioning request. */
  | 'SMS_PROVISIONING'
  /** Observed by the gateway (poll, current state): the status of the number's voice provisioning request. */
  | 'VOICE_PROVISIONING';

/** What `provisioningReport` found: counts over every number read, and the failed ones. */
export type ProvisioningReport = {
  __typename?: 'ProvisioningReport';
  /** How many FAILED numbers report each SMS error code, in order of first sight; a number with two codes counts under both. */
  errorCodes: Array<ProvisioningErrorCodeCount>;
  /** Every number read whose SMS provisioning FAILED, in phone-number order; its errors are `sms.scheduledProvisioning.errors`. */
  failedNumbers: Array<FailedProvisioningNumber>;
  /** The most numbers one report reads. */
  maxNumbers: Scalars['Int']['output'];
  /** Upstream list calls made: ceil(scannedCount / 100), at least 1. */
  pageCount: Scalars['Int']['output'];
  /** Active numbers read (all pages, up to `maxNumbers`). */
  scannedCount: Scalars['Int']['output'];
  /** The numbers by the state of their SMS provisioning request. */
  sms: ProvisioningStateCounts;
  /** True when the project has more than `maxNumbers` numbers: the counts cover the first `maxNumbers` in phone-number order. */
  truncated: Scalars['Boolean']['output'];
  /** The numbers by the state of their voice configuration change. */
  voice: ProvisioningStateCounts;
};

/** The kind of resource an event is about. */
export type ProvisioningResourceType =
  /** An active number; `resourceId` is the phone number. */
  | 'ACTIVE_NUMBER'
  /** A number order; `resourceId` is the order id. */
  | 'NUMBER_ORDER';

/** Where a provisioning request is. */
export type ProvisioningState =
  /** The change failed. With several changes requested, it is FAILED if any one of them fails; see `errors`. */
  | 'FAILED'
  /** The change is in progress. With several changes requested, it stays IN_PROGRESS until all of them complete. */
  | 'IN_PROGRESS'
  /** Sinch reported PROVISIONING_STATUS_UNSPECIFIED, no status, or a status this gateway does not know yet (kept in `rawStatus`). */
  | 'UNSPECIFIED'
  /** The change has been scheduled. */
  | 'WAITING';

/** How many numbers have a provisioning request in each state. */
export type ProvisioningStateCounts = {
  __typename?: 'ProvisioningStateCounts';
  /** Requests that failed. */
  failed: Scalars['Int']['output'];
  /** Requests in progress. */
  inProgress: Scalars['Int']['output'];
  /** Numbers with no request: nothing was asked for, or it succeeded. */
  none: Scalars['Int']['output'];
  /** Requests in a state this gateway does not know (see `ProvisioningStatus.rawStatus`). */
  unspecified: Scalars['Int']['output'];
  /** Requests scheduled. */
  waiting: Scalars['Int']['output'];
};

/**
 * The state of an SMS provisioning request (Sinch's 10DLC Error Handling page): which service plan and campaign it links
 * the number to, how far it got, and why it failed.
 */
export type ProvisioningStatus = {
  __typename?: 'ProvisioningStatus';
  /** The 10DLC campaign this request links the number to; null when none. */
  campaignId?: Maybe<Scalars['String']['output']>;
  /** Why the request failed, one entry per error code Sinch reported; empty unless FAILED. */
  errors: Array<ProvisioningError>;
  /** When the status last changed. */
  lastUpdatedTime?: Maybe<Scalars['DateTime']['output']>;
  /** The status exactly as Sinch reported it, such as `WAITING` or a value newer than this gateway. */
  rawStatus: Scalars['String']['output'];
  /**
   * True when the request FAILED and every reported error can be cleared by resubmitting
   * (`resubmitProvisioning`), possibly after the fix its `suggestedAction` describes. False while
   * the request is not FAILED, or when an error needs Sinch or another number.
   */
  resubmittable: Scalars['Boolean']['output'];
  /** The service plan this request links the number to; null when none. */
  servicePlanId?: Maybe<Scalars['String']['output']>;
  /** Where the request is. UNSPECIFIED for a status this gateway does not know; see `rawStatus`. */
  status: ProvisioningState;
};

/** How many numbers to order, and what they must look like. */
export type QuantityOrderInput = {
  /** Capabilities every number must have. */
  capabilities?: InputMaybe<Array<NumberCapability>>;
  /** Digits the numbers must start with, contain or end with. */
  pattern?: InputMaybe<NumberPatternInput>;
  /** How many numbers: 1 to 100. */
  requestedQuantity: Scalars['Int']['input'];
  /** True: consecutive numbers. */
  sequential?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type Query = {
  __typename?: 'Query';
  /** One access control list; null when Sinch answers 404. */
  accessControlList?: Maybe<AccessControlList>;
  /** The project's access control lists, one page at a time. */
  accessControlLists: AccessControlListConnection;
  /**
   * One number that can be rented, with its prices. Null when Sinch answers 404: the number is not
   * available for rent (already rented, or not in the catalogue).
   */
  availableNumber?: Maybe<AvailableNumber>;
  /**
   * Searches the numbers that can be rented. Sinch returns at most `size` numbers and does not page
   * the search.
   */
  availableNumbers: Array<AvailableNumber>;
  /** The regions (countries) Sinch provides numbers in, with the number types of each. */
  availableRegions: Array<Region>;
  /** The project's call blocking rules, one page at a time. */
  callBlockingRules: CallBlockingRuleConnection;
  /**
   * The packet capture of one leg of a call (`GET /calls/records/{pcapId}/pcap`), as base64. Sinch
   * keeps captures for 10 days; an unknown or expired capture is a NOT_FOUND error carrying Sinch's
   * message, not null, so that the reason reaches the client. A capture larger than the gateway's
   * upstream response cap (`UPSTREAM_MAX_RESPONSE_BYTES`) is UPSTREAM_BAD_RESPONSE.
   */
  callPacketCapture?: Maybe<CallPacketCapture>;
  /**
   * Call detail records of the project's trunks, newest first. Without `filter.createdAfter` or
   * `filter.createdBefore` Sinch only returns the calls of the last 24 hours.
   */
  callRecords: CallRecordConnection;
  /** The project's callback (webhook) configuration: whether callbacks are signed. */
  callbackConfiguration: CallbackConfiguration;
  /** The permission of one country. */
  countryPermission?: Maybe<CountryPermission>;
  /** Which countries the project's trunks may call. Not paged: one entry per country Sinch serves. */
  countryPermissions: Array<CountryPermission>;
  /** One credential list; null when Sinch answers 404. */
  credentialList?: Maybe<CredentialList>;
  /** The project's credential lists, one page at a time. */
  credentialLists: CredentialListConnection;
  /** The emergency (E911) address of an active number. Null when Sinch answers 404: no address is provisioned, or the number is not the project's. */
  emergencyAddress?: Maybe<EmergencyAddress>;
  /**
   * How the Elastic SIP Trunking API sees one phone number: the trunk it is routed to. Null when
   * the number is not routed to a trunk (Sinch answers 404).
   */
  estPhoneNumber?: Maybe<EstPhoneNumber>;
  /** The phone numbers routed to one trunk, as the Elastic SIP Trunking API lists them. */
  estPhoneNumbers: EstPhoneNumberConnection;
  /**
   * One active (rented) number of the project. Null when Sinch answers 404 for it: the number is
   * not rented by this project (never rented, or its release has completed). Every other upstream
   * failure is an error.
   */
  number?: Maybe<Number>;
  /** One number order. Null when Sinch answers 404 for it. */
  numberOrder?: Maybe<NumberOrder>;
  /** What Sinch requires (registration fields, documents) to order numbers of a region and type. */
  numberRequirements: NumberRequirements;
  /**
   * The project's active numbers, one page at a time, in the order Sinch lists them (see
   * `filter.orderBy`). Pass the `endCursor` of one page as `after` to fetch the next page, with
   * the same `filter`.
   */
  numbers: NumberConnection;
  /**
   * Which numbers failed provisioning, and why: one walk of every page of the project's active
   * numbers (Sinch has no status filter), counted by SMS and voice provisioning state and by SMS
   * error code, with every number whose SMS provisioning FAILED and its typed errors. Costs
   * ceil(numbers / 100) upstream list calls, read one after another; at most 10,000 numbers
   * (100 pages) are read, beyond which the report says `truncated: true`. Rate limited per tenant
   * like `resubmitFailedProvisioning` (RATE_LIMITED), priced at 5,000 in the query cost (so one per
   * operation), and stopped with UPSTREAM_TIMEOUT when the request's deadline passes.
   */
  provisioningReport: ProvisioningReport;
  /** One SIP endpoint of a trunk; null when Sinch answers 404. */
  sipEndpoint?: Maybe<SipEndpoint>;
  /** The SIP endpoints of a trunk, one page at a time. */
  sipEndpoints: SipEndpointConnection;
  /** One SIP trunk; null when Sinch answers 404 (no such trunk in the project). */
  sipTrunk?: Maybe<SipTrunk>;
  /** The trunk whose fully qualified domain is `domain`; null when no trunk has it. */
  sipTrunkByDomain?: Maybe<SipTrunk>;
  /** The project's SIP trunks, one page at a time, in the order Sinch lists them. */
  sipTrunks: SipTrunkConnection;
  /** A verification by the id `startVerification` returned; null when Sinch knows no such id. */
  verification?: Maybe<Verification>;
  /** The latest verification of a phone number with a method; null when there is none. */
  verificationByIdentity?: Maybe<Verification>;
  /** A verification by the `reference` it was started with; null when no verification has it. */
  verificationByReference?: Maybe<Verification>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryAccessControlListArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryAccessControlListsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryAvailableNumberArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryAvailableNumbersArgs = {
  capabilities?: InputMaybe<Array<NumberCapability>>;
  pattern?: InputMaybe<NumberPatternInput>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  regionCode: Scalars['String']['input'];
  size?: InputMaybe<Scalars['Int']['input']>;
  type: NumberType;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryAvailableRegionsArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<NumberType>>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCallBlockingRulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCallPacketCaptureArgs = {
  direction?: InputMaybe<CallDirection>;
  pcapId: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCallRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CallRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCallbackConfigurationArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCountryPermissionArgs = {
  isoCode: Scalars['String']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCountryPermissionsArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCredentialListArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryCredentialListsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryEmergencyAddressArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryEstPhoneNumberArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryEstPhoneNumbersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryNumberArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryNumberOrderArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryNumberRequirementsArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
  regionCode: Scalars['String']['input'];
  type: NumberType;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryNumbersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NumberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryProvisioningReportArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<NumberType>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QuerySipEndpointArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QuerySipEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  trunkId: Scalars['ID']['input'];
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QuerySipTrunkArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QuerySipTrunkByDomainArgs = {
  domain: Scalars['String']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QuerySipTrunksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryVerificationArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryVerificationByIdentityArgs = {
  method: ReportableVerificationMethod;
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every read. Each domain (numbers.graphql, verification.graphql,
 * sip-trunking.graphql) extends it with its own fields.
 */
export type QueryVerificationByReferenceArgs = {
  projectId?: InputMaybe<Scalars['ID']['input']>;
  reference: Scalars['String']['input'];
};

/** A country Sinch provides numbers in. */
export type Region = {
  __typename?: 'Region';
  /** ISO 3166-1 alpha-2 country code, such as `US`. */
  regionCode: Scalars['String']['output'];
  /** The display name, such as `United States`. */
  regionName?: Maybe<Scalars['String']['output']>;
  /** The number types available in the region. Types this gateway does not know yet are left out. */
  types: Array<NumberType>;
};

/** An endpoint that registers with Sinch using a credential of a linked credential list. */
export type RegisteredSipEndpoint = SipEndpoint & {
  __typename?: 'RegisteredSipEndpoint';
  /** When the endpoint was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The username of the credential the endpoint registers with. */
  credentialUsername: Scalars['String']['output'];
  /** Whether the endpoint receives calls. */
  enabled: Scalars['Boolean']['output'];
  /** The endpoint's ID. */
  id: Scalars['ID']['output'];
  /** The endpoint's friendly name. */
  name: Scalars['String']['output'];
  /** Routing priority: lower is tried first; equal priorities share calls round-robin. */
  priority: Scalars['Int']['output'];
  /** The transport protocol. */
  transport: SipTransport;
  /** The trunk the endpoint belongs to. */
  trunk?: Maybe<SipTrunk>;
  /** When the endpoint was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** A registered SIP endpoint, for a create or a whole replacement. Fields left out take the defaults shown. */
export type RegisteredSipEndpointInput = {
  /** The username of a credential in a credential list; one endpoint per username. */
  credentialUsername: Scalars['String']['input'];
  /** Whether the endpoint receives calls. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The endpoint's friendly name. */
  name: Scalars['String']['input'];
  /** Routing priority, at least 1: lower is tried first. */
  priority: Scalars['Int']['input'];
  /** The transport protocol. */
  transport?: InputMaybe<SipTransport>;
};

/** What the number to rent must look like, and its initial configuration. */
export type RentAnyNumberInput = {
  /** The URL Sinch calls about this number's provisioning. */
  callbackUrl?: InputMaybe<Scalars['String']['input']>;
  /** Capabilities the number must have. */
  capabilities?: InputMaybe<Array<NumberCapability>>;
  /** Digits the number must start with, contain or end with. */
  pattern?: InputMaybe<NumberPatternInput>;
  /** ISO 3166-1 alpha-2 country code (Sinch supports only `US` here). */
  regionCode: Scalars['String']['input'];
  /** The SMS service plan and campaign to provision right away. */
  sms?: InputMaybe<SmsConfigurationInput>;
  /** The kind of number (Sinch supports only LOCAL here). */
  type: NumberType;
  /** The voice destination to provision right away. */
  voice?: InputMaybe<VoiceConfigurationInput>;
};

/** A specific number to rent, and its initial configuration. */
export type RentNumberInput = {
  /** The URL Sinch calls about this number's provisioning. */
  callbackUrl?: InputMaybe<Scalars['String']['input']>;
  /** The available number to rent. */
  phoneNumber: Scalars['PhoneNumber']['input'];
  /** The SMS service plan and campaign to provision right away. */
  sms?: InputMaybe<SmsConfigurationInput>;
  /** The voice destination to provision right away. */
  voice?: InputMaybe<VoiceConfigurationInput>;
};

/** The whole new state of a trunk (HTTP PUT). Fields left out take the defaults shown here. */
export type ReplaceSipTrunkInput = {
  /** Where inbound calls go when no endpoint can take them; null clears it. */
  callForwardNumber?: InputMaybe<Scalars['PhoneNumber']['input']>;
  /** Whether to forward inbound calls to `callForwardNumber`; needs `callForwardNumber`. */
  enableCallForward?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether to look up caller names of inbound calls. */
  enableCallerName?: InputMaybe<Scalars['Boolean']['input']>;
  /** The host part of the trunk's domain. Sinch keeps reporting the domain the trunk was created with. */
  hostName: Scalars['String']['input'];
  /** The trunk's friendly name. */
  name: Scalars['String']['input'];
};

/** A verification report: which verification (exactly one of `id` and `phoneNumber`) and the code. */
export type ReportVerificationInput = {
  /** The code the user received (SMS, phone call, WhatsApp), or for a flash call the full international caller id (CLI) of the call, such as `+46700000000`. Never logged. */
  code: Scalars['String']['input'];
  /** The verification id returned by `startVerification`. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The method of the verification being reported. */
  method: ReportableVerificationMethod;
  /** The verified phone number: reports the latest pending verification of this number with `method`. */
  phoneNumber?: InputMaybe<Scalars['PhoneNumber']['input']>;
};

/** The methods completed by reporting a code or a CLI, and which can be looked up by phone number. */
export type ReportableVerificationMethod =
  /** Flash call: the code is the caller id (CLI) of the call. */
  | 'FLASH_CALL'
  /** Phone call code. */
  | 'PHONE_CALL'
  /** SMS code. */
  | 'SMS'
  /** WhatsApp code. */
  | 'WHATSAPP';

/** A document a number order may need. */
export type RequiredAttachment = {
  __typename?: 'RequiredAttachment';
  /** Accepted document types; empty means any. */
  allowedDocumentTypes: Array<Scalars['String']['output']>;
  /** Accepted MIME types; empty means any. */
  allowedMimeTypes: Array<Scalars['String']['output']>;
  /** What it must show. */
  description?: Maybe<Scalars['String']['output']>;
  /** The attachment id to upload it under. */
  id: Scalars['String']['output'];
  /** True when the order cannot complete without it. */
  mandatory: Scalars['Boolean']['output'];
  /** Its title. */
  title?: Maybe<Scalars['String']['output']>;
};

/** What happened to one FAILED number. */
export type ResubmissionOutcome = {
  __typename?: 'ResubmissionOutcome';
  /** Why the resubmission failed (the gateway's error code); null unless FAILED. */
  errorCode?: Maybe<ErrorCode>;
  /** The message of that error; null unless FAILED. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** The number after the resubmission (RESUBMITTED), else as it was listed. */
  number: Number;
  /** The number. */
  phoneNumber: Scalars['PhoneNumber']['output'];
  /** The errors of the failed provisioning request being (or not being) resubmitted. */
  provisioningErrors: Array<ProvisioningError>;
  /** What was done. */
  result: ResubmissionResult;
  /** Why it was skipped; null unless SKIPPED. */
  skipReason?: Maybe<ResubmissionSkipReason>;
};

/** What `resubmitFailedProvisioning` did with one number. */
export type ResubmissionResult =
  /** The resubmission was attempted and failed; see `errorCode`. */
  | 'FAILED'
  /** Resubmitted: the number now has a WAITING request. */
  | 'RESUBMITTED'
  /** Left alone; see `skipReason`. */
  | 'SKIPPED'
  /** Dry run: would be resubmitted. */
  | 'WOULD_RESUBMIT';

/** Why a FAILED number was not resubmitted. */
export type ResubmissionSkipReason =
  /** Another resubmission of this number through this gateway is still running. */
  | 'ALREADY_RESUBMITTING'
  /** At least one of its errors cannot be cleared by resubmitting (it needs Sinch, or another number). */
  | 'NOT_RESUBMITTABLE'
  /** The failed request names no service plan to resubmit with; use `resubmitProvisioning` with one. */
  | 'NO_SERVICE_PLAN';

/** Which failed SMS provisioning request to submit again, and with what. */
export type ResubmitProvisioningInput = {
  /** The campaign to use; the failed request's campaign when omitted. */
  campaignId?: InputMaybe<Scalars['String']['input']>;
  /** The active number whose SMS provisioning FAILED. */
  phoneNumber: Scalars['PhoneNumber']['input'];
  /** The service plan to use; the failed request's service plan when omitted. */
  servicePlanId?: InputMaybe<Scalars['String']['input']>;
};

/** A started seamless (mobile data) verification. */
export type SeamlessVerificationStart = VerificationStart & {
  __typename?: 'SeamlessVerificationStart';
  /** The verification id. */
  id: Scalars['ID']['output'];
  /** Links to the status and report endpoints. */
  links: Array<VerificationLink>;
  /** Always SEAMLESS. */
  method: VerificationMethod;
  /** The URI the device must call over its mobile data connection to complete the verification. */
  targetUri?: Maybe<Scalars['String']['output']>;
};

/** Where in the number the pattern's digits must be. */
export type SearchPattern =
  /** The number contains the digits anywhere. */
  | 'CONTAINS'
  /** The number ends with the digits. */
  | 'END'
  /** The number starts with the digits. */
  | 'START';

/** A SIP endpoint: where Sinch delivers a trunk's inbound calls. */
export type SipEndpoint = {
  /** When the endpoint was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the endpoint receives calls. */
  enabled: Scalars['Boolean']['output'];
  /** The endpoint's ID. */
  id: Scalars['ID']['output'];
  /** The endpoint's friendly name. */
  name: Scalars['String']['output'];
  /** Routing priority: lower is tried first; equal priorities share calls round-robin. */
  priority: Scalars['Int']['output'];
  /** The transport protocol. */
  transport: SipTransport;
  /** The trunk the endpoint belongs to. */
  trunk?: Maybe<SipTrunk>;
  /** When the endpoint was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** One page of SIP endpoints. */
export type SipEndpointConnection = {
  __typename?: 'SipEndpointConnection';
  /** The endpoints of this page, with their cursors. */
  edges: Array<SipEndpointEdge>;
  /** The endpoints of this page. */
  nodes: Array<SipEndpoint>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many endpoints the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** An endpoint in a page, with the cursor that points right after it. */
export type SipEndpointEdge = {
  __typename?: 'SipEndpointEdge';
  /** Pass as `after` to continue right after this endpoint. */
  cursor: Scalars['String']['output'];
  /** The endpoint. */
  node: SipEndpoint;
};

/** The transport protocol of a SIP endpoint. */
export type SipTransport =
  /** TCP. */
  | 'TCP'
  /** TLS (encrypted SIP signalling). */
  | 'TLS'
  /** UDP (the default). */
  | 'UDP';

/**
 * A SIP trunk: the connection between Sinch and the customer's SIP infrastructure. The lists
 * that take a further upstream call (`endpoints`, `accessControlLists`, `numbers`, ...) are
 * nullable so that one failing call leaves null and an error at that field, not a lost trunk.
 */
export type SipTrunk = {
  __typename?: 'SipTrunk';
  /** The access control lists linked to the trunk. */
  accessControlLists?: Maybe<Array<AccessControlList>>;
  /** The number inbound calls are forwarded to when no endpoint answers; null when none. */
  callForwardNumber?: Maybe<Scalars['PhoneNumber']['output']>;
  /** How many calls per second the trunk may start; raised by Sinch on request. */
  callsPerSecond: Scalars['Int']['output'];
  /** When the trunk was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** The credential lists linked to the trunk. */
  credentialLists?: Maybe<Array<CredentialList>>;
  /** The fully qualified domain: `hostName` followed by `topLevelDomain`. */
  domain?: Maybe<Scalars['String']['output']>;
  /** Whether inbound calls are forwarded to `callForwardNumber` when no endpoint can take them. */
  enableCallForward: Scalars['Boolean']['output'];
  /** Whether caller name lookup is on for inbound calls (US and Canada only). */
  enableCallerName: Scalars['Boolean']['output'];
  /** The trunk's SIP endpoints, all of them. */
  endpoints?: Maybe<Array<SipEndpoint>>;
  /** The host part of the trunk's domain, chosen by the customer. */
  hostName: Scalars['String']['output'];
  /** The trunk's ID (a ULID). */
  id: Scalars['ID']['output'];
  /** The trunk's friendly name. */
  name: Scalars['String']['output'];
  /**
   * The active numbers routed to this trunk (Numbers API view). Costs one Elastic SIP Trunking
   * list call and one Numbers read per number; use `phoneNumbers` when only the numbers are needed.
   */
  numbers?: Maybe<Array<Number>>;
  /** The numbers routed to this trunk as the Elastic SIP Trunking API lists them, one page at a time. */
  phoneNumbers?: Maybe<EstPhoneNumberConnection>;
  /** Sinch's domain the trunk lives under, such as `pstn.sinch.com`. */
  topLevelDomain?: Maybe<Scalars['String']['output']>;
  /** When the trunk was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};


/**
 * A SIP trunk: the connection between Sinch and the customer's SIP infrastructure. The lists
 * that take a further upstream call (`endpoints`, `accessControlLists`, `numbers`, ...) are
 * nullable so that one failing call leaves null and an error at that field, not a lost trunk.
 */
export type SipTrunkPhoneNumbersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One page of SIP trunks. */
export type SipTrunkConnection = {
  __typename?: 'SipTrunkConnection';
  /** The trunks of this page, with their cursors. */
  edges: Array<SipTrunkEdge>;
  /** The trunks of this page. */
  nodes: Array<SipTrunk>;
  /** Whether there is a next page, and its cursor. */
  pageInfo: PageInfo;
  /** How many trunks the whole list has. */
  totalCount: Scalars['Int']['output'];
};

/** A trunk in a page, with the cursor that points right after it. */
export type SipTrunkEdge = {
  __typename?: 'SipTrunkEdge';
  /** Pass as `after` to continue right after this trunk. */
  cursor: Scalars['String']['output'];
  /** The trunk. */
  node: SipTrunk;
};

/**
 * The SMS side of an active number. `servicePlanId` and `campaignId` are the values in effect;
 * a requested change shows under `scheduledProvisioning` until it succeeds.
 */
export type SmsConfiguration = {
  __typename?: 'SmsConfiguration';
  /** The 10DLC campaign (TCR campaign ID) the number is linked to; null when none. US numbers only. */
  campaignId?: Maybe<Scalars['String']['output']>;
  /** The provisioning request in flight or failed; null when there is none (nothing requested, or it succeeded). */
  scheduledProvisioning?: Maybe<ProvisioningStatus>;
  /** The SMS service plan the number is linked to; null when none. */
  servicePlanId?: Maybe<Scalars['String']['output']>;
};

/** The SMS service plan and 10DLC campaign to link a number to. */
export type SmsConfigurationInput = {
  /** The 10DLC campaign ID (US numbers); an empty string unlinks the campaign. Omitted: no campaign. */
  campaignId?: InputMaybe<Scalars['String']['input']>;
  /** The SMS service plan ID; an empty string unlinks the number from its service plan. */
  servicePlanId: Scalars['String']['input'];
};

/** SMS_PROVISIONING_FAILED (Sinch's 10DLC Error Handling page): the number could not be added to the SMS service plan. */
export type SmsProvisioningFailedError = ProvisioningErrorDetails & {
  __typename?: 'SmsProvisioningFailedError';
  /** Always `SMS_PROVISIONING_FAILED`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** True: resubmit with a different `servicePlanId`. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** Options of an SMS verification. */
export type SmsVerificationOptionsInput = {
  /** The alphabet of the code; Sinch defaults to NUMERIC. */
  codeType?: InputMaybe<VerificationCodeType>;
  /** How long the code stays valid, as `HH:MM:SS` (for example `00:10:00`). */
  expiry?: InputMaybe<Scalars['String']['input']>;
  /** The language of the SMS, as a language tag such as `sv-SE`; sent as the `Accept-Language` header. Sinch may override it for carrier compliance. */
  locale?: InputMaybe<Scalars['String']['input']>;
};

/** A started SMS verification. */
export type SmsVerificationStart = VerificationStart & {
  __typename?: 'SmsVerificationStart';
  /** The alphabet of the code. */
  codeType?: Maybe<VerificationCodeType>;
  /** The language Sinch used for the SMS (its `Content-Language`), when it said. */
  contentLanguage?: Maybe<Scalars['String']['output']>;
  /** The verification id. */
  id: Scalars['ID']['output'];
  /** How long the app should wait for the SMS, in seconds. */
  interceptionTimeoutSeconds?: Maybe<Scalars['Int']['output']>;
  /** Links to the status and report endpoints. */
  links: Array<VerificationLink>;
  /** Always SMS. */
  method: VerificationMethod;
  /** The text of the SMS, with `{{CODE}}` where the code goes, for apps that intercept it. */
  template?: Maybe<Scalars['String']['output']>;
};

/**
 * What to verify and how. Give the options object of the chosen method only (for example
 * `sms` with `method: SMS`); options of another method are rejected with `BAD_USER_INPUT`.
 */
export type StartVerificationInput = {
  /** Free text passed to the verification's events, up to 4096 characters. */
  custom?: InputMaybe<Scalars['String']['input']>;
  /** Options of a flash call verification. */
  flashCall?: InputMaybe<FlashCallVerificationOptionsInput>;
  /** The method; SMS, FLASH_CALL, PHONE_CALL, SEAMLESS or WHATSAPP (UNKNOWN is rejected). */
  method: VerificationMethod;
  /** Options of a phone call verification. */
  phoneCall?: InputMaybe<PhoneCallVerificationOptionsInput>;
  /** The phone number to verify, in E.164. */
  phoneNumber: Scalars['PhoneNumber']['input'];
  /** Your own id for this verification, unique across verifications (Sinch answers CONFLICT otherwise): letters, digits and `. _ ~ -`, up to 128 characters. Look it up with `verificationByReference`. */
  reference?: InputMaybe<Scalars['String']['input']>;
  /** Options of an SMS verification. */
  sms?: InputMaybe<SmsVerificationOptionsInput>;
  /** Options of a WhatsApp verification. */
  whatsApp?: InputMaybe<WhatsAppVerificationOptionsInput>;
};

/** An endpoint at a fixed IP address or domain; Sinch accepts calls only from that address. */
export type StaticSipEndpoint = SipEndpoint & {
  __typename?: 'StaticSipEndpoint';
  /** The IP address or domain name of the endpoint. */
  address: Scalars['String']['output'];
  /** When the endpoint was created. */
  createTime?: Maybe<Scalars['DateTime']['output']>;
  /** Whether the endpoint receives calls. */
  enabled: Scalars['Boolean']['output'];
  /** The endpoint's ID. */
  id: Scalars['ID']['output'];
  /** The endpoint's friendly name. */
  name: Scalars['String']['output'];
  /** The SIP port (1 to 65535). */
  port: Scalars['Int']['output'];
  /** Routing priority: lower is tried first; equal priorities share calls round-robin. */
  priority: Scalars['Int']['output'];
  /** The transport protocol. */
  transport: SipTransport;
  /** The trunk the endpoint belongs to. */
  trunk?: Maybe<SipTrunk>;
  /** When the endpoint was last changed; null if never. */
  updateTime?: Maybe<Scalars['DateTime']['output']>;
};

/** A static SIP endpoint, for a create or a whole replacement. Fields left out take the defaults shown. */
export type StaticSipEndpointInput = {
  /** The IP address or domain name of the endpoint. */
  address: Scalars['String']['input'];
  /** Whether the endpoint receives calls. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The endpoint's friendly name. */
  name: Scalars['String']['input'];
  /** The SIP port. */
  port?: InputMaybe<Scalars['Int']['input']>;
  /** Routing priority, at least 1: lower is tried first. */
  priority: Scalars['Int']['input'];
  /** The transport protocol. */
  transport?: InputMaybe<SipTransport>;
};

/**
 * The root of every live operation. Subscriptions run over the graphql-ws protocol on `/graphql`
 * (the same path as queries and mutations), authenticated by the `connectionParams` of the
 * connection (`Authorization` or `x-api-key`, as HTTP headers would be).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change of one number order. The first event is the order's current state
   * (`source: CURRENT_STATE`); then one event per NUMBER_ORDER callback, each with the order
   * re-read from Sinch.
   */
  numberOrderChanged: ProvisioningEvent;
  /**
   * Every change of one number's provisioning. The first event is the number's current state
   * (`source: CURRENT_STATE`); then come Sinch callbacks, the gateway's own mutations and, where
   * callbacks do not arrive, polling. Every event carries the number re-read from Sinch after the
   * event, so the last event always shows the true state even when callbacks arrive out of order.
   */
  numberProvisioningChanged: ProvisioningEvent;
  /**
   * Every provisioning event of the project that this gateway replica sees: callbacks Sinch sends
   * to it, the changes made through it, and the results of its polling. No current-state event and
   * no polling of its own: it observes, it does not watch numbers.
   */
  provisioningEvents: ProvisioningEvent;
};


/**
 * The root of every live operation. Subscriptions run over the graphql-ws protocol on `/graphql`
 * (the same path as queries and mutations), authenticated by the `connectionParams` of the
 * connection (`Authorization` or `x-api-key`, as HTTP headers would be).
 */
export type SubscriptionNumberOrderChangedArgs = {
  id: Scalars['ID']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every live operation. Subscriptions run over the graphql-ws protocol on `/graphql`
 * (the same path as queries and mutations), authenticated by the `connectionParams` of the
 * connection (`Authorization` or `x-api-key`, as HTTP headers would be).
 */
export type SubscriptionNumberProvisioningChangedArgs = {
  phoneNumber: Scalars['PhoneNumber']['input'];
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * The root of every live operation. Subscriptions run over the graphql-ws protocol on `/graphql`
 * (the same path as queries and mutations), authenticated by the `connectionParams` of the
 * connection (`Authorization` or `x-api-key`, as HTTP headers would be).
 */
export type SubscriptionProvisioningEventsArgs = {
  filter?: InputMaybe<ProvisioningEventFilter>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/** 10DLC_LIMIT_EXCEEDED (Sinch's 10DLC Error Handling page; the API sends EXCEEDED_10DLC_LIMIT): too many numbers on the campaign. */
export type TenDlcLimitExceededError = ProvisioningErrorDetails & {
  __typename?: 'TenDlcLimitExceededError';
  /** Always `10DLC_LIMIT_EXCEEDED`. */
  code: Scalars['String']['output'];
  /** What went wrong (Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: raising the limit needs Sinch. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it: `EXCEEDED_10DLC_LIMIT` or `10DLC_LIMIT_EXCEEDED`. */
  upstreamCode: Scalars['String']['output'];
};

/** TFN_NOT_ALLOWED (API enum, not in Sinch's 10DLC Error Handling page; texts written for this gateway): a toll-free number cannot be linked to a 10DLC campaign. */
export type TollFreeNumberNotAllowedError = ProvisioningErrorDetails & {
  __typename?: 'TollFreeNumberNotAllowedError';
  /** Always `TFN_NOT_ALLOWED`. */
  code: Scalars['String']['output'];
  /** What went wrong (not from Sinch's 10DLC Error Handling page). */
  description: Scalars['String']['output'];
  /** False: this number can never join a 10DLC campaign. */
  resubmittable: Scalars['Boolean']['output'];
  /** What to do about it (not from Sinch's 10DLC Error Handling page). */
  suggestedAction: Scalars['String']['output'];
  /** The code as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** An error code this gateway does not know (ERROR_CODE_UNSPECIFIED, or a code newer than the gateway). Kept so nothing is lost. */
export type UnknownProvisioningError = ProvisioningErrorDetails & {
  __typename?: 'UnknownProvisioningError';
  /** The code exactly as Sinch sent it. */
  code: Scalars['String']['output'];
  /** A generic description naming the code. */
  description: Scalars['String']['output'];
  /** False: nothing says resubmitting helps. */
  resubmittable: Scalars['Boolean']['output'];
  /** A generic suggested action. */
  suggestedAction: Scalars['String']['output'];
  /** The code exactly as Sinch sent it. */
  upstreamCode: Scalars['String']['output'];
};

/** The changes to make to an active number. Omitted or null fields stay as they are. */
export type UpdateNumberInput = {
  /** The new callback URL; an empty string clears it. */
  callbackUrl?: InputMaybe<Scalars['String']['input']>;
  /** The new display name; an empty string clears it. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** The active number to change. */
  phoneNumber: Scalars['PhoneNumber']['input'];
  /** The SMS service plan and campaign to provision. */
  sms?: InputMaybe<SmsConfigurationInput>;
  /** The voice destination to provision. */
  voice?: InputMaybe<VoiceConfigurationInput>;
};

/** The Sinch service an upstream error came from. */
export type UpstreamService =
  /** The OAuth2 token endpoint. */
  | 'AUTH'
  /** The Numbers API. */
  | 'NUMBERS'
  /** The Elastic SIP Trunking API. */
  | 'SIP_TRUNKING'
  /** The Verification API. */
  | 'VERIFICATION';

/** A verification and its outcome, as Sinch reports it. */
export type Verification = {
  __typename?: 'Verification';
  /** Flash call and phone call: whether the call completed. */
  callComplete?: Maybe<Scalars['Boolean']['output']>;
  /** Flash call and phone call: the outcome of the call. */
  callResult?: Maybe<VerificationCallResult>;
  /** The call result exactly as Sinch sent it. */
  callResultRaw?: Maybe<Scalars['String']['output']>;
  /** The ISO 3166-1 alpha-2 country of the number, such as `SE`. */
  countryId?: Maybe<Scalars['String']['output']>;
  /** The verification id (Sinch always sends it in practice; its specification makes it optional). */
  id?: Maybe<Scalars['ID']['output']>;
  /** The verified identity (the phone number). */
  identity?: Maybe<VerificationIdentity>;
  /** The method. */
  method: VerificationMethod;
  /** The method exactly as Sinch sent it. */
  methodRaw?: Maybe<Scalars['String']['output']>;
  /** What the verification cost; null while pending. */
  price?: Maybe<VerificationPrice>;
  /** Why it failed, was denied or aborted. */
  reason?: Maybe<VerificationStatusReason>;
  /** The reason exactly as Sinch sent it. */
  reasonRaw?: Maybe<Scalars['String']['output']>;
  /** The reference it was started with. */
  reference?: Maybe<Scalars['String']['output']>;
  /** How the code reached Sinch (SMS, flash call, WhatsApp). */
  source?: Maybe<VerificationSource>;
  /** Where the verification stands. */
  status: VerificationStatus;
  /** The status exactly as Sinch sent it. */
  statusRaw?: Maybe<Scalars['String']['output']>;
  /** When Sinch recorded the verification, in UTC (Sinch sends no zone; the gateway adds `Z`). */
  timestamp?: Maybe<Scalars['DateTime']['output']>;
};

/** The outcome of the call of a flash call or phone call verification. */
export type VerificationCallResult =
  /** The call was answered. */
  | 'ANSWERED'
  /** The line was busy. */
  | 'BUSY'
  /** The call was cancelled. */
  | 'CANCEL'
  /** The call completed. */
  | 'COMPLETED'
  /** The call failed. */
  | 'FAILED'
  /** Nobody answered. */
  | 'NO_ANSWER'
  /** A result this version of the gateway does not know; the upstream value is in `callResultRaw`. */
  | 'UNKNOWN';

/** The alphabet of a generated SMS or WhatsApp code. */
export type VerificationCodeType =
  /** Letters only. */
  | 'ALPHA'
  /** Letters and digits. */
  | 'ALPHANUMERIC'
  /** Digits only (the Sinch default). */
  | 'NUMERIC'
  /** A code type this version of the gateway does not know. */
  | 'UNKNOWN';

/** What is being verified. */
export type VerificationIdentity = {
  __typename?: 'VerificationIdentity';
  /** The phone number. */
  endpoint: Scalars['String']['output'];
  /** The identity type; `number` is the only one Sinch supports. */
  type: Scalars['String']['output'];
};

/** A link Sinch returns with a started verification. */
export type VerificationLink = {
  __typename?: 'VerificationLink';
  /** The full URL, localized to the Sinch data center that handled the start. */
  href: Scalars['String']['output'];
  /** The HTTP method to use on `href` (`GET`, `PUT`). */
  method: Scalars['String']['output'];
  /** What the link is for: `status` or `report`. */
  rel: Scalars['String']['output'];
};

/** How a phone number is verified. */
export type VerificationMethod =
  /** A missed call whose caller id (CLI) is the code, intercepted by the app. Sinch calls it `flashcall`. */
  | 'FLASH_CALL'
  /** A phone call that reads out a code. Sinch calls it `callout`. */
  | 'PHONE_CALL'
  /** A check over the mobile data connection of the device, without user input. Sinch calls it `seamless` ("data"). */
  | 'SEAMLESS'
  /** A one-time code sent by SMS, reported back by the user or intercepted by the app. */
  | 'SMS'
  /** A method this version of the gateway does not know; the upstream value is in `methodRaw`. */
  | 'UNKNOWN'
  /** A one-time code sent by WhatsApp. */
  | 'WHATSAPP';

/** The verification price parts Sinch reports once a verification is no longer pending. */
export type VerificationPrice = {
  __typename?: 'VerificationPrice';
  /** The charged duration of the call, in seconds; only with termination debiting enabled. */
  billableDurationSeconds?: Maybe<Scalars['Int']['output']>;
  /** The maximum cost of the call; only with termination debiting enabled. */
  terminationPrice?: Maybe<Money>;
  /** The maximum price charged for the verification. */
  verificationPrice?: Maybe<Money>;
};

/** What Sinch answered to a report. */
export type VerificationReport = {
  __typename?: 'VerificationReport';
  /** Flash call and phone call: whether the call completed. */
  callComplete?: Maybe<Scalars['Boolean']['output']>;
  /** The verification id. */
  id?: Maybe<Scalars['ID']['output']>;
  /** The method. */
  method: VerificationMethod;
  /** The method exactly as Sinch sent it. */
  methodRaw: Scalars['String']['output'];
  /** Why the verification failed, when it did. */
  reason?: Maybe<VerificationStatusReason>;
  /** The reason exactly as Sinch sent it. */
  reasonRaw?: Maybe<Scalars['String']['output']>;
  /** SUCCESSFUL when the code was right; FAIL with a reason otherwise. */
  status: VerificationStatus;
  /** The status exactly as Sinch sent it; null when it sent none. */
  statusRaw?: Maybe<Scalars['String']['output']>;
};

/** How the code reached Sinch. */
export type VerificationSource =
  /** The app intercepted the SMS or call by itself. */
  | 'INTERCEPTED'
  /** The user typed the code. */
  | 'MANUAL'
  /** A source this version of the gateway does not know. */
  | 'UNKNOWN';

/**
 * A started verification. The concrete type depends on the method and carries that method's
 * details.
 */
export type VerificationStart = {
  /** The verification id: report and look it up with it. */
  id: Scalars['ID']['output'];
  /** Links to the status and report endpoints of the verification at Sinch. */
  links: Array<VerificationLink>;
  /** The method. */
  method: VerificationMethod;
};

/** Where a verification stands. */
export type VerificationStatus =
  /** The verification was aborted. */
  | 'ABORTED'
  /** Sinch or the application's callback denied the verification. */
  | 'DENIED'
  /** Sinch could not process the verification. */
  | 'ERROR'
  /** The verification failed; `reason` says why (a wrong code, expiry, ...). */
  | 'FAIL'
  /** Started, waiting for a report. */
  | 'PENDING'
  /** The reported code was correct. */
  | 'SUCCESSFUL'
  /** A status this version of the gateway does not know; the upstream value is in `statusRaw`. */
  | 'UNKNOWN';

/** Why a verification failed, was denied or aborted. */
export type VerificationStatusReason =
  /** The number is blocked. */
  | 'BLOCKED'
  /** The application's callback denied the verification. */
  | 'DENIED_BY_CALLBACK'
  /** The destination is not allowed. */
  | 'DESTINATION_DENIED'
  /** The verification expired before a correct report. */
  | 'EXPIRED'
  /** The verification failed while pending. */
  | 'FAILED_PENDING'
  /** Suspected fraud. */
  | 'FRAUD'
  /** The callee hung up without entering a valid code. */
  | 'HUNG_UP_WITHOUT_ENTERING_VALID_CODE'
  /** An error inside Sinch. */
  | 'INTERNAL_ERROR'
  /** The application's callback answered something invalid. */
  | 'INVALID_CALLBACK'
  /** The reported flash call CLI is wrong. */
  | 'INVALID_CLI'
  /** The reported code is wrong. */
  | 'INVALID_CODE'
  /** The network failed or the number is unreachable. */
  | 'NETWORK_ERROR_OR_NUMBER_UNREACHABLE'
  /** The account has not enough credit. */
  | 'NOT_ENOUGH_CREDIT'
  /** The SMS could not be delivered. */
  | 'SMS_DELIVERY_FAILURE'
  /** A reason this version of the gateway does not know; the upstream value is in `reasonRaw`. */
  | 'UNKNOWN';

/** The kind of destination voice calls to a number go to. */
export type VoiceApplicationType =
  /** An Elastic SIP Trunking trunk (`trunkId`). */
  | 'EST'
  /** A Sinch fax service (`serviceId`). */
  | 'FAX'
  /** A Sinch Voice API application (`appId`). */
  | 'RTC';

/**
 * The voice side of an active number: which application, SIP trunk or fax service calls go to.
 * Only the identifier that matches `type` is set; the others are null.
 */
export type VoiceConfiguration = {
  __typename?: 'VoiceConfiguration';
  /** The Voice API application ID, when `type` is RTC. */
  appId?: Maybe<Scalars['String']['output']>;
  /** When the voice configuration last changed. */
  lastUpdatedTime?: Maybe<Scalars['DateTime']['output']>;
  /** The voice change in flight; null when there is none. */
  scheduledProvisioning?: Maybe<VoiceProvisioningStatus>;
  /** The fax service ID, when `type` is FAX. */
  serviceId?: Maybe<Scalars['String']['output']>;
  /**
   * The SIP trunk calls are routed to now: set when `type` is EST. A change in flight does not
   * count; see `scheduledProvisioning.trunk`. Null for RTC and FAX, and when the trunk no
   * longer exists.
   */
  trunk?: Maybe<SipTrunk>;
  /** The Elastic SIP Trunking trunk ID, when `type` is EST. */
  trunkId?: Maybe<Scalars['String']['output']>;
  /** Where calls go: a Voice API application (RTC), an Elastic SIP trunk (EST) or a fax service (FAX). */
  type: VoiceApplicationType;
};

/**
 * Where voice calls to a number go. Give exactly the identifier that matches `type`: `appId` for
 * RTC, `trunkId` for EST, `serviceId` for FAX.
 */
export type VoiceConfigurationInput = {
  /** The Voice API application ID (RTC only). */
  appId?: InputMaybe<Scalars['String']['input']>;
  /** The fax service ID (FAX only). */
  serviceId?: InputMaybe<Scalars['String']['input']>;
  /** The Elastic SIP Trunking trunk ID (EST only). */
  trunkId?: InputMaybe<Scalars['String']['input']>;
  /** The kind of destination. */
  type: VoiceApplicationType;
};

/** A voice configuration change that has been requested and is not finished yet. */
export type VoiceProvisioningStatus = {
  __typename?: 'VoiceProvisioningStatus';
  /** The Voice API application ID being set, when `type` is RTC. */
  appId?: Maybe<Scalars['String']['output']>;
  /** When the status last changed. */
  lastUpdatedTime?: Maybe<Scalars['DateTime']['output']>;
  /** The status exactly as Sinch reported it. */
  rawStatus: Scalars['String']['output'];
  /** The fax service ID being set, when `type` is FAX. */
  serviceId?: Maybe<Scalars['String']['output']>;
  /** Where the change is. UNSPECIFIED for a status this gateway does not know; see `rawStatus`. */
  status: ProvisioningState;
  /** The SIP trunk the pending change routes calls to: set when its `type` is EST. */
  trunk?: Maybe<SipTrunk>;
  /** The Elastic SIP Trunking trunk ID being set, when `type` is EST. */
  trunkId?: Maybe<Scalars['String']['output']>;
  /** The kind of destination the number is being moved to. */
  type: VoiceApplicationType;
};

/** Options of a WhatsApp verification. */
export type WhatsAppVerificationOptionsInput = {
  /** The alphabet of the code; Sinch defaults to NUMERIC. */
  codeType?: InputMaybe<VerificationCodeType>;
};

/** A started WhatsApp verification. */
export type WhatsAppVerificationStart = VerificationStart & {
  __typename?: 'WhatsAppVerificationStart';
  /** The alphabet of the code. */
  codeType?: Maybe<VerificationCodeType>;
  /** The verification id. */
  id: Scalars['ID']['output'];
  /** Links to the status and report endpoints. */
  links: Array<VerificationLink>;
  /** Always WHATSAPP. */
  method: VerificationMethod;
};

export type FailedProvisioningPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;


export type FailedProvisioningPageQuery = { __typename?: 'Query', numbers: { __typename?: 'NumberConnection', totalCount: number, nodes: Array<{ __typename?: 'Number', phoneNumber: string, sms?: { __typename?: 'SmsConfiguration', scheduledProvisioning?: { __typename?: 'ProvisioningStatus', status: ProvisioningState, errors: Array<
            | { __typename: 'CampaignExpiredError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignMnoRejectedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignMnoReviewError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignMnoSuspendedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignNotAvailableError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignPendingAcceptanceError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'CampaignProvisioningFailedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'InsufficientBalanceError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'InternalProvisioningError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'InvalidNnidError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'MnoSharingError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'MockCampaignNotAllowedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'NumberProvisioningFailedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'PartnerServiceUnavailableError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'SmsProvisioningFailedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'TenDlcLimitExceededError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'TollFreeNumberNotAllowedError', code: string, suggestedAction: string, resubmittable: boolean }
            | { __typename: 'UnknownProvisioningError', code: string, suggestedAction: string, resubmittable: boolean }
          > } | null } | null }> } };

export type NumberByPhoneQueryVariables = Exact<{
  phoneNumber: Scalars['PhoneNumber']['input'];
}>;


export type NumberByPhoneQuery = { __typename?: 'Query', number?: { __typename?: 'Number', phoneNumber: string, displayName?: string | null } | null };

export type RenameNumberMutationVariables = Exact<{
  phoneNumber: Scalars['PhoneNumber']['input'];
  displayName: Scalars['String']['input'];
}>;


export type RenameNumberMutation = { __typename?: 'Mutation', updateNumber: { __typename?: 'Number', phoneNumber: string, displayName?: string | null } };


export const FailedProvisioningPageDocument = {"__meta__":{"hash":"10a7ad38851887c9e384b16f88bcb18142920031a48025a415cd12b3b07bc018"}} as unknown as DocumentNode<FailedProvisioningPageQuery, FailedProvisioningPageQueryVariables>;
export const NumberByPhoneDocument = {"__meta__":{"hash":"1153cb29ebfcf0e7ea7a8ad94b7321d4765ed603d787f659f3f400ebf1122ff8"}} as unknown as DocumentNode<NumberByPhoneQuery, NumberByPhoneQueryVariables>;
export const RenameNumberDocument = {"__meta__":{"hash":"93a173b915210285f591141c37bdfeedf28d86f48a77a5446c5ce90722231899"}} as unknown as DocumentNode<RenameNumberMutation, RenameNumberMutationVariables>;