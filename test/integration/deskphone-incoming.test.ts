// Incoming calls when the agent's own device carries the audio: Kamailio forks the call to the panel
// and to the device (baresip registered for the same number). The panel never answers and plays
// nothing; it pops the caller's contact and takes notes. The device answering is "answered on your
// phone" (the CANCEL's Reason), the caller giving up is a missed call; in softphone mode too.
import { jane, startDeskphoneAgent, type DeskphoneAgent } from '../support/deskphone-fixture';
import { AGENT_AND_CALLER_USERS, useAgentDeviceAndCaller } from '../support/deskphone-peers';
import { useKamailio } from '../support/kamailio-fixture';
import { callTraffic, dialogEventTraffic } from '../support/node-sip';

const server = useKamailio({ auth: { kind: 'digest', users: AGENT_AND_CALLER_USERS } });
const peers = useAgentDeviceAndCaller(server);
const { device, caller } = peers;

let agent: DeskphoneAgent;

afterEach(async () => {
  await agent.stop();
  await peers.hangUpBoth();
});

const agentUri = () => `sip:agent@${server().domain}`;

describe.each(['deskphone', 'softphone'] as const)(
  '%s mode: a call forked to the panel and the agent’s device',
  (mode) => {
    beforeEach(async () => {
      agent = await startDeskphoneAgent(server(), { user: 'agent', password: 'agent-pw', mode });
    });

    test('the panel pops the caller and takes notes; the device answers and the panel shows "answered on your phone", then wrap-up and the Task', async () => {
      await caller().dial(agentUri());
      const ringing = await agent.until((v) => v.calls[0]?.contact.state === 'one', 'ringing with the match');
      const call = ringing.calls[0]!;
      expect(call).toMatchObject({ direction: 'incoming', status: 'ringing', title: jane.name });
      // Deskphone mode never offers to answer in the panel: the device takes the call.
      expect(call.actions.answer).toBe(mode === 'softphone');
      await device().waitFor('CALL_INCOMING', { match: (e) => e.id === call.callId });
      // Notes can be typed at once, while both still ring.
      agent.softphone.send({ type: 'ui.notes.changed', callId: call.callId, text: 'Asked about invoice 42' });

      await device().accept();
      const answered = await agent.until((v) => v.calls[0]?.deviceStep === 'answeredOnDevice', 'answered');
      expect(answered.calls[0]).toMatchObject({
        status: 'monitored',
        notes: 'Asked about invoice 42',
        answeredAt: expect.any(Number),
      });
      expect(answered.calls[0]!.actions).toMatchObject({
        mute: false,
        hold: false,
        keypad: false,
        dismiss: true,
      });
      // The panel never answered: Kamailio cancelled its branch because the device took the call.
      const wire = agent.wire.summary(callTraffic);
      expect(wire).toEqual(expect.arrayContaining(['received INVITE', 'received CANCEL']));
      expect(wire).not.toContain('sent 200 INVITE');
      const cancel = agent.wire.wire.find((m) => m.summary === 'CANCEL')!;
      expect(cancel.raw).toMatch(/^Reason: SIP;cause=200;text="Call completed elsewhere"/m);
      expect(agent.media.get(call.callId)?.packetsReceived ?? 0).toBe(0);

      // The device and the caller talk; the agent says the call ended, then wraps up.
      await caller().waitFor('CALL_ESTABLISHED');
      agent.softphone.send({ type: 'ui.dismiss', callId: call.callId });
      await agent.until((v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
      agent.softphone.send({ type: 'ui.wrapUp.saveAndClose', callId: call.callId });
      await agent.until((v) => v.calls.length === 0, 'finished');
      expect(agent.crm.logged.at(-1)).toMatchObject({
        callId: call.callId,
        callType: 'Inbound',
        whoId: jane.id,
        notes: 'Asked about invoice 42',
      });
      expect(device().events.map((e) => e.type)).not.toContain('CALL_CLOSED');
      // Taken on the agent's phone: never a missed call.
      expect(agent.recents.at(-1)?.outcome).toBe(mode === 'softphone' ? 'answeredElsewhere' : 'completed');
      expect(agent.recents.at(-1)?.missed).toBe(false);
      // "Call ended" dated the end: the talk time is known.
      expect(agent.recents.at(-1)?.durationSeconds).toEqual(expect.any(Number));
    });

    test('without the dialog event package the call ended on the device stays open in the panel until "Call ended"', async () => {
      await caller().dial(agentUri());
      const ringing = await agent.until((v) => v.calls[0]?.status === 'ringing', 'ringing');
      const callId = ringing.calls[0]!.callId;
      await device().waitFor('CALL_INCOMING', { match: (e) => e.id === callId });
      await device().accept();
      await agent.until((v) => v.calls[0]?.deviceStep === 'answeredOnDevice', 'answered');
      await caller().waitFor('CALL_ESTABLISHED');
      await caller().hangup();
      await device().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(agent.softphone.view().calls[0]).toMatchObject({ callId, status: 'monitored' });
      // The server did not offer the package: the panel's SUBSCRIBE was refused, no NOTIFY came.
      expect(agent.wire.summary(dialogEventTraffic)).not.toContain('received NOTIFY');
      expect(agent.wire.summary(dialogEventTraffic)).not.toContain('received 200 SUBSCRIBE');
      expect(agent.wire.summary(dialogEventTraffic)).toContain('received 489 SUBSCRIBE');
      agent.softphone.send({ type: 'ui.dismiss', callId });
      await agent.until((v) => v.calls[0]?.wrapUp.active === true, 'wrap-up');
    });

    test('the caller gives up before the device answers: a missed call', async () => {
      await caller().dial(agentUri());
      const ringing = await agent.until((v) => v.calls[0]?.status === 'ringing', 'ringing');
      const callId = ringing.calls[0]!.callId;
      await device().waitFor('CALL_INCOMING', { match: (e) => e.id === callId });
      await caller().hangup();
      await device().waitFor('CALL_CLOSED', { match: (e) => e.id === callId });
      await agent.until((v) => v.calls.length === 0, 'call over');
      expect(agent.recents.at(-1)).toMatchObject({
        callId,
        outcome: 'missed',
        answeredAt: null,
        missed: true,
      });
      const cancel = agent.wire.wire.find((m) => m.summary === 'CANCEL')!;
      expect(cancel.raw).not.toMatch(/^Reason: SIP;cause=200/m);
    });
  },
);
