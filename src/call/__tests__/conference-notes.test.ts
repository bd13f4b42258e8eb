// Conference members' notes (OfficeConnect: "When another … user receives a request to join a conference,
// the called person is also able to use call notes"): the agent running a conference keeps writing notes
// against the customer's record, and every party dialled into it is told which customer it is about.
import type { AnyActorRef } from 'xstate';
import { softphoneView } from '../../view/softphone-view';
import { ann, dialOk, startPhone, T0, testCallSettings } from './support/harness';
import type { PhoneHarness } from './support/harness';

const ANN_CONTEXT = { number: '+442079460001', recordId: ann.id };

function hasTag(call: AnyActorRef, tag: string): boolean {
  return (call.getSnapshot() as { hasTag(t: string): boolean }).hasTag(tag);
}

/** The agent answered Ann (c1), whose record matched, and typed notes on her call. */
function talkingToAnn(settings: Parameters<typeof startPhone>[0] = {}): PhoneHarness {
  const h = startPhone({ maxLines: 4, ...settings });
  h.register();
  h.ring('c1');
  h.phone.send({ type: 'ui.answer', callId: 'c1' });
  h.call('c1').send({ type: 'sip.call.answered', at: T0 });
  h.effects.resolveSearch('c1', [ann]);
  h.phone.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Wants a refund' });
  return h;
}

/** Conference (or Add) → dial → the party answers → Merge, with every re-INVITE accepted. */
function addToConference(h: PhoneHarness, callId: string, e164: string): void {
  const anchor = h.phone.getSnapshot().context.conference[0] ?? 'c1';
  h.phone.send({ type: 'ui.conference.start', callId: anchor });
  if (h.phone.getSnapshot().value.consultation === 'holdingOriginal') {
    h.call(anchor).send({ type: 'sip.reinvite.succeeded' });
  }
  h.phone.send({ type: 'ui.dial', callId, number: e164, dial: dialOk(e164), at: T0 });
  h.call(callId).send({ type: 'sip.call.answered', at: T0 });
  h.phone.send({ type: 'ui.conference.merge' });
  for (const member of h.phone.getSnapshot().context.conference) {
    // Taking a held party off hold for the mix is a re-INVITE; its answer lets it join.
    if (h.effects.commandTypes(member).at(-1) === 'call.resume') {
      h.call(member).send({ type: 'sip.reinvite.succeeded' });
    }
  }
}

describe("conference members' notes", () => {
  it('a party added to a running conference is told which customer it is about, as the first one was', () => {
    const h = talkingToAnn();
    addToConference(h, 'k1', '+15550001111');
    addToConference(h, 'k2', '+15550002222');

    expect(h.phone.getSnapshot().context.conference).toEqual(['c1', 'k1', 'k2']);
    for (const id of ['k1', 'k2']) {
      expect(h.effects.commandsFor(id)[0]).toEqual({
        type: 'call.dial',
        target: expect.objectContaining({ kind: 'pstn' }),
        about: ANN_CONTEXT,
      });
    }
  });

  it('after the customer left, a party added later is still told about the customer (what the others were dialled about)', () => {
    const h = talkingToAnn();
    addToConference(h, 'k1', '+15550001111');
    addToConference(h, 'k2', '+15550002222');
    h.call('c1').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().context.conference).toEqual(['k1', 'k2']);

    addToConference(h, 'k3', '+15550003333');

    expect(h.effects.commandsFor('k3')[0]).toMatchObject({ type: 'call.dial', about: ANN_CONTEXT });
  });

  it("the conference shows the customer's notes: those typed before it, and what the agent types during it goes to the customer's call", () => {
    const h = talkingToAnn();
    addToConference(h, 'k1', '+15550001111');
    expect(hasTag(h.call('c1'), 'conference')).toBe(true);

    const view = softphoneView(h.phone.getSnapshot());
    expect(view.conferenceNotesCallId).toBe('c1');
    expect(view.calls.find((call) => call.callId === 'c1')?.notes).toBe('Wants a refund');

    h.phone.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Wants a refund. Carol agreed.' });
    const after = softphoneView(h.phone.getSnapshot()).calls;
    expect(after.map((call) => [call.callId, call.notes])).toEqual([
      ['c1', 'Wants a refund. Carol agreed.'],
      ['k1', ''],
    ]);
  });

  it('no notes field in the conference when the agent may not write notes on the customer’s call', () => {
    const h = talkingToAnn({ call: { ...testCallSettings, callNotes: false } });
    addToConference(h, 'k1', '+15550001111');

    expect(softphoneView(h.phone.getSnapshot()).conferenceNotesCallId).toBeNull();
  });

  it('no notes field without a conference', () => {
    const h = talkingToAnn();
    expect(softphoneView(h.phone.getSnapshot()).conferenceNotesCallId).toBeNull();
  });
});
