import type { CountryPermissionRecord } from './SipTrunkingRecords.js';

/** [isoCode, name, continent, dialing codes]. US and CA are enabled by default, the rest not (§6.3). */
const COUNTRIES: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['US', 'United States', 'North America', ['+1']],
  ['CA', 'Canada', 'North America', ['+1']],
  ['MX', 'Mexico', 'North America', ['+52']],
  ['BR', 'Brazil', 'South America', ['+55']],
  ['AR', 'Argentina', 'South America', ['+54']],
  ['GB', 'United Kingdom', 'Europe', ['+44']],
  ['IE', 'Ireland', 'Europe', ['+353']],
  ['FR', 'France', 'Europe', ['+33']],
  ['DE', 'Germany', 'Europe', ['+49']],
  ['ES', 'Spain', 'Europe', ['+34']],
  ['IT', 'Italy', 'Europe', ['+39']],
  ['NL', 'Netherlands', 'Europe', ['+31']],
  ['SE', 'Sweden', 'Europe', ['+46']],
  ['NO', 'Norway', 'Europe', ['+47']],
  ['DK', 'Denmark', 'Europe', ['+45']],
  ['FI', 'Finland', 'Europe', ['+358']],
  ['PL', 'Poland', 'Europe', ['+48']],
  ['SM', 'San Marino', 'Europe', ['+378', '+39']],
  ['JP', 'Japan', 'Asia', ['+81']],
  ['IN', 'India', 'Asia', ['+91']],
  ['CN', 'China', 'Asia', ['+86']],
  ['AU', 'Australia', 'Oceania', ['+61']],
  ['ZA', 'South Africa', 'Africa', ['+27']],
  ['NG', 'Nigeria', 'Africa', ['+234']],
];

export function seedCountryPermissions(): Map<string, CountryPermissionRecord> {
  return new Map(
    COUNTRIES.map(([isoCode, name, continent, codes]) => [
      isoCode,
      { isoCode, name, continent, countryDialingCodes: [...codes], enabled: isoCode === 'US' || isoCode === 'CA' },
    ]),
  );
}

