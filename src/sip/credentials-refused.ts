/**
 * 401/407 (a challenge SIP.js already answered with the credentials it had) or 403: the server does not take
 * the phone's credentials (any more). Such a request is sent once more after the credentials are renewed.
 */
export function refusesCredentials(statusCode: number | undefined): boolean {
  return statusCode === 401 || statusCode === 403 || statusCode === 407;
}
