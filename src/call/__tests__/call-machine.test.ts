// Behaviour of one call, as the MultiLine and OfficeConnect documents describe it.
import { createActor } from 'xstate';
import type { Snapshot } from 'xstate';
import { callFailureMessages } from '../call-failure';
import { callErrorMessages, toCallRecord } from '../call-context';
import {
  ann,
  bob,
  dialRefused,
  incomingInput,
  outgoingInput,
  startCall,
  T0,
  testCallSettings,
} from './support/harness';
import type { CallHarness } from './support/harness';

function progress(h: CallHarness): unknown {
  return h.actor.getSnapshot().value.progress;
}

function connect(h: CallHarness, at = T0 + 5_000): void {
  h.actor.send({ type: 'ui.answer', callId: 'c1' });
  h.actor.send({ type: 'sip.call.answered', at });
}

function holdAndConfirm(h: CallHarness): void {
  h.actor.send({ type: 'ui.hold', callId: 'c1' });
  h.actor.send({ type: 'sip.reinvite.succeeded' });
}

describe('incoming calls (softphone enabled)', () => {
  it('on an incoming call the calling interface opens and rings until the agent acts', () => {
    const h = startCall(incomingInput());
    expect(progress(h)).toEqual({ session: 'ringing' });
    expect(h.actor.getSnapshot().hasTag('alerting')).toBe(true);
    expect(h.effects.liveAlerts()).toEqual([{ callId: 'c1', tone: 'ring' }]);
    expect(h.effects.sessions.map((s) => s.input)).toEqual([
      { callId: 'c1', direction: 'incoming', mode: 'softphone' },
    ]);
  });

  it('click Answer to answer the call: it connects only when the SIP layer confirms', () => {
    const h = startCall(incomingInput());
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer']);
    expect(progress(h)).toEqual({ session: 'answering' });
    expect(h.effects.liveAlerts()).toEqual([]);
    h.actor.send({ type: 'sip.call.answered', at: T0 + 4_000 });
    expect(progress(h)).toEqual({
      session: { connected: { audio: 'active', mute: 'unmuted', keypad: 'hidden', controls: 'full' } },
    });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(true);
    expect(h.actor.getSnapshot().context.answeredAt).toBe(T0 + 4_000);
  });

  it('click Reject to reject the call: it is declined (603), gets no call log and is kept as a missed call', () => {
    const h = startCall(incomingInput(), { matches: [] });
    h.actor.send({ type: 'ui.reject', callId: 'c1' });
    expect(h.effects.commandsFor('c1')).toEqual([{ type: 'call.reject', statusCode: 603 }]);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 1_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context.outcome).toBe('rejected');
    expect(h.effects.saves).toEqual([]);
    expect(toCallRecord(h.actor.getSnapshot().context)).toMatchObject({ loggable: false, missed: true });
  });

  it('click the message icon to disconnect the call and respond with a message', () => {
    const h = startCall(incomingInput());
    h.actor.send({
      type: 'ui.rejectWithText',
      callId: 'c1',
      text: '  In a meeting, I will call you back.  ',
    });
    expect(h.effects.commandsFor('c1')).toEqual([
      { type: 'call.rejectWithMessage', text: 'In a meeting, I will call you back.' },
    ]);
    expect(progress(h)).toEqual({ session: 'rejecting' });
  });

  it('a text reply needs some text: an empty one rejects nothing', () => {
    const h = startCall(incomingInput());
    h.actor.send({ type: 'ui.rejectWithText', callId: 'c1', text: '   ' });
    expect(h.effects.commandsFor('c1')).toEqual([]);
    expect(progress(h)).toEqual({ session: 'ringing' });
  });

  it('the caller hanging up before anybody answers makes a missed call, with no wrap-up', () => {
    const h = startCall(incomingInput(), { matches: [] });
    h.actor.send({ type: 'sip.invite.canceled', at: T0 + 9_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context).toMatchObject({
      outcome: 'missed',
      endedAt: T0 + 9_000,
      answeredAt: null,
    });
    expect(h.effects.liveAlerts()).toEqual([]);
    expect(h.effects.sessions[0]?.stopped).toBe(true);
  });

  it('an incoming call nobody answers before the SIP no-answer timeout is missed', () => {
    const h = startCall(incomingInput(), { matches: [] });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context.outcome).toBe('missed');
  });

  it('an incoming call also rings on the MultiLine app: answered there it is "answered elsewhere", never missed', () => {
    const h = startCall(incomingInput(), { matches: [], saves: true });
    h.actor.send({ type: 'sip.invite.answeredElsewhere', at: T0 + 3_000 });
    expect(progress(h)).toEqual({ session: 'monitored' });
    expect(h.effects.liveAlerts()).toEqual([]);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 63_000 });
    expect(h.actor.getSnapshot().context.outcome).toBe('answeredElsewhere');
    expect(h.actor.getSnapshot().context.outcome).not.toBe('missed');
  });

  it('even when a call is answered on the MultiLine app the agent can add notes, which are logged', () => {
    const h = startCall(incomingInput(), { matches: [], saves: true });
    h.actor.send({ type: 'sip.invite.answeredElsewhere', at: T0 + 3_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Asked for a quote' });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 63_000 });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input).toMatchObject({
      notes: 'Asked for a quote',
      outcome: 'answeredElsewhere',
      durationSeconds: 60,
    });
    expect(progress(h)).toBe('finished');
  });

  it('an answer that fails in the SIP layer (no microphone) is a failed call the agent understands', () => {
    const h = startCall(incomingInput());
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.call.failed', reason: 'microphone-unavailable', statusCode: 480, at: T0 + 1 });
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure).toEqual({
      reason: 'microphone-unavailable',
      message: callFailureMessages['microphone-unavailable'],
    });
  });
});

describe('contact details of incoming calls', () => {
  it('incoming calls automatically display the Salesforce contact matching the number, and pop it', () => {
    const h = startCall(incomingInput());
    expect(h.effects.searches.map((s) => s.input)).toEqual([{ callId: 'c1', number: '+442079460001' }]);
    expect(h.actor.getSnapshot().value.contact).toBe('matching');
    h.effects.resolveSearch('c1', [ann]);
    expect(h.actor.getSnapshot().value.contact).toBe('chosen');
    expect(h.actor.getSnapshot().context.chosen).toEqual(ann);
    expect(h.effects.screenPops).toEqual([{ callId: 'c1', record: ann }]);
  });

  it('with several matches all are displayed, and after answering the agent selects the right one', () => {
    const h = startCall(incomingInput());
    h.effects.resolveSearch('c1', [ann, bob]);
    expect(h.actor.getSnapshot().value.contact).toBe('severalMatches');
    expect(h.actor.getSnapshot().context.matches).toEqual([ann, bob]);
    expect(h.effects.screenPops).toEqual([]);
    connect(h);
    h.actor.send({ type: 'ui.contact.pick', callId: 'c1', recordId: bob.id });
    expect(h.actor.getSnapshot().context.chosen).toEqual(bob);
    expect(h.effects.screenPops).toEqual([{ callId: 'c1', record: bob }]);
  });

  it('a record that is not one of the matches cannot be picked', () => {
    const h = startCall(incomingInput());
    h.effects.resolveSearch('c1', [ann, bob]);
    h.actor.send({ type: 'ui.contact.pick', callId: 'c1', recordId: '003999999999999' });
    expect(h.actor.getSnapshot().value.contact).toBe('severalMatches');
    expect(h.actor.getSnapshot().context.chosen).toBeNull();
  });

  it('with the UI set to pop a New Contact window for unknown callers, an unknown caller opens it', () => {
    const h = startCall(incomingInput({ settings: { ...testCallSettings, popNewContactForUnknown: true } }));
    h.effects.resolveSearch('c1', []);
    expect(h.actor.getSnapshot().value.contact).toBe('creatingContact');
    expect(h.effects.newContactForms).toEqual(['+442079460001']);
    h.actor.send({ type: 'crm.contact.created', callId: 'c1', record: ann });
    expect(h.actor.getSnapshot().context.chosen).toEqual(ann);
  });

  it('without that setting, the agent can still open a new-contact form for an unknown caller, or close it', () => {
    const h = startCall(incomingInput());
    h.effects.resolveSearch('c1', []);
    expect(h.actor.getSnapshot().value.contact).toBe('noMatch');
    expect(h.effects.newContactForms).toEqual([]);
    h.actor.send({ type: 'ui.contact.new', callId: 'c1' });
    expect(h.effects.newContactForms).toEqual(['+442079460001']);
    h.actor.send({ type: 'ui.contact.cancel', callId: 'c1' });
    expect(h.actor.getSnapshot().value.contact).toBe('noMatch');
  });

  it('a failed contact search is shown and can be retried', () => {
    const h = startCall(incomingInput());
    h.effects.failSearch('c1', 'Salesforce is unavailable');
    expect(h.actor.getSnapshot().value.contact).toBe('lookupFailed');
    expect(h.actor.getSnapshot().context.lookupError).toBe('Salesforce is unavailable');
    h.actor.send({ type: 'ui.contact.retry', callId: 'c1' });
    expect(h.effects.searches).toHaveLength(2);
    h.effects.resolveSearch('c1', [ann]);
    expect(h.actor.getSnapshot().context.chosen).toEqual(ann);
  });
});

describe('redirecting an incoming call', () => {
  it('redirect forwards the ringing call to another number; the caller keeps hearing ringing; it is not logged', () => {
    const h = startCall(incomingInput(), { matches: [ann] });
    const target = outgoingInput('+15557654321').dial;
    if (!target?.ok) throw new Error('fixture');
    h.actor.send({ type: 'ui.redirect', callId: 'c1', number: '+15557654321', dial: target });
    expect(h.effects.commandsFor('c1')).toEqual([{ type: 'call.redirect', target: target.target }]);
    expect(progress(h)).toEqual({ session: 'redirecting' });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 2_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context.outcome).toBe('redirected');
    expect(h.effects.saves).toEqual([]);
    expect(toCallRecord(h.actor.getSnapshot().context)).toMatchObject({ loggable: false, missed: false });
  });

  it('a redirect target the dialing rules refuse leaves the call ringing, with the reason', () => {
    const h = startCall(incomingInput());
    h.actor.send({ type: 'ui.redirect', callId: 'c1', number: '1-900', dial: dialRefused() });
    expect(progress(h)).toEqual({ session: 'ringing' });
    expect(h.actor.getSnapshot().context.error).toEqual({
      code: 'invalid-redirect',
      message: callErrorMessages['invalid-redirect'],
    });
    expect(h.effects.commandsFor('c1')).toEqual([]);
  });
});

describe('outgoing calls (softphone enabled)', () => {
  it('the agent makes calls from the softphone: calling, ringing with early media, then connected', () => {
    const h = startCall(outgoingInput('+15551230000'));
    expect(h.effects.commandsFor('c1')).toEqual([
      {
        type: 'call.dial',
        target: {
          kind: 'pstn',
          input: '+15551230000',
          e164: '+15551230000',
          dialString: '90015551230000',
          display: '+15551230000',
        },
      },
    ]);
    expect(progress(h)).toEqual({ session: 'calling' });
    h.actor.send({ type: 'sip.call.progress', earlyMedia: true });
    expect(progress(h)).toEqual({ session: 'ringback' });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(true);
    h.actor.send({ type: 'sip.call.answered', at: T0 + 7_000 });
    expect(h.actor.getSnapshot().matches({ progress: { session: 'connected' } })).toBe(true);
  });

  it('pre-defined dialing prefixes reach the wire: the dial string from the dialing rules is what is dialled', () => {
    const h = startCall(outgoingInput('+442079460001'));
    expect(h.effects.commandsFor('c1')[0]).toMatchObject({
      type: 'call.dial',
      target: { dialString: '900442079460001' },
    });
  });

  it("a number the dialing rules refuse is a failed call showing the rules' message, and never reaches SIP", () => {
    const h = startCall(
      outgoingInput('+1900', {
        dial: dialRefused('Premium-rate numbers are blocked.'),
        remote: { number: '1900' },
      }),
    );
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure).toEqual({
      reason: 'invalid-number',
      message: 'Premium-rate numbers are blocked.',
    });
    expect(h.effects.sessions).toEqual([]);
    h.actor.send({ type: 'ui.dismiss', callId: 'c1' });
    expect(progress(h)).toBe('finished');
  });

  it.each([
    ['busy', 486],
    ['no-answer', 480],
    ['not-found', 404],
    ['declined', 603],
    ['network', 503],
  ] as const)('a call that fails as %s shows a reason an agent understands', (reason, statusCode) => {
    const h = startCall(outgoingInput());
    h.actor.send({ type: 'sip.call.progress', earlyMedia: false });
    h.actor.send({ type: 'sip.call.failed', reason, statusCode, at: T0 + 3_000 });
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure).toEqual({ reason, message: callFailureMessages[reason] });
    expect(h.actor.getSnapshot().context.outcome).toBe('failed');
  });

  it('the agent can cancel while it rings: CANCEL is sent and the call ends as cancelled, without wrap-up', () => {
    const h = startCall(outgoingInput(), { matches: [] });
    h.actor.send({ type: 'sip.call.progress', earlyMedia: false });
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.dial', 'call.cancel']);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 2_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context.outcome).toBe('canceled');
  });

  it('an answer that crosses the cancel is hung up and wrapped up like any connected call', () => {
    const h = startCall(outgoingInput());
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 2_000 });
    expect(h.effects.commandTypes('c1')).toEqual(['call.dial', 'call.cancel', 'call.hangup']);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 2_100 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
  });

  it('a call placed from a record (click-to-dial) is logged against that record without a search', () => {
    const h = startCall(outgoingInput('+442079460001', { record: ann }));
    expect(h.effects.searches).toEqual([]);
    expect(h.actor.getSnapshot().context.chosen).toEqual(ann);
  });
});

describe('answered and ongoing calls', () => {
  it('click Mute to mute, and again to unmute', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'ui.mute', callId: 'c1' });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { mute: 'muted' } } } })).toBe(
      true,
    );
    h.actor.send({ type: 'ui.unmute', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.mute', 'call.unmute']);
  });

  it('press the Keypad icon to turn the dial pad on or off, and send tones to answer prompts', () => {
    const h = startCall(outgoingInput());
    h.actor.send({ type: 'sip.call.answered', at: T0 + 1 });
    h.actor.send({ type: 'ui.keypad.toggle', callId: 'c1' });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { keypad: 'shown' } } } })).toBe(
      true,
    );
    h.actor.send({ type: 'ui.dtmf', callId: 'c1', digits: '1234#' });
    h.actor.send({ type: 'ui.dtmf', callId: 'c1', digits: '12; DROP' });
    expect(h.effects.commandsFor('c1').slice(1)).toEqual([{ type: 'call.dtmf', digits: '1234#' }]);
    expect(h.actor.getSnapshot().context.error?.code).toBe('invalid-dtmf');
    h.actor.send({ type: 'ui.keypad.toggle', callId: 'c1' });
    expect(
      h.actor.getSnapshot().matches({ progress: { session: { connected: { keypad: 'hidden' } } } }),
    ).toBe(true);
  });

  it('enter notes and click Save to log them against the call while it is still going on', () => {
    const h = startCall(incomingInput(), { matches: [ann] });
    connect(h, T0 + 1_000);
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Wants a callback on Monday' });
    h.actor.send({ type: 'ui.notes.save', callId: 'c1' });
    expect(h.actor.getSnapshot().value.log).toBe('saving');
    expect(h.effects.saves[0]?.input).toMatchObject({
      callId: 'c1',
      notes: 'Wants a callback on Monday',
      chosen: ann,
      answeredAt: T0 + 1_000,
      endedAt: null,
      loggable: true,
    });
    h.effects.resolveSave('c1');
    expect(h.actor.getSnapshot().value.log).toBe('idle');
  });

  it('notes cannot be logged for a call that never connected', () => {
    const h = startCall(incomingInput());
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'x' });
    h.actor.send({ type: 'ui.notes.save', callId: 'c1' });
    expect(h.effects.saves).toEqual([]);
  });
});

describe('ending a call and wrap-up', () => {
  it('click Clear Call to hang up; the call ends when the SIP layer confirms, and wrap-up starts its work timer', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    expect(progress(h)).toEqual({ session: 'ending' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hangup']);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.effects.sessions[0]?.stopped).toBe(true);
    expect(h.clock.pending().map((p) => [p.due, p.scheduled?.event.type])).toEqual([
      [30_000, 'xstate.after.workTimer.call.progress.wrapUp.running'],
    ]);
  });

  it('the remote party hanging up ends the call the same way', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 65_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.actor.getSnapshot().context).toMatchObject({ outcome: 'completed', endedAt: T0 + 65_000 });
  });

  it('notes and a disposition can be edited in wrap-up, and clicking the red X clears the work timer', () => {
    const h = startCall(incomingInput(), { matches: [ann] });
    connect(h, T0);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 90_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Sent the brochure' });
    h.actor.send({ type: 'ui.disposition.changed', callId: 'c1', disposition: 'Interested' });
    h.actor.send({ type: 'ui.wrapUp.close', callId: 'c1' });
    expect(h.clock.pending()).toEqual([]);
    expect(h.effects.saves.at(-1)?.input).toMatchObject({
      notes: 'Sent the brochure',
      disposition: 'Interested',
      durationSeconds: 90,
      outcome: 'completed',
    });
    expect(progress(h)).toEqual({ wrapUp: { over: 'closed' } });
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('saving call notes with the wrap-up action cancels the work timer', () => {
    const h = startCall(incomingInput(), { matches: [] });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.clock.pending().filter((p) => p.scheduled?.event.type.includes('workTimer'))).toEqual([]);
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('saving notes without the wrap-up action keeps the work timer running', () => {
    const h = startCall(incomingInput(), { matches: [] });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.actor.send({ type: 'ui.wrapUp.save', callId: 'c1' });
    h.effects.resolveSave('c1');
    expect(progress(h)).toEqual({ wrapUp: 'running' });
  });

  it('when the work timer runs out the log is saved and the call is finished', () => {
    const h = startCall(incomingInput(), { matches: [] });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Left a voicemail' });
    expect(h.clock.fireNext()).toBe(true);
    expect(h.effects.saves.at(-1)?.input.notes).toBe('Left a voicemail');
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('a work timer of 0 seconds means no timer: wrap-up lasts until the agent closes it', () => {
    const h = startCall(incomingInput({ settings: { ...testCallSettings, wrapUpSeconds: 0 } }), {
      matches: [],
    });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    expect(progress(h)).toEqual({ wrapUp: 'untimed' });
    expect(h.clock.pending()).toEqual([]);
    h.actor.send({ type: 'ui.wrapUp.close', callId: 'c1' });
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('a failed save keeps the notes and retries until the log is written', () => {
    const h = startCall(incomingInput(), { matches: [] });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Important' });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    h.effects.failSave('c1', 'UNABLE_TO_LOCK_ROW');
    expect(h.actor.getSnapshot().value.log).toBe('retrying');
    expect(h.actor.getSnapshot().context).toMatchObject({
      notes: 'Important',
      saveError: 'UNABLE_TO_LOCK_ROW',
    });
    expect(progress(h)).toEqual({ wrapUp: { over: 'closed' } });
    expect(h.clock.fireNext()).toBe(true);
    expect(h.effects.saves).toHaveLength(2);
    expect(h.effects.saves[1]?.input.notes).toBe('Important');
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('notes typed while a save is in flight are saved again before wrap-up ends', () => {
    const h = startCall(incomingInput(), { matches: [] });
    connect(h);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_000 });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'one more thing' });
    h.effects.resolveSave('c1');
    expect(h.effects.saves).toHaveLength(2);
    expect(h.effects.saves[1]?.input.notes).toBe('one more thing');
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });
});

describe('holding a call', () => {
  it('click Hold to park the call; it is held once the re-INVITE succeeds; Retrieve resumes it', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(false);
    expect(
      h.actor.getSnapshot().matches({ progress: { session: { connected: { audio: 'holding' } } } }),
    ).toBe(true);
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { audio: 'held' } } } })).toBe(
      true,
    );
    h.actor.send({ type: 'ui.resume', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { audio: 'active' } } } })).toBe(
      true,
    );
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold', 'call.resume']);
  });

  it('hold and resume are serialised: Retrieve pressed during the hold is sent after the hold completes', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    h.actor.send({ type: 'ui.resume', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold', 'call.resume']);
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold', 'call.resume', 'call.hold']);
  });

  it('a hold that fails returns the call to connected with an error', () => {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.failed', statusCode: 488 });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { audio: 'active' } } } })).toBe(
      true,
    );
    expect(h.actor.getSnapshot().context.error).toEqual({
      code: 'hold-failed',
      message: callErrorMessages['hold-failed'],
    });
  });

  it('a call on hold longer than the maximum hold time rings back; clicking answer reconnects the caller', () => {
    const h = startCall(incomingInput());
    connect(h);
    holdAndConfirm(h);
    expect(h.clock.pending().map((p) => p.due)).toEqual([120_000]);
    h.clock.fireNext();
    expect(h.actor.getSnapshot().hasTag('alerting')).toBe(true);
    expect(h.effects.liveAlerts()).toEqual([{ callId: 'c1', tone: 'recall' }]);
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    expect(h.effects.liveAlerts()).toEqual([]);
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.resume');
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(true);
  });

  it('with no maximum hold time the call stays on hold without recall', () => {
    const h = startCall(incomingInput({ settings: { ...testCallSettings, maxHoldSeconds: 0 } }));
    connect(h);
    holdAndConfirm(h);
    expect(h.clock.pending()).toEqual([]);
  });
});

describe('a consult call whose held party hung up', () => {
  it('when a connected party hangs up while you are creating a consultation call, you are presented with a disconnect call option only after you connect to the third party', () => {
    const h = startCall(outgoingInput('+15550001111'));
    h.actor.send({ type: 'sip.call.answered', at: T0 + 1 });
    h.actor.send({ type: 'phone.consult.heldPartyGone' });
    const snapshot = h.actor.getSnapshot();
    expect(snapshot.hasTag('hangUpOnly')).toBe(true);
    for (const type of ['ui.hold', 'ui.mute', 'ui.keypad.toggle'] as const) {
      expect(snapshot.can({ type, callId: 'c1' })).toBe(false);
    }
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).not.toContain('call.hold');
    // Click the Clear (Hang-up) icon, and choose a Wrap Up option, to return your phone to the idle state.
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toContain('call.hangup');
    h.actor.send({ type: 'sip.call.ended', at: T0 + 9_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
  });

  it('an ordinary connected call keeps hold, mute and the dial pad', () => {
    const h = startCall(outgoingInput('+15550001111'));
    h.actor.send({ type: 'sip.call.answered', at: T0 + 1 });
    const snapshot = h.actor.getSnapshot();
    expect(snapshot.hasTag('hangUpOnly')).toBe(false);
    for (const type of ['ui.hold', 'ui.mute', 'ui.keypad.toggle'] as const) {
      expect(snapshot.can({ type, callId: 'c1' })).toBe(true);
    }
  });
});

describe('transfers (call level)', () => {
  function heldCall(): CallHarness {
    const h = startCall(incomingInput());
    connect(h);
    h.actor.send({ type: 'phone.hold' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    return h;
  }
  const target = (() => {
    const d = outgoingInput('+15550001111').dial;
    if (!d?.ok) throw new Error('fixture');
    return d.target;
  })();

  it('a transfer is not assumed to succeed when the REFER is accepted: only the final NOTIFY decides', () => {
    const h = heldCall();
    h.actor.send({ type: 'phone.transfer.blind', target });
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({ type: 'call.transfer.blind', target });
    h.actor.send({ type: 'sip.transfer.accepted' });
    expect(
      h.actor
        .getSnapshot()
        .matches({ progress: { session: { connected: { audio: { transferring: 'accepted' } } } } }),
    ).toBe(true);
    h.actor.send({ type: 'sip.transfer.succeeded', at: T0 + 30_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.actor.getSnapshot().context.outcome).toBe('transferred');
  });

  it('the agent cannot drop the call while the transfer awaits its outcome', () => {
    const h = heldCall();
    h.actor.send({ type: 'phone.transfer.blind', target });
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).not.toContain('call.hangup');
  });

  it('if an unsupervised transfer fails, the call is rerouted back to the agent as a ringing call', () => {
    const h = heldCall();
    h.actor.send({ type: 'phone.transfer.blind', target });
    h.actor.send({ type: 'sip.transfer.failed', statusCode: 486 });
    expect(h.actor.getSnapshot().hasTag('alerting')).toBe(true);
    expect(h.effects.liveAlerts()).toEqual([{ callId: 'c1', tone: 'transferReturned' }]);
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(true);
  });

  it('a supervised transfer that fails leaves the caller on hold with the agent', () => {
    const h = heldCall();
    h.actor.send({ type: 'phone.transfer.attended', consultCallId: 'c2' });
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({
      type: 'call.transfer.attended',
      consultCallId: 'c2',
    });
    h.actor.send({ type: 'sip.transfer.failed', statusCode: 503 });
    expect(h.actor.getSnapshot().matches({ progress: { session: { connected: { audio: 'held' } } } })).toBe(
      true,
    );
    expect(h.actor.getSnapshot().context.error?.code).toBe('transfer-failed');
  });
});

describe('softphone disabled (deskphone mode), call level', () => {
  const desk = { mode: 'deskphone' as const };

  it("an outgoing call rings the agent's device first; after a key press the customer is called and monitored", () => {
    const h = startCall(outgoingInput('+15551230000', desk), { matches: [], saves: true });
    expect(h.effects.commandTypes('c1')).toEqual(['call.dialViaDevice']);
    h.actor.send({ type: 'sip.device.answered' });
    expect(progress(h)).toEqual({ session: { deskphone: 'awaitingKey' } });
    h.actor.send({ type: 'sip.device.keyPressed', key: '1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.dialViaDevice', 'call.connectCustomer']);
    h.actor.send({ type: 'sip.call.progress', earlyMedia: false });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 9_000 });
    expect(progress(h)).toEqual({ session: 'monitored' });
    expect(h.actor.getSnapshot().hasTag('liveAudio')).toBe(false);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 69_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.actor.getSnapshot().context.outcome).toBe('completed');
  });

  it('"Call ended" on a call the agent took on their own phone dates its end, so the Task has its talk time', () => {
    const h = startCall(outgoingInput('+15551230000', desk), { matches: [], saves: true });
    h.actor.send({ type: 'sip.device.answered' });
    h.actor.send({ type: 'sip.device.keyPressed', key: '1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 9_000 });
    h.actor.send({ type: 'ui.dismiss', callId: 'c1', at: T0 + 99_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input).toMatchObject({ outcome: 'completed', durationSeconds: 90 });
  });

  it("if no key is pressed on the agent's device (voicemail), the called number is never connected", () => {
    const h = startCall(outgoingInput('+15551230000', desk));
    h.actor.send({ type: 'sip.device.answered' });
    expect(h.clock.pending().map((p) => p.due)).toEqual([20_000]);
    h.clock.fireNext();
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure?.reason).toBe('no-key-press');
    expect(h.effects.commandTypes('c1')).not.toContain('call.connectCustomer');
    expect(h.effects.sessions[0]?.stopped).toBe(true);
  });

  it('if the called number never answers, the panel ends the call after the wait the settings give, ringing included', () => {
    const settings = { ...testCallSettings, deskphoneCustomerAnswerSeconds: 45 };
    const h = startCall(outgoingInput('+15551230000', { ...desk, settings }));
    h.actor.send({ type: 'sip.device.answered' });
    h.clock.advance(3_000);
    h.actor.send({ type: 'sip.device.keyPressed', key: '1' });
    expect(h.clock.pending().map((p) => p.due)).toEqual([48_000]);
    h.clock.advance(2_000);
    // The device's 180 from the customer does not restart the wait.
    h.actor.send({ type: 'sip.call.progress', earlyMedia: false });
    expect(h.actor.getSnapshot().hasTag('customerRinging')).toBe(true);
    h.clock.advance(42_999);
    expect(h.actor.getSnapshot().hasTag('customerRinging')).toBe(true);
    h.clock.advance(1);
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure).toEqual({
      reason: 'no-answer',
      message: callFailureMessages['no-answer'],
    });
    // Leaving the session stops its SIP actor, which hangs up the device's leg.
    expect(h.effects.sessions[0]?.stopped).toBe(true);
  });

  it.each(['device-busy', 'device-unreachable', 'device-voicemail'] as const)(
    "when the agent's device reports %s the agent sees a clear error and the customer is never dialled",
    (reason) => {
      const h = startCall(outgoingInput('+15551230000', desk));
      h.actor.send({ type: 'sip.device.failed', reason });
      expect(h.actor.getSnapshot().context.failure).toEqual({ reason, message: callFailureMessages[reason] });
      expect(h.effects.commandTypes('c1')).toEqual(['call.dialViaDevice']);
    },
  );

  it('an incoming call opens the panel to notify the agent; answered on the device, the agent takes notes', () => {
    const h = startCall(incomingInput(desk), { matches: [ann], saves: true });
    expect(progress(h)).toEqual({ session: 'notified' });
    expect(h.effects.liveAlerts()).toEqual([{ callId: 'c1', tone: 'notify' }]);
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    expect(h.effects.commandsFor('c1')).toEqual([]);
    h.actor.send({ type: 'sip.invite.answeredElsewhere', at: T0 + 2_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Order 42' });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 32_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.actor.getSnapshot().context).toMatchObject({ outcome: 'completed', notes: 'Order 42' });
  });

  it("the server's dialog state ending a call answered on the device ends it in the panel: talk time, wrap-up, Task", () => {
    const h = startCall(incomingInput(desk), { matches: [ann], saves: true });
    h.actor.send({ type: 'sip.invite.answeredElsewhere', at: T0 + 2_000 });
    expect(progress(h)).toEqual({ session: 'monitored' });
    h.actor.send({ type: 'sip.dialog.terminated', at: T0 + 47_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.at(-1)?.input).toMatchObject({ outcome: 'completed', durationSeconds: 45 });
  });

  it('a dialog that terminates while the device still rings is not the end of the call', () => {
    const h = startCall(incomingInput(desk), { matches: [] });
    h.actor.send({ type: 'sip.dialog.terminated', at: T0 + 1_000 });
    expect(progress(h)).toEqual({ session: 'notified' });
  });

  it('an incoming call nobody answers on the device is missed', () => {
    const h = startCall(incomingInput(desk), { matches: [] });
    h.actor.send({ type: 'sip.invite.canceled', at: T0 + 30_000 });
    expect(progress(h)).toBe('finished');
    expect(h.actor.getSnapshot().context.outcome).toBe('missed');
  });
});

describe('SIP layer failures', () => {
  it('a session that fails while connected ends the call and still goes through wrap-up', () => {
    const h = startCall(incomingInput());
    connect(h);
    holdAndConfirm(h);
    h.actor.send({ type: 'sip.session.failed', message: 'transport closed', at: T0 + 9_000 });
    expect(progress(h)).toEqual({ wrapUp: 'running' });
    expect(h.clock.pending().map((p) => p.scheduled?.event.type)).toEqual([
      'xstate.after.workTimer.call.progress.wrapUp.running',
    ]);
  });

  it('a session that fails while an outgoing call is ringing is a network failure', () => {
    const h = startCall(outgoingInput());
    h.actor.send({ type: 'sip.session.failed', message: 'transport closed', at: T0 + 1_000 });
    expect(progress(h)).toBe('failed');
    expect(h.actor.getSnapshot().context.failure?.reason).toBe('network');
  });
});

describe('the call record', () => {
  it('the persisted snapshot restores the call with everything the call log needs', () => {
    const h = startCall(incomingInput(), { matches: [ann] });
    connect(h, T0 + 1_000);
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'VIP' });
    const persisted: unknown = JSON.parse(JSON.stringify(h.actor.getPersistedSnapshot()));
    const restored = createActor(h.effects.callLogic(), {
      snapshot: persisted as Snapshot<unknown>,
      input: incomingInput(),
    }).start();
    expect(restored.getSnapshot().value).toEqual(h.actor.getSnapshot().value);
    expect(toCallRecord(restored.getSnapshot().context)).toEqual({
      callId: 'c1',
      direction: 'incoming',
      remote: { number: '+442079460001', displayName: 'Ann' },
      matches: [ann],
      chosen: ann,
      notes: 'VIP',
      disposition: null,
      startedAt: T0,
      answeredAt: T0 + 1_000,
      endedAt: null,
      durationSeconds: null,
      outcome: null,
      failure: null,
      loggable: true,
      missed: false,
    });
    restored.send({ type: 'sip.call.ended', at: T0 + 61_000 });
    expect(toCallRecord(restored.getSnapshot().context).durationSeconds).toBe(60);
  });
});
