/** The status code of a `message/sipfrag` body (`SIP/2.0 200 OK`), or undefined if it is not one. */
export function sipfragStatus(body: string | undefined): number | undefined {
  const match = /^\s*SIP\/2\.0\s+([1-6]\d{2})\b/.exec(body ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}
