// Where a 3xx response sends an outgoing call: its SIP Contacts, highest q first, without URI headers
// (a Contact must not add headers to our INVITE).
import { NameAddrHeader, type Core, type URI } from 'sip.js';

export function redirectTargets(message: Core.IncomingResponseMessage): URI[] {
  const targets: { uri: URI; q: number }[] = [];
  const count = message.getHeaders('contact').length;
  for (let i = 0; i < count; i++) {
    const contact: unknown = message.parseHeader('contact', i);
    if (!(contact instanceof NameAddrHeader)) continue;
    if (contact.uri.scheme !== 'sip' && contact.uri.scheme !== 'sips') continue;
    const uri = contact.uri.clone();
    uri.clearHeaders();
    const q = Number(contact.getParam('q') ?? 1);
    targets.push({ uri, q: Number.isFinite(q) ? q : 0 });
  }
  return targets.sort((a, b) => b.q - a.q).map((t) => t.uri);
}

/** A target as the dial plan reads it: `sip:user@host[:port]`, parameters left out (they dial nothing). */
export function destinationOf(uri: URI): string {
  const port = uri.port ? `:${uri.port}` : '';
  return `${uri.scheme}:${uri.user ?? ''}@${uri.host}${port}`;
}
