// A TCP relay to a SIP server whose connections can be cut, or refused for a while: one phone's network
// going away, not the server's. It notes when each connection was opened, so a test can see every
// connection attempt a phone makes and when.
import { createServer, Socket } from 'node:net';

export interface TcpRelay {
  /** `ws://127.0.0.1:<port>`: give this to the phone instead of the server's URL. */
  wsUrl: string;
  /** When each connection to the relay was opened (Date.now()), refused ones included. */
  attempts: number[];
  /** Drops every connection now; new ones are still relayed. */
  cut(): void;
  /** Drops every connection and refuses new ones (accepted, then closed at once) until up(). */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

/** Pipes two sockets into each other, kept in `open` while open; either side's end or error ends both. */
export function pipeBothWays(inbound: Socket, outbound: Socket, open: Set<Socket>): void {
  for (const [a, b] of [
    [inbound, outbound],
    [outbound, inbound],
  ] as const) {
    open.add(a);
    a.pipe(b);
    a.on('error', () => b.destroy());
    a.on('close', () => {
      open.delete(a);
      b.destroy();
    });
  }
}

export async function tcpRelay(target: string): Promise<TcpRelay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const attempts: number[] = [];
  let refusing = false;
  const listener = createServer((inbound) => {
    attempts.push(Date.now());
    if (refusing) return void inbound.destroy();
    const outbound = new Socket();
    outbound.connect(Number(port), hostname);
    pipeBothWays(inbound, outbound, sockets);
  });
  await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
  const address = listener.address() as { port: number };
  const cut = () => sockets.forEach((s) => s.destroy());
  return {
    wsUrl: `ws://127.0.0.1:${address.port}`,
    attempts,
    cut,
    down() {
      refusing = true;
      cut();
    },
    up() {
      refusing = false;
    },
    close: () => new Promise<void>((ok) => (cut(), listener.close(() => ok()))),
  };
}
