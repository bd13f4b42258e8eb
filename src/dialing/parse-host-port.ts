// RFC 3261 hostport, read strictly: a host name, an IPv4 address or a bracketed IPv6 reference, and an optional port.

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
// RFC 3261 toplabel starts with a letter, which keeps "1.2.3.999" from passing as a host name.
const TOP_LABEL = '[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)*${TOP_LABEL}$`);
const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const PORT = /^[0-9]{1,5}$/;

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p) && Number(p) <= 255);
}

function isIPv6(text: string): boolean {
  if (text.length > 45 || !/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const last = groups[groups.length - 1];
  // An embedded IPv4 address (::ffff:192.0.2.1) counts as two groups.
  const embedsIPv4 = last !== undefined && last.includes('.');
  if (embedsIPv4 && !isIPv4(last)) return false;
  const hexGroups = embedsIPv4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => HEX_GROUP.test(g))) return false;
  const count = hexGroups.length + (embedsIPv4 ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isHost(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return isIPv6(host.slice(1, -1));
  return host.length <= 253 && (isIPv4(host) || HOSTNAME.test(host));
}

/** Returns `host[:port]` lower-cased, or undefined when anything but a plain host and port is present. */
export function parseHostPort(text: string): string | undefined {
  const bracketEnd = text.startsWith('[') ? text.indexOf(']') + 1 : 0;
  const colon = text.indexOf(':', bracketEnd);
  const host = colon === -1 ? text : text.slice(0, colon);
  const port = colon === -1 ? undefined : text.slice(colon + 1);
  if (!isHost(host)) return undefined;
  if (port !== undefined && (!PORT.test(port) || Number(port) < 1 || Number(port) > 65535)) return undefined;
  return (port === undefined ? host : `${host}:${Number(port)}`).toLowerCase();
}
