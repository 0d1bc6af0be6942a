import { z } from 'zod';
import { isoDateTime } from '../../isoDateTime.js';

/**
 * The building blocks of the Numbers response schemas. Sinch adds fields and enum values over
 * time and answers proto3-style, so the reader is tolerant where that costs nothing: an
 * optional field of the wrong type is dropped (the resolver then says null), never the whole
 * resource. Only what a resolver cannot do without (an array where a list must be, the phone
 * number of a number) is required; its absence fails the call as `UPSTREAM_BAD_RESPONSE`.
 */

/** Any value that does not match is dropped, as if the API had left the field out. */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Like `optional`, but `null` is kept: the API's way of saying "unset" for timestamps and sub-objects. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullish().catch(undefined);
}

export const requiredString = z.string().min(1);
export const optionalString = optional(z.string());
export const optionalNumber = optional(z.number());
export const optionalBoolean = optional(z.boolean());

/**
 * A timestamp (`format: date-time`). Text that is not a real date-time is dropped like any
 * other wrong type: the DateTime scalar can not turn it into null, and must not invent a value.
 * `""` is kept: it is proto3's "unset", which the resolvers already read as null.
 */
const dateTime = z.string().refine((value) => value === '' || isoDateTime(value) !== null);
export const optionalTimestamp = optional(dateTime);
export const nullableTimestamp = nullable(dateTime);

/** Enum lists (`capability`, `types`, `errorCodes`): a non-list is dropped, and so is every item that is not a string. */
export const stringList = optional(z.array(z.unknown()).transform((items) => items.filter((item): item is string => typeof item === 'string')));

/** A free-form object (`requestDetails`, requirement `fields`): kept as sent when it is an object. */
export const freeFormObject = optional(z.record(z.string(), z.unknown()));

/**
 * An object whose dropped fields disappear instead of staying as `undefined` keys, so code that
 * looks at every value (an all-empty corrected address is "none") sees what the API sent.
 * Unknown keys are stripped: nothing the gateway does not read travels further.
 */
export function tolerantObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).transform(withoutUndefined);
}

/**
 * A list of resources the response is about (`activeNumbers`, `orderNumbers`): absent or null is
 * empty (proto3 leaves empty lists out), anything else must be a list of valid items.
 */
export function resourceList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? undefined);
}

/** A list of secondary details (attachments, logs, candidate addresses): a non-list is dropped, and so is every invalid item. */
export function detailList<T extends z.ZodType>(item: T) {
  return optional(
    z.array(z.unknown()).transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    ),
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
