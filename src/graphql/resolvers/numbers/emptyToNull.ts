/**
 * The Numbers API answers proto3-style: an unset string is `""`, not absent. For fields where
 * empty means "unset" (a display name, a campaign, a timestamp), the schema says null.
 */
export function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}
