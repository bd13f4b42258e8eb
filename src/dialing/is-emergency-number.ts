// Emergency numbers must always be dialable, without any prefix (US Kari's Law) and whatever the dial plan says.

/** 112 and 911 are routed to emergency services by most networks worldwide (GSM and NANP). */
const EVERYWHERE: readonly string[] = ['112', '911'];

/** Countries whose emergency numbers differ; short-number metadata is not in libphonenumber-js. */
const BY_COUNTRY: Readonly<Partial<Record<string, readonly string[]>>> = {
  AU: ['000'],
  BR: ['190', '192', '193'],
  CN: ['110', '119', '120'],
  GB: ['999'],
  HK: ['999'],
  IE: ['999'],
  IN: ['100', '101', '102', '108'],
  JP: ['110', '119'],
  MY: ['999'],
  NZ: ['111'],
  SG: ['995', '999'],
  ZA: ['10111', '10177'],
};

/** `digits` is the compact number (no separators); `country` an upper-case ISO 3166 code. */
export function isEmergencyNumber(digits: string, country: string): boolean {
  return EVERYWHERE.includes(digits) || (BY_COUNTRY[country]?.includes(digits) ?? false);
}
