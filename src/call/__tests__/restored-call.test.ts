// Calls carried over a page reload (issue 9) and call-log saves retried with backoff (issue 8).
import type { RestoredCall } from '../restored-call';
import { MAX_SAVE_RETRY_DELAY_MS, saveRetryDelayMs } from '../sip-timing';
import { ann, incomingInput, startCall, startPhone, T0, testCallSettings } from './support/harness';
import type { CallHarness } from './support/harness';

const restoredLive: RestoredCall = {
  callId: 'c1',
  direction: 'incoming',
  remote: { number: '+442079460001', displayName: 'Ann' },
  startedAt: T0,
  answeredAt: T0 + 3_000,
  notes: 'Wants a callback on Friday',
  disposition: 'Interested',
  matches: [ann],
  chosen: ann,
  phase: 'connected',
};

function progress(h: CallHarness): unknown {
  return h.actor.getSnapshot().value.progress;
}

describe('a call carried over a page reload', () => {
  it('starts by taking its dialog back, keeping its answer time, notes and record', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    expect(progress(h)).toEqual({ session: 'recovering' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover']);
    expect(h.effects.liveAlerts()).toEqual([]);
    expect(h.actor.getSnapshot().context).toMatchObject({
      answeredAt: T0 + 3_000,
      notes: 'Wants a callback on Friday',
      disposition: 'Interested',
      chosen: ann,
    });
  });

  it('continues as a connected call once the far end swapped legs: hold and hang up work', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    h.actor.send({ type: 'sip.call.answered', at: T0 + 60_000 });
    expect(progress(h)).toEqual({
      session: { connected: { audio: 'active', mute: 'unmuted', keypad: 'hidden', controls: 'full' } },
    });
    expect(h.actor.getSnapshot().context.answeredAt).toBe(T0 + 3_000);
    h.actor.send({ type: 'ui.hold', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    h.actor.send({ type: 'sip.call.ended', at: T0 + 90_000 });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover', 'call.hold', 'call.hangup']);
    expect(h.actor.getSnapshot().context).toMatchObject({ outcome: 'completed', endedAt: T0 + 90_000 });
    expect(progress(h)).toMatchObject({ wrapUp: expect.anything() });
  });

  it('when the far end cannot take it back (481), the agent sees why and the call is logged as dropped with its notes', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    h.actor.send({ type: 'sip.call.failed', reason: 'not-found', statusCode: 481, at: T0 + 61_000 });
    const context = h.actor.getSnapshot().context;
    expect(context.outcome).toBe('dropped');
    expect(context.failure?.reason).toBe('not-recovered');
    expect(context.failure?.message).toMatch(/already hung up/);
    expect(progress(h)).toMatchObject({ wrapUp: expect.anything() });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.map((s) => s.input)).toEqual([
      expect.objectContaining({
        callId: 'c1',
        outcome: 'dropped',
        notes: 'Wants a callback on Friday',
        loggable: true,
        durationSeconds: 58,
      }),
    ]);
  });

  it('a declined or unanswered take-back says so', () => {
    for (const [statusCode, words] of [
      [603, /refused to take it back \(SIP 603\)/],
      [undefined, /did not answer in time/],
    ] as const) {
      const h = startCall(incomingInput({ restored: restoredLive }));
      h.actor.send({ type: 'sip.call.failed', reason: 'declined', statusCode, at: T0 + 61_000 });
      expect(h.actor.getSnapshot().context.failure?.message).toMatch(words);
    }
  });

  it('hung up while being taken back: the take-back is not cancelled but hung up once it answers, and the call is wrapped up and logged', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    expect(progress(h)).toEqual({ session: 'abandoning' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover']);
    h.actor.send({ type: 'sip.call.answered', at: T0 + 60_000 });
    expect(progress(h)).toEqual({ session: 'ending' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover', 'call.hangup']);
    h.actor.send({ type: 'sip.call.ended', at: T0 + 60_500 });
    expect(h.actor.getSnapshot().context).toMatchObject({ outcome: 'completed', endedAt: T0 + 60_500 });
    expect(progress(h)).toMatchObject({ wrapUp: expect.anything() });
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.map((s) => s.input)).toEqual([
      expect.objectContaining({ callId: 'c1', outcome: 'completed', loggable: true, durationSeconds: 58 }),
    ]);
  });

  it('hung up while being taken back and the take-back fails: nothing is left to hang up, the call is wrapped up as completed', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    h.actor.send({ type: 'ui.hangup', callId: 'c1' });
    h.actor.send({ type: 'sip.call.failed', reason: 'not-found', statusCode: 481, at: T0 + 61_000 });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover']);
    expect(h.actor.getSnapshot().context).toMatchObject({ outcome: 'completed', failure: null });
    expect(progress(h)).toMatchObject({ wrapUp: expect.anything() });
  });

  it('a call held before the reload is taken back offering hold and comes back held; resume takes it off hold', () => {
    const h = startCall(incomingInput({ restored: { ...restoredLive, held: true } }));
    expect(h.effects.commandsFor('c1')).toEqual([{ type: 'call.recover', held: true }]);
    h.actor.send({ type: 'sip.call.answered', at: T0 + 60_000 });
    expect(progress(h)).toMatchObject({ session: { connected: { audio: { held: expect.anything() } } } });
    h.actor.send({ type: 'ui.resume', callId: 'c1' });
    h.actor.send({ type: 'sip.reinvite.succeeded' });
    expect(progress(h)).toMatchObject({ session: { connected: { audio: 'active' } } });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover', 'call.resume']);
  });

  it('a live call is taken back without offering hold', () => {
    const h = startCall(incomingInput({ restored: restoredLive }));
    expect(h.effects.commandsFor('c1')).toEqual([{ type: 'call.recover', held: false }]);
  });

  it('a call no page took back in time comes back dropped in wrap-up, with the reason, and is logged', () => {
    const h = startCall(
      incomingInput({
        settings: { ...testCallSettings, wrapUpSeconds: 0 },
        restored: {
          ...restoredLive,
          phase: 'wrapUp',
          endedAt: T0 + 50_000,
          outcome: 'dropped',
          failure: { reason: 'not-recovered', message: 'gone' },
        },
      }),
    );
    expect(progress(h)).toEqual({ wrapUp: 'untimed' });
    expect(h.effects.sessions).toEqual([]);
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.map((s) => s.input)).toEqual([
      expect.objectContaining({
        callId: 'c1',
        outcome: 'dropped',
        failure: { reason: 'not-recovered', message: 'gone' },
        loggable: true,
      }),
    ]);
  });

  it('a call reloaded during wrap-up comes back in wrap-up with its notes, without SIP, and saves to the same call id', () => {
    const h = startCall(
      incomingInput({
        settings: { ...testCallSettings, wrapUpSeconds: 0 },
        restored: { ...restoredLive, phase: 'wrapUp', endedAt: T0 + 50_000, outcome: 'completed' },
      }),
    );
    expect(progress(h)).toEqual({ wrapUp: 'untimed' });
    expect(h.effects.sessions).toEqual([]);
    h.actor.send({ type: 'ui.wrapUp.saveAndClose', callId: 'c1' });
    expect(h.effects.saves.map((s) => s.input)).toEqual([
      expect.objectContaining({ callId: 'c1', notes: 'Wants a callback on Friday', durationSeconds: 47 }),
    ]);
    h.effects.resolveSave('c1');
    expect(progress(h)).toBe('finished');
  });

  it('the phone spawns a restored call once, on its line, even when it reports it again', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'host.call.restore', call: restoredLive });
    h.phone.send({ type: 'host.call.restore', call: restoredLive });
    expect(h.phone.getSnapshot().context.lines).toEqual({ c1: 'connecting' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.recover']);
    h.call('c1').send({ type: 'sip.call.answered', at: T0 + 60_000 });
    expect(h.phone.getSnapshot().context.lines).toEqual({ c1: 'live' });
  });
});

describe('saving the call log when the CRM fails', () => {
  it('the retry delay doubles after each failure in a row and stops growing at a minute', () => {
    expect([1, 2, 3, 4].map((n) => saveRetryDelayMs(n, 5_000))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(saveRetryDelayMs(5, 5_000)).toBe(MAX_SAVE_RETRY_DELAY_MS);
    expect(saveRetryDelayMs(500, 5_000)).toBe(MAX_SAVE_RETRY_DELAY_MS);
    expect(saveRetryDelayMs(0, 5_000)).toBe(5_000);
  });

  it('each failed save waits longer before the next try; a success resets the backoff', () => {
    const h = startCall(incomingInput(), { matches: [] });
    h.actor.send({ type: 'ui.answer', callId: 'c1' });
    h.actor.send({ type: 'sip.call.answered', at: T0 + 1_000 });
    h.actor.send({ type: 'ui.notes.changed', callId: 'c1', text: 'Keep me' });
    h.actor.send({ type: 'ui.notes.save', callId: 'c1' });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      h.effects.failSave('c1', 'Apex is down');
      const [retry] = h.clock.pending();
      delays.push((retry?.due ?? 0) - h.clock.now());
      expect(h.clock.fireNext()).toBe(true);
    }
    expect(delays).toEqual([
      testCallSettings.saveRetryDelayMs,
      testCallSettings.saveRetryDelayMs * 2,
      testCallSettings.saveRetryDelayMs * 4,
    ]);
    expect(h.effects.saves.map((s) => s.input.notes)).toEqual(['Keep me', 'Keep me', 'Keep me', 'Keep me']);
    h.effects.resolveSave('c1');
    expect(h.actor.getSnapshot().context).toMatchObject({ saveFailures: 0, saveError: null });
    expect(h.effects.saves.every((s) => s.input.callId === 'c1')).toBe(true);
  });
});
