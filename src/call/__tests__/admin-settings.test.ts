// The admin's options the product documents name: "Click-to-dial … has to be specifically enabled by your
// Salesforce system administrator", a Work Timer "depending on … the properties of the caller", and call notes
// "if their Call Notes option is enabled".
import { softphoneView } from '../../view/softphone-view';
import { phoneErrorMessages } from '../phone-machine';
import type { CallInput } from '../call-context';
import type { ContactMatch } from '../customer';
import type { CallSettings } from '../phone-settings';
import { workTimerSeconds } from '../work-timer';
import {
  ann,
  bob,
  dialOk,
  incomingInput,
  outgoingInput,
  startCall,
  startPhone,
  T0,
  testCallSettings,
} from './support/harness';
import type { CallHarness } from './support/harness';

const acme: ContactMatch = { id: '001000000000003', name: 'Acme', objectType: 'Account', phone: '+1' };
const user: ContactMatch = { id: '005000000000004', name: 'Ben', objectType: 'User', phone: '1002' };

describe('click-to-dial is an admin switch', () => {
  it('switched off, a click dials nothing, and the agent is told why in words', () => {
    const h = startPhone({ clickToDial: false });
    h.register();
    h.phone.send({
      type: 'crm.clickToDial',
      callId: 'o1',
      number: '+15550001111',
      dial: dialOk('+15550001111'),
      at: T0,
    });
    expect(h.hasCall('o1')).toBe(false);
    expect(h.effects.commandTypes('o1')).toEqual([]);
    const view = softphoneView(h.phone.getSnapshot());
    expect(view.clickToDial).toBeNull();
    expect(view.error).toEqual({
      code: 'click-to-dial-off',
      message: phoneErrorMessages['click-to-dial-off'],
    });
    expect(phoneErrorMessages['click-to-dial-off']).toMatch(/turned off by your Salesforce administrator/);
  });

  it('switched on, the same click dials', () => {
    const h = startPhone({ clickToDial: true });
    h.register();
    h.phone.send({
      type: 'crm.clickToDial',
      callId: 'o1',
      number: '+15550001111',
      dial: dialOk('+15550001111'),
      at: T0,
    });
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
  });
});

describe('the work timer depends on the call: record type over direction over the default', () => {
  const rules: CallSettings = {
    ...testCallSettings,
    wrapUpSeconds: 60,
    wrapUpByDirection: { incoming: 45, outgoing: 20 },
    wrapUpByRecord: { lead: 90, unknown: 10 },
  };

  it.each([
    ['an outgoing call to a lead takes the lead time', 'outgoing', bob, 90],
    ['an incoming call from nobody known takes the unknown-caller time', 'incoming', null, 10],
    ['a user counts as an unknown caller', 'incoming', user, 10],
    ['an incoming call from a contact (no contact time) takes the incoming time', 'incoming', ann, 45],
    ['an outgoing call to an account (no account time) takes the outgoing time', 'outgoing', acme, 20],
  ] as const)('%s', (_, direction, chosen, seconds) => {
    expect(workTimerSeconds(rules, direction, chosen)).toBe(seconds);
  });

  it('with nothing set by direction or record, every call takes the default', () => {
    expect(workTimerSeconds({ ...testCallSettings, wrapUpSeconds: 60 }, 'outgoing', bob)).toBe(60);
  });

  it('0 set for a record type means no timer for it, even with a direction time', () => {
    const settings = { ...rules, wrapUpByRecord: { contact: 0 } };
    expect(workTimerSeconds(settings, 'incoming', ann)).toBe(0);
  });

  function endedCall(input: CallInput, matches: ContactMatch[]): CallHarness {
    const h = startCall(input, { matches });
    if (input.direction === 'incoming') h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 5_000 });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    return h;
  }

  it('wrap-up after an outgoing call to a lead runs the lead time', () => {
    const h = endedCall(outgoingInput('+15551230000', { settings: rules, record: bob }), []);
    expect(h.clock.pending().map((p) => p.due)).toEqual([90_000]);
    expect(h.actor.getSnapshot().context.workTimerSeconds).toBe(90);
  });

  it('wrap-up after an incoming call from an unknown caller runs the unknown-caller time', () => {
    const h = endedCall(incomingInput({ settings: rules }), []);
    expect(h.clock.pending().map((p) => p.due)).toEqual([10_000]);
  });

  it('a record type set to 0 gives an untimed wrap-up', () => {
    const h = endedCall(incomingInput({ settings: { ...rules, wrapUpByRecord: { contact: 0 } } }), [ann]);
    expect(h.actor.getSnapshot().value.progress).toEqual({ wrapUp: 'untimed' });
  });
});

describe('call notes are an admin option', () => {
  function connectedIncoming(settings: Partial<CallSettings>, overrides: Partial<CallInput> = {}) {
    const h = startCall(incomingInput({ settings: { ...testCallSettings, ...settings }, ...overrides }), {
      matches: [ann],
    });
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 5_000 });
    return h;
  }

  it('off: typed notes are not taken, and the logged call carries none', () => {
    const h = connectedIncoming({ callNotes: false });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Asked about pricing' });
    expect(h.actor.getSnapshot().context.notes).toBe('');
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    h.actor.send({ type: 'ui.disposition.changed', callId: 'c1', disposition: 'Interested' });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input).toMatchObject({ notes: '', disposition: 'Interested' });
  });

  it('off: a restored draft never reaches the log either', () => {
    const h = startCall(
      incomingInput({
        settings: { ...testCallSettings, callNotes: false },
        restored: {
          callId: 'c1',
          direction: 'incoming',
          remote: { number: '+442079460001' },
          startedAt: T0,
          answeredAt: T0 + 1,
          endedAt: T0 + 2,
          notes: 'typed before the admin turned notes off',
          disposition: null,
          matches: [ann],
          chosen: ann,
          phase: 'wrapUp',
        },
      }),
    );
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input.notes).toBe('');
  });

  it('on transfers off: a call that came with another agent’s customer takes no notes; the agent’s own calls do', () => {
    const about = { number: '+442079460001', recordId: ann.id };
    const transferred = connectedIncoming({ callNotesOnTransfers: false }, { about });
    transferred.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'x' });
    expect(transferred.actor.getSnapshot().context.notes).toBe('');
    const own = connectedIncoming({ callNotesOnTransfers: false });
    own.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'x' });
    expect(own.actor.getSnapshot().context.notes).toBe('x');
  });

  it('on (the default): a transferred agent writes notes against the customer’s record', () => {
    const about = { number: '+442079460001', recordId: ann.id };
    const h = connectedIncoming({}, { about });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Followed up' });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input).toMatchObject({ notes: 'Followed up', chosen: ann });
  });
});
