// Signing in, as the whole core does it (the phone machine's `phone.register` through the SIP actor), puts
// one REGISTER transaction on the wire: the registrar is asked once, not once per layer that wants to know.
// Getting a lost connection back likewise: the phone machine's backoff is the only one (issue 14 move 15).
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import { useKamailio } from '../support/kamailio-fixture';
import {
  createWireRecorder,
  crmOfNobody,
  nodeSoftphoneSip,
  viewWhere,
  type WireRecorder,
} from '../support/node-sip';
import { tcpRelay, type TcpRelay } from '../support/tcp-relay';

const server = useKamailio({ auth: { kind: 'digest', users: { agent: 'agent-pw' } } });

/** REGISTER transactions the registrar accepted (a digest challenge makes two requests of one). */
const accepted = (wire: WireRecorder) => wire.summary().filter((s) => s === 'received 200 REGISTER').length;

describe('signing in through Kamailio', () => {
  let softphone: Softphone | undefined;
  afterEach(async () => {
    await softphone?.stop();
    softphone = undefined;
  });

  test('one sign-in sends one REGISTER transaction, and nothing more follows it', async () => {
    const wire = createWireRecorder();
    softphone = createSoftphone({
      sip: nodeSoftphoneSip(server(), 'agent', 'agent-pw', wire.tap),
      crm: crmOfNobody,
    });
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
    // A second REGISTER of the same sign-in would follow within a round trip or two on loopback.
    await new Promise((r) => setTimeout(r, 1500));

    expect(accepted(wire)).toBe(1);
    expect(wire.summary().filter((s) => s === 'sent REGISTER')).toHaveLength(2); // unauthenticated + digest
  });

  test('after Kamailio restarts, the phone reconnects and registers again without a REGISTER per layer', async () => {
    const wire = createWireRecorder();
    softphone = createSoftphone({
      sip: nodeSoftphoneSip(server(), 'agent', 'agent-pw', wire.tap),
      crm: crmOfNobody,
    });
    softphone.start();
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
    await new Promise((r) => setTimeout(r, 500));
    const before = accepted(wire);

    await server().restart();
    await viewWhere(softphone, (v) => v.registration !== 'registered', 'the loss noticed');
    await viewWhere(softphone, (v) => v.registration === 'registered', 'registered again', 20_000);
    // The phone machine's own backoff (0.7–1.3 s) and anything it sends have had their time.
    await new Promise((r) => setTimeout(r, 2500));

    // One, from the chart's reconnect: SipPhone has no loop of its own that could send another.
    expect(accepted(wire) - before).toBe(1);
  });

  describe('with the network gone for a while', () => {
    let network: TcpRelay | undefined;
    afterEach(async () => {
      await network?.close();
      network = undefined;
    });

    test('the phone machine alone paces the retries: one connection attempt per step of its backoff, then one REGISTER', async () => {
      network = await tcpRelay(server().wsUrl);
      const wire = createWireRecorder();
      softphone = createSoftphone({
        sip: nodeSoftphoneSip({ ...server(), wsUrl: network.wsUrl }, 'agent', 'agent-pw', wire.tap),
        crm: crmOfNobody,
        // No jitter: the attempts fall exactly 400, 800, 1600 and 3200 ms apart.
        phone: { reconnect: { initialDelayMs: 400, maxDelayMs: 3_200, jitterRatio: 0, maxAttempts: 0 } },
      });
      softphone.start();
      await viewWhere(softphone, (v) => v.registration === 'registered', 'registered');
      const before = accepted(wire);
      const signIn = network.attempts.length;

      network.down();
      const lost = Date.now();
      await viewWhere(softphone, (v) => v.registration === 'reconnecting', 'reconnecting');
      for (const deadline = lost + 5_000; network.attempts.length < signIn + 3;) {
        if (Date.now() > deadline)
          throw new Error(`3 attempts expected, saw ${network.attempts.length - signIn}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      network.up();
      await viewWhere(softphone, (v) => v.registration === 'registered', 'registered again', 10_000);
      // Anything else the phone would send after registering again has had its time.
      await new Promise((r) => setTimeout(r, 1_500));

      const times = [lost, ...network.attempts.slice(signIn)];
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
      expect(gaps).toHaveLength(4);
      [400, 800, 1_600, 3_200].forEach((due, i) => {
        expect(gaps[i]).toBeGreaterThanOrEqual(due - 20);
        expect(gaps[i]).toBeLessThan(due + 300);
      });
      expect(accepted(wire) - before).toBe(1);
    }, 30_000);
  });
});
