// The end of a call the agent took on their own phone, followed where the SIP server offers the dialog
// event package (RFC 4235): Kamailio publishes every call's dialog state (dialog + pua_dialoginfo) and
// the panel, subscribed to its own AOR (Event: dialog), ends the notes-only call when that dialog
// terminates: talk time, wrap-up and Task without the agent's "Call ended".
import { jane, startDeskphoneAgent, type DeskphoneAgent } from '../support/deskphone-fixture';
import { AGENT_AND_CALLER_USERS, useAgentDeviceAndCaller } from '../support/deskphone-peers';
import { useKamailio } from '../support/kamailio-fixture';
import { callTraffic, dialogEventTraffic } from '../support/node-sip';

const server = useKamailio({ dialogEvents: true, auth: { kind: 'digest', users: AGENT_AND_CALLER_USERS } });
const peers = useAgentDeviceAndCaller(server);
const { device, caller } = peers;

let agent: DeskphoneAgent;

afterEach(async () => {
  await agent.stop();
  await peers.hangUpBoth();
});

/** Resolves once the panel's dialog subscription is active (its first NOTIFY arrived). */
async function subscribed(a: DeskphoneAgent): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (
    !a.wire.wire.some((m) => m.direction === 'received' && m.summary === 'NOTIFY' && dialogEventTraffic(m))
  ) {
    if (Date.now() > deadline) throw new Error(`no dialog NOTIFY; wire: ${a.wire.summary().join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(['deskphone', 'softphone'] as const)('%s mode, the server offers dialog events', (mode) => {
  beforeEach(async () => {
    agent = await startDeskphoneAgent(server(), { user: 'agent', password: 'agent-pw', mode });
    await subscribed(agent);
  });

  test('the panel subscribes to its own dialogs; the caller hanging up on the device ends the call in the panel by itself, with its talk time', async () => {
    const subscribe = agent.wire.find('sent SUBSCRIBE').at(-1)!;
    expect(subscribe).toMatch(/^SUBSCRIBE sip:agent@softphone\.test SIP\/2\.0/);
    expect(subscribe).toMatch(/^Event: dialog\s*$/m);

    await caller().dial(`sip:agent@${server().domain}`);
    const ringing = await agent.until((v) => v.calls[0]?.contact.state === 'one', 'ringing with the match');
    const callId = ringing.calls[0]!.callId;
    await device().waitFor('CALL_INCOMING', { match: (e) => e.id === callId });
    agent.softphone.send({ type: 'ui.notes.changed', callId, text: 'Wants a callback' });
    await device().accept();
    await agent.until((v) => v.calls[0]?.deviceStep === 'answeredOnDevice', 'answered on the device');
    await caller().waitFor('CALL_ESTABLISHED');
    await new Promise((r) => setTimeout(r, 1_200));

    await caller().hangup();
    const wrapUp = await agent.until((v) => v.calls[0]?.wrapUp.active === true, 'wrap-up by itself');
    expect(wrapUp.calls[0]!.notes).toBe('Wants a callback');
    // The server said so: a NOTIFY whose dialog-info has this call's dialog terminated.
    const terminated = agent.wire.wire.filter(
      (m) => m.direction === 'received' && dialogEventTraffic(m) && m.raw.includes(`call-id="${callId}"`),
    );
    expect(terminated.some((m) => /<state[^>]*>terminated<\/state>/.test(m.raw))).toBe(true);
    expect(terminated.at(-1)!.raw).toMatch(/^Content-Type: application\/dialog-info\+xml/m);
    // The panel's own call traffic is unchanged: it never answered.
    expect(agent.wire.summary(callTraffic)).not.toContain('sent 200 INVITE');

    agent.softphone.send({ type: 'ui.wrapUp.saveAndClose', callId });
    await agent.until((v) => v.calls.length === 0, 'finished');
    expect(agent.crm.logged.at(-1)).toMatchObject({ callId, whoId: jane.id, notes: 'Wants a callback' });
    const record = agent.recents.at(-1)!;
    expect(record.outcome).toBe(mode === 'softphone' ? 'answeredElsewhere' : 'completed');
    expect(record.durationSeconds).toBeGreaterThanOrEqual(1);
  });
});
