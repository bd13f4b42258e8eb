import type { Transport } from 'sip.js';
import { ServerList } from '../server-list';

function transport(server: string) {
  return { configuration: { server } } as unknown as Transport & { configuration: { server: string } };
}

describe('the SIP servers of a cluster', () => {
  test('a failed attempt moves the transport to the next server, and back to the first after the last', () => {
    const list = new ServerList('wss://a.example:8443', ['wss://b.example:8443', 'wss://c.example:8443']);
    const t = transport(list.current);
    list.advance(t);
    expect(t.configuration.server).toBe('wss://b.example:8443');
    list.advance(t);
    list.advance(t);
    expect(t.configuration.server).toBe('wss://a.example:8443');
    expect(list.size).toBe(3);
  });

  test('a single server stays where it is', () => {
    const list = new ServerList('wss://a.example:8443');
    const t = transport(list.current);
    list.advance(t);
    expect(t.configuration.server).toBe('wss://a.example:8443');
  });

  test('every server must be a WebSocket URL', () => {
    expect(() => new ServerList('wss://a.example', ['sip:b.example'])).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});
