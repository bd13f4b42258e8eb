// Softphone disabled, outgoing: the whole core rings the agent's own device (baresip) through the
// project's Kamailio, plays it the connect prompt, decodes the key it sends as in-band tones, and only
// then REFERs it to the customer (another baresip). No key, a voicemail greeting, a busy or unknown
// device: the customer is never called.
import { useBaresip, type Baresip } from '../support/baresip';
import { DeviceAudio, startDeskphoneAgent, type DeskphoneAgent } from '../support/deskphone-fixture';
import { useKamailio } from '../support/kamailio-fixture';
import { callTraffic, createNodeAgent, type NodeAgent } from '../support/node-sip';

const audio = new DeviceAudio();
afterAll(() => audio.remove());
/** The device plays nothing for 1.5 s after answering, then presses 5. */
const KEY_AFTER_SECONDS = 1.5;
const keyWav = audio.keyPress('5', KEY_AFTER_SECONDS);
const greetingWav = audio.voicemailGreeting();

const server = useKamailio({
  auth: {
    kind: 'digest',
    users: {
      agent: 'agent-pw',
      '1001': 'customer-pw',
      '2001': 'device-pw',
      '2002': 'device-pw',
      '2003': 'device-pw',
      '2004': 'device-pw',
      '2005': 'device-pw',
    },
  },
});
const customer = useBaresip(() => ({
  sip: server(),
  user: '1001',
  password: 'customer-pw',
  answerMode: 'manual',
}));
/** Answers and presses 5 (in-band) after 1.5 s. */
const keyDevice = useBaresip(() => ({
  sip: server(),
  user: '2001',
  password: 'device-pw',
  audio: { wav: keyWav },
}));
/** Answers and plays a plain 440 Hz tone: never a key. */
const silentDevice = useBaresip(() => ({ sip: server(), user: '2002', password: 'device-pw' }));
/** Its voicemail answers: a greeting and a beep, no key. */
const voicemailDevice = useBaresip(() => ({
  sip: server(),
  user: '2003',
  password: 'device-pw',
  audio: { wav: greetingWav },
}));
/** Rings; the test refuses the call on it (busy). */
const busyDevice = useBaresip(() => ({
  sip: server(),
  user: '2004',
  password: 'device-pw',
  answerMode: 'manual',
}));

let agent: DeskphoneAgent;
let deviceNumber = '2001';

beforeEach(async () => {
  agent = await startDeskphoneAgent(server(), {
    user: 'agent',
    password: 'agent-pw',
    deviceNumber: () => deviceNumber,
    keyTimeoutSeconds: 5,
  });
});
afterEach(async () => {
  await agent.stop();
  for (const peer of [customer(), keyDevice(), silentDevice(), voicemailDevice(), busyDevice()]) {
    await peer.hangup().catch(() => undefined);
    peer.clearEvents();
  }
});

const customerCalls = () => customer().events.filter((e) => e.type === 'CALL_INCOMING');

/**
 * The agent restarted with other waits (the key device at 2001, a 5 s key timeout), then a click-to-dial
 * until the device has pressed its key and the customer rings; resolves with the call's id.
 */
async function customerRingingWith(
  waits: Partial<Parameters<typeof startDeskphoneAgent>[1]>,
): Promise<string> {
  await agent.stop();
  agent = await startDeskphoneAgent(server(), {
    user: 'agent',
    password: 'agent-pw',
    deviceNumber: () => '2001',
    keyTimeoutSeconds: 5,
    ...waits,
  });
  const callId = agent.softphone.dial('1001', { source: 'crm' });
  await customer().waitFor('CALL_INCOMING', { timeoutMs: 10_000 });
  await agent.until((v) => v.calls[0]?.deviceStep === 'customerRinging', 'customer ringing');
  return callId;
}

/** Dials through the device at `number`, which answers; resolves once the panel gives the call up. */
async function failureAfterAnswerOf(device: () => Baresip, number: string) {
  deviceNumber = number;
  const callId = agent.softphone.dial('1001');
  await device().waitFor('CALL_ESTABLISHED', { match: (e) => e.id === callId });
  const failed = await agent.until((v) => !!v.calls[0]?.failure, 'failure', 10_000);
  return { callId, failure: failed.calls[0]!.failure! };
}

describe('deskphone mode: click-to-dial rings the agent’s device first', () => {
  test('the device is called first; the customer is called only after the key, from the device, and the panel follows ringing and answer', async () => {
    deviceNumber = '2001';
    const customerRungAt = new Promise<number>((ok) =>
      customer().onEvent((e) => e.type === 'CALL_INCOMING' && ok(Date.now())),
    );
    const callId = agent.softphone.dial('1001', { source: 'crm' });

    const calling = await agent.until(
      (v) => v.calls[0]?.deviceStep === 'callingDevice',
      'calling the device',
    );
    expect(calling.calls[0]).toMatchObject({ callId, direction: 'outgoing', status: 'dialing' });
    const deviceCall = await keyDevice().waitFor('CALL_ESTABLISHED', { match: (e) => e.id === callId });
    expect(deviceCall.peeruri).toBe(`sip:agent@${server().domain}`);

    await agent.until((v) => v.calls[0]?.deviceStep === 'awaitingKey', 'waiting for the key');
    // Waiting for the key: nobody has called the customer.
    expect(customerCalls()).toEqual([]);

    const incoming = await customer().waitFor('CALL_INCOMING', { timeoutMs: 8000 });
    // The customer is rung by the device itself (REFER), after the key was decoded from its audio.
    expect(incoming.peeruri).toBe(`sip:2001@${server().domain}`);
    expect(agent.keys.map((k) => k.key)).toEqual(['5']);
    expect(agent.keys[0]!.at).toBeLessThanOrEqual(await customerRungAt);
    // One dialog with the device: INVITE, then REFER once the key came, followed by its NOTIFYs.
    expect(agent.wire.summary(callTraffic)).toEqual(
      expect.arrayContaining([
        'sent INVITE',
        'received 200 INVITE',
        'sent REFER',
        'received 202 REFER',
        'received NOTIFY',
      ]),
    );
    // The panel only ever INVITEs the device (the second INVITE answers the digest challenge).
    const invites = agent.wire.wire.filter((m) => m.direction === 'sent' && m.summary === 'INVITE');
    expect(invites.map((m) => /^To: (.*)$/m.exec(m.raw)?.[1])).toEqual(
      invites.map(() => `<sip:2001@${server().domain}>`),
    );
    expect(agent.wire.wire.find((m) => m.summary === 'REFER')!.raw).toMatch(/^Refer-To: <?sip:1001@/m);
    await agent.until((v) => v.calls[0]?.deviceStep === 'customerRinging', 'customer ringing');

    await customer().accept();
    const answered = await agent.until((v) => v.calls[0]?.deviceStep === 'answeredOnDevice', 'answered');
    expect(answered.calls[0]).toMatchObject({ status: 'monitored', answeredAt: expect.any(Number) });
    // Mute, hold and keypad are on the device: the panel offers none of them; notes and "Call ended" stay.
    expect(answered.calls[0]!.actions).toMatchObject({
      mute: false,
      hold: false,
      keypad: false,
      dismiss: true,
    });
    // The device heard the connect prompt before it pressed the key.
    expect(agent.media.get(callId)?.packetsReceived).toBeGreaterThan(20);

    agent.softphone.send({ type: 'ui.notes.changed', callId, text: 'Confirmed the order' });
    agent.softphone.send({ type: 'ui.dismiss', callId });
    await agent.until((v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    agent.softphone.send({ type: 'ui.wrapUp.saveAndClose', callId });
    await agent.until((v) => v.calls.length === 0, 'call finished');
    expect(agent.crm.logged.at(-1)).toMatchObject({
      callId,
      callType: 'Outbound',
      notes: 'Confirmed the order',
    });

    // The device and the customer stay connected without the panel.
    expect(customer().events.map((e) => e.type)).not.toContain('CALL_CLOSED');
    // baresip reports its own side of the transfer on its control socket, which may arrive after the
    // panel learnt of the answer from the NOTIFY: wait for it rather than read it at one instant.
    await keyDevice().waitFor('CALL_ESTABLISHED', { match: (e) => e.id !== callId });
    expect(keyDevice().events.filter((e) => e.type === 'CALL_ESTABLISHED')).toHaveLength(2);
  });

  test('the customer answers long after an agent’s transfer would have given up: the panel still follows the answer', async () => {
    const callId = await customerRingingWith({ transferTimeoutMs: 1000 });

    // Three times the agent's transfer wait: still ringing, nothing reported as failed.
    await new Promise((r) => setTimeout(r, 3000));
    expect(agent.softphone.view().calls[0]).toMatchObject({ callId, deviceStep: 'customerRinging' });

    await customer().accept();
    await agent.until((v) => v.calls[0]?.deviceStep === 'answeredOnDevice', 'answered');
  });

  test('the customer never answers: after the wait the settings give, the panel hangs up on the device and says nobody answered', async () => {
    const callId = await customerRingingWith({ customerAnswerSeconds: 4 });

    const failed = await agent.until(
      (v) => v.calls[0]?.failure !== null && v.calls[0]?.failure !== undefined,
      'failure',
      10_000,
    );
    const failedAt = Date.now();
    expect(failed.calls[0]!.failure).toMatchObject({ reason: 'no-answer' });
    // The wait runs from the key, the customer's ringing included.
    expect(failedAt - agent.keys[0]!.at).toBeGreaterThanOrEqual(3_900);
    expect(failedAt - agent.keys[0]!.at).toBeLessThan(6_000);
    await keyDevice().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
    expect(agent.wire.summary(callTraffic)).toEqual(expect.arrayContaining(['sent REFER', 'sent BYE']));
  });

  test('no key within the timeout: the panel hangs up on the device and the customer is never called', async () => {
    const { callId, failure } = await failureAfterAnswerOf(silentDevice, '2002');
    expect(failure).toMatchObject({ reason: 'no-key-press' });
    expect(failure.message).toMatch(/customer was not called/);
    await silentDevice().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
    expect(agent.keys).toEqual([]);
    expect(customerCalls()).toEqual([]);
    // The device heard the prompt (RTP from the panel) while it was waited on.
    const heard = silentDevice().receivedAudio();
    expect(heard?.rms).toBeGreaterThan(300);
  });

  test('the device’s voicemail answers (a greeting and a beep, no key): the customer is never called', async () => {
    const { callId, failure } = await failureAfterAnswerOf(voicemailDevice, '2003');
    expect(failure).toMatchObject({ reason: 'no-key-press' });
    expect(agent.media.get(callId)!.packetsReceived).toBeGreaterThan(100);
    expect(agent.keys).toEqual([]);
    await voicemailDevice().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
    expect(customerCalls()).toEqual([]);
  });

  test('the device is busy: a clear error at once, and nothing else is dialled', async () => {
    deviceNumber = '2004';
    const callId = agent.softphone.dial('1001');
    await busyDevice().waitFor('CALL_INCOMING', { match: (e) => e.id === callId });
    await busyDevice().hangup();
    const failed = await agent.until((v) => !!v.calls[0]?.failure, 'failure');
    expect(failed.calls[0]!.failure).toEqual({
      reason: 'device-busy',
      message: 'Your phone is busy, so the customer was not called.',
    });
    expect(customerCalls()).toEqual([]);
  });

  test('a device number nobody registered is unreachable, and a missing one says to set it', async () => {
    deviceNumber = '2999';
    agent.softphone.dial('1001');
    const unreachable = await agent.until((v) => !!v.calls[0]?.failure, 'failure');
    expect(unreachable.calls[0]!.failure?.reason).toBe('device-unreachable');
    agent.softphone.send({ type: 'ui.dismiss', callId: unreachable.calls[0]!.callId });
    await agent.until((v) => v.calls.length === 0, 'dismissed');

    deviceNumber = '';
    agent.softphone.dial('1001');
    const notSet = await agent.until((v) => !!v.calls[0]?.failure, 'failure');
    expect(notSet.calls[0]!.failure?.reason).toBe('device-not-set');
    expect(customerCalls()).toEqual([]);
  });

  test('a device that sends its key as SIP INFO connects the customer too', async () => {
    const infoDevice: NodeAgent = createNodeAgent(server(), { user: '2005', password: 'device-pw' });
    infoDevice.ua.delegate = {
      onInvite: (invitation) => {
        void invitation.accept().then(() =>
          setTimeout(() => {
            void invitation.info({
              requestOptions: {
                body: {
                  contentDisposition: 'render',
                  contentType: 'application/dtmf-relay',
                  content: 'Signal=7\r\nDuration=160',
                },
              },
            });
          }, 300),
        );
      },
    };
    await infoDevice.register();
    try {
      deviceNumber = '2005';
      agent.softphone.dial('1001');
      await agent.until((v) => v.calls[0]?.deviceStep === 'customerRinging', 'customer ringing');
      expect(agent.keys).toEqual([]);
      expect(infoDevice.wireSummary()).toEqual(expect.arrayContaining(['sent INFO', 'received REFER']));
    } finally {
      await infoDevice.stop();
    }
  });
});
