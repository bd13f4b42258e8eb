// The SIP servers a phone may connect to, in order of preference (a cluster of the SIP edge). SIP.js 0.21
// connects to one WebSocket URL only (its `wsServers` list is gone): each connection attempt (start or
// reconnect) tries every URL once, moving to the next on a failure; the phone machine paces the attempts.
import type { Transport } from 'sip.js';
import { InvalidArgumentError } from './errors';

const WS_URL = /^wss?:\/\/[^\s]+$/i;

export class ServerList {
  private readonly urls: string[];
  private index = 0;

  constructor(server: string, fallbacks: readonly string[] = []) {
    this.urls = [server, ...fallbacks];
    if (!this.urls.every((url) => WS_URL.test(url))) {
      throw new InvalidArgumentError(
        'The SIP server must be a WebSocket URL, like wss://pbx.example.com:8089/ws.',
      );
    }
  }

  get current(): string {
    return this.urls[this.index] ?? '';
  }

  get size(): number {
    return this.urls.length;
  }

  /** Points the transport at the next server (back to the first after the last). */
  advance(transport: Transport): void {
    if (this.urls.length < 2) return;
    this.index = (this.index + 1) % this.urls.length;
    // SIP.js's WebSocket transport reads its configured URL on every connect().
    (transport as unknown as { configuration: { server: string } }).configuration.server = this.current;
  }
}
