// A UDP relay that holds every datagram `delayMs` each way: a server on loopback made as far away as one on
// the internet (a TURN server 2 × delayMs round trip away). This kernel has no netem qdisc (`tc qdisc add
// dev lo root netem` answers "Specified qdisc kind is unknown"), so the delay is added here, in userspace,
// on the relay's own loopback sockets; no interface is touched. One upstream socket per client keeps each
// client's 5-tuple apart, as TURN needs (an allocation is per client address).
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export interface UdpDelay {
  /** The relay's port on 127.0.0.1: give it to the clients instead of the server's. */
  readonly port: number;
  readonly delayMs: number;
  close(): Promise<void>;
}

export async function udpDelay(target: { host: string; port: number }, delayMs: number): Promise<UdpDelay> {
  const front = createSocket('udp4');
  const upstreams = new Map<string, Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (send: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, delayMs);
    timers.add(timer);
  };
  const upstreamOf = (client: RemoteInfo): Socket => {
    const key = `${client.address}:${client.port}`;
    let upstream = upstreams.get(key);
    if (!upstream) {
      const socket = createSocket('udp4');
      socket.on('message', (reply) => later(() => front.send(reply, client.port, client.address)));
      socket.on('error', () => socket.close());
      socket.bind(0, '127.0.0.1');
      upstreams.set(key, socket);
      upstream = socket;
    }
    return upstream;
  };
  front.on('message', (message, client) => {
    const upstream = upstreamOf(client);
    later(() => upstream.send(message, target.port, target.host));
  });
  await new Promise<void>((ok) => front.bind(0, '127.0.0.1', ok));
  return {
    port: front.address().port,
    delayMs,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of upstreams.values()) socket.close();
      upstreams.clear();
      await new Promise<void>((ok) => front.close(() => ok()));
    },
  };
}
