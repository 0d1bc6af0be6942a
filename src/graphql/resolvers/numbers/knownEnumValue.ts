import type { NumberCapability, NumberType, VoiceApplicationType } from '../../../generated/graphql.js';

export const NUMBER_TYPES: readonly NumberType[] = ['MOBILE', 'LOCAL', 'TOLL_FREE'];
export const NUMBER_CAPABILITIES: readonly NumberCapability[] = ['SMS', 'VOICE'];
export const VOICE_APPLICATION_TYPES: readonly VoiceApplicationType[] = ['RTC', 'EST', 'FAX'];

/**
 * An upstream enum value the schema knows, or null. GraphQL refuses to serialise an enum value
 * it does not declare, so a value Sinch adds later would otherwise fail the whole field.
 */
export function knownEnumValue<T extends string>(known: readonly T[], value: string | null | undefined): T | null {
  return (known as readonly (string | null | undefined)[]).includes(value) ? (value as T) : null;
}

/** The upstream enum values the schema knows, in order; unknown ones are left out. */
export function knownEnumValues<T extends string>(known: readonly T[], values: readonly string[] | null | undefined): T[] {
  return (values ?? []).filter((value): value is T => (known as readonly string[]).includes(value));
}
