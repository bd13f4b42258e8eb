// Signing in, as the whole core does it (the phone machine's `phone.register` through the SIP actor), puts
// one REGISTER transaction on the wire: the registrar is asked once, not once per layer that wants to know.
import { createSoftphone, type Softphone } from '../../src/create-softphone';
import { useKamailio } from '../support/kamailio-fixture';
import {
  createWireRecorder,
  crmOfNobody,
  nodeSoftphoneSip,
  viewWhere,
  type WireRecorder,
} from '../support/node-sip';

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

    // One from the chart's reconnect, or one from SipPhone's own reconnect loop when that got there first;
    // when the server comes back after the loop's first attempt, both may send one (the loop goes with
    // issue 14 move 15). Five before: the chart's reconnect and register commands each started and then
    // registered again, on top of the loop's.
    expect(accepted(wire) - before).toBeGreaterThanOrEqual(1);
    expect(accepted(wire) - before).toBeLessThanOrEqual(2);
  });
});
