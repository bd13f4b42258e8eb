// Behaviour of the phone: registration, mode, availability, lines, consultation, transfer and conference.
import type { AnyActorRef } from 'xstate';
import { CONFERENCE_BUSY_TONE_MS, phoneErrorMessages } from '../phone-machine';
import { registrationFailureMessages } from '../registration-failure';
import { ann, bob, dialOk, dialRefused, startPhone, T0 } from './support/harness';
import type { PhoneHarness } from './support/harness';

function audio(call: AnyActorRef): unknown {
  const value = call.getSnapshot().value as { progress: unknown };
  const progress = value.progress as { session?: { connected?: { audio?: unknown } } } | string;
  return typeof progress === 'object' ? (progress.session?.connected?.audio ?? progress.session) : progress;
}

function hasTag(call: AnyActorRef, tag: string): boolean {
  return (call.getSnapshot() as { hasTag(t: string): boolean }).hasTag(tag);
}

function liveCalls(h: PhoneHarness): string[] {
  return Object.keys(h.phone.getSnapshot().context.lines).filter(
    (id) => hasTag(h.call(id), 'liveAudio') && !hasTag(h.call(id), 'conference'),
  );
}

function answer(h: PhoneHarness, callId: string): void {
  h.ring(callId);
  h.phone.send({ type: 'ui.answer', callId });
  h.call(callId).send({ type: 'sip.call.answered', at: T0 });
}

function dial(
  h: PhoneHarness,
  callId: string,
  e164: string,
  via: 'ui.dial' | 'crm.clickToDial' = 'ui.dial',
): void {
  h.phone.send({ type: via, callId, number: e164, dial: dialOk(e164), at: T0 });
}

function connectOutgoing(h: PhoneHarness, callId: string): void {
  h.call(callId).send({ type: 'sip.call.answered', at: T0 });
}

function confirmReinvite(h: PhoneHarness, callId: string): void {
  h.call(callId).send({ type: 'sip.reinvite.succeeded' });
}

/** The agent answered c1 and started a transfer or conference from it: c1 is held, the third party not yet dialled. */
function consultFor(
  purpose: 'transfer' | 'conference',
  settings: Parameters<typeof startPhone>[0] = {},
): PhoneHarness {
  const h = startPhone(settings);
  h.register();
  answer(h, 'c1');
  h.phone.send({
    type: purpose === 'transfer' ? 'ui.transfer.start' : 'ui.conference.start',
    callId: 'c1',
  });
  confirmReinvite(h, 'c1');
  return h;
}

describe('registration', () => {
  it('the phone registers: unregistered, registering, registered', () => {
    const h = startPhone();
    expect(h.phone.getSnapshot().value.registration).toBe('unregistered');
    h.phone.send({ type: 'ui.register' });
    expect(h.phone.getSnapshot().value.registration).toBe('registering');
    expect(h.effects.uaCommands).toEqual([{ type: 'phone.register' }]);
    h.phone.send({ type: 'sip.registration.succeeded' });
    expect(h.phone.getSnapshot().value.registration).toBe('registered');
  });

  it('a lost connection reconnects with exponential backoff and jitter, capped, then registers again', () => {
    const h = startPhone({
      reconnect: { initialDelayMs: 1_000, maxDelayMs: 8_000, jitterRatio: 0.5, maxAttempts: 0 },
    });
    h.register();
    h.phone.send({ type: 'sip.transport.disconnected' });
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(h.phone.getSnapshot().value.registration).toBe('reconnecting');
      const wait = (h.clock.pending()[0]?.due ?? NaN) - h.clock.now();
      // attempt n waits initial * 2^(n-1), capped at 8 s, of which the last half is random
      const ceiling = Math.min(8_000, 1_000 * 2 ** (attempt - 1));
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
      h.clock.fireNext();
      expect(h.phone.getSnapshot().value.registration).toBe('registering');
      expect(h.effects.uaCommands.slice(-2)).toEqual([
        { type: 'phone.reconnect' },
        { type: 'phone.register' },
      ]);
      if (attempt < 6) h.phone.send({ type: 'sip.registration.failed', reason: 'server-unreachable' });
    }
    h.phone.send({ type: 'sip.registration.succeeded' });
    expect(h.phone.getSnapshot().value.registration).toBe('registered');
    expect(h.phone.getSnapshot().context.reconnectAttempt).toBe(0);
  });

  it.each(['bad-credentials', 'forbidden'] as const)(
    'registration refused as %s fails with a typed reason the UI can explain, and is not retried',
    (reason) => {
      const h = startPhone();
      h.phone.send({ type: 'ui.register' });
      h.phone.send({ type: 'sip.registration.failed', reason });
      expect(h.phone.getSnapshot().value.registration).toBe('failed');
      expect(h.phone.getSnapshot().context.registrationFailure).toBe(reason);
      expect(registrationFailureMessages[reason]).toMatch(/administrator/);
      expect(h.clock.pending()).toEqual([]);
    },
  );

  it('an unreachable server is retried until the attempts run out, then fails as server-unreachable', () => {
    const h = startPhone({
      reconnect: { initialDelayMs: 100, maxDelayMs: 1_000, jitterRatio: 0, maxAttempts: 2 },
    });
    h.phone.send({ type: 'ui.register' });
    h.phone.send({ type: 'sip.registration.failed', reason: 'server-unreachable' });
    expect(h.clock.pending().map((p) => p.due)).toEqual([100]);
    h.clock.fireNext();
    h.phone.send({ type: 'sip.registration.failed', reason: 'server-unreachable' });
    expect(h.clock.pending().map((p) => p.due - h.clock.now())).toEqual([200]);
    h.clock.fireNext();
    h.phone.send({ type: 'sip.registration.failed', reason: 'server-unreachable' });
    expect(h.phone.getSnapshot().value.registration).toBe('failed');
    expect(h.phone.getSnapshot().context.registrationFailure).toBe('server-unreachable');
    h.phone.send({ type: 'ui.register' });
    expect(h.phone.getSnapshot().value.registration).toBe('registering');
  });

  it.each([
    ['SIP.js gives the registration up by itself', { type: 'sip.registration.ended' }],
    [
      'a refresh is refused as bad credentials',
      { type: 'sip.registration.failed', reason: 'bad-credentials' },
    ],
    ['a refresh is refused with 403', { type: 'sip.registration.failed', reason: 'forbidden' }],
    ['a refresh goes unanswered', { type: 'sip.registration.failed', reason: 'server-unreachable' }],
  ] as const)(
    'a registered phone that loses its registration (%s) says so and registers again with fresh credentials, backing off',
    (_, loss) => {
      const h = startPhone({
        reconnect: { initialDelayMs: 1_000, maxDelayMs: 4_000, jitterRatio: 0, maxAttempts: 0 },
      });
      h.register();
      h.phone.send(loss);
      expect(h.phone.getSnapshot().value.registration).toEqual({ lost: 'waiting' });
      for (const wait of [1_000, 2_000, 4_000, 4_000]) {
        expect(h.clock.pending().map((p) => p.due - h.clock.now())).toEqual([wait]);
        h.clock.fireNext();
        expect(h.phone.getSnapshot().value.registration).toEqual({ lost: 'reregistering' });
        expect(h.effects.uaCommands.at(-1)).toEqual({ type: 'phone.reregister' });
        h.phone.send({ type: 'sip.registration.failed', reason: 'bad-credentials' });
        expect(h.phone.getSnapshot().value.registration).toEqual({ lost: 'waiting' });
      }
      h.clock.fireNext();
      h.phone.send({ type: 'sip.registration.succeeded' });
      expect(h.phone.getSnapshot().value.registration).toBe('registered');
      expect(h.phone.getSnapshot().context.reconnectAttempt).toBe(0);
      expect(h.clock.pending()).toEqual([]);
    },
  );

  it('a lost registration gives way to a lost connection, and to the agent signing out', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'sip.registration.ended' });
    h.phone.send({ type: 'sip.transport.disconnected' });
    expect(h.phone.getSnapshot().value.registration).toBe('reconnecting');
    h.register();
    h.phone.send({ type: 'sip.registration.ended' });
    h.phone.send({ type: 'ui.unregister' });
    expect(h.phone.getSnapshot().value.registration).toBe('unregistering');
  });

  it('a lost registration that stays lost fails once the reconnect attempts run out', () => {
    const h = startPhone({
      reconnect: { initialDelayMs: 100, maxDelayMs: 1_000, jitterRatio: 0, maxAttempts: 2 },
    });
    h.register();
    h.phone.send({ type: 'sip.registration.ended' });
    h.clock.fireNext();
    h.phone.send({ type: 'sip.registration.failed', reason: 'forbidden' });
    h.clock.fireNext();
    h.phone.send({ type: 'sip.registration.failed', reason: 'forbidden' });
    expect(h.phone.getSnapshot().value.registration).toBe('failed');
    expect(h.phone.getSnapshot().context.registrationFailure).toBe('forbidden');
    expect(h.clock.pending()).toEqual([]);
  });

  it('the agent can unregister', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'ui.unregister' });
    expect(h.effects.uaCommands.at(-1)).toEqual({ type: 'phone.unregister' });
    h.phone.send({ type: 'sip.registration.ended' });
    expect(h.phone.getSnapshot().value.registration).toBe('unregistered');
  });
});

describe('calling modes', () => {
  it('the mode comes from settings: softphone enabled puts audio in the browser', () => {
    const h = startPhone({ mode: 'softphone' });
    expect(h.phone.getSnapshot().value.mode).toBe('softphone');
    h.register();
    dial(h, 'o1', '+15551230000');
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
  });

  it("softphone disabled: calls are placed through the agent's own device", () => {
    const h = startPhone({ mode: 'deskphone' });
    expect(h.phone.getSnapshot().value.mode).toBe('deskphone');
    expect(h.effects.userAgents.map((u) => u.input)).toEqual([{ mode: 'deskphone' }]);
    h.register();
    dial(h, 'o1', '+15551230000');
    expect(h.effects.commandTypes('o1')).toEqual(['call.dialViaDevice']);
  });

  it('softphone disabled: transfer and conference are left to the device', () => {
    const h = startPhone({ mode: 'deskphone' });
    h.register();
    dial(h, 'o1', '+15551230000');
    expect(h.phone.getSnapshot().can({ type: 'ui.transfer.start', callId: 'o1' })).toBe(false);
    expect(h.phone.getSnapshot().can({ type: 'ui.conference.start', callId: 'o1' })).toBe(false);
  });
});

describe('lines', () => {
  it('an incoming call gets its own call actor; when it is over it leaves the lines and goes to recents', () => {
    const h = startPhone({}, { matches: [] });
    h.register();
    h.ring('c1');
    expect(h.phone.getSnapshot().context.lines).toEqual({ c1: 'ringing' });
    h.call('c1').send({ type: 'sip.invite.canceled', at: T0 + 5_000 });
    expect(h.hasCall('c1')).toBe(false);
    expect(h.phone.getSnapshot().context.lines).toEqual({});
    expect(h.effects.recents.map((r) => [r.callId, r.outcome])).toEqual([['c1', 'missed']]);
  });

  it('an incoming call while busy rings as call waiting', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.ring('c2');
    expect(h.effects.liveAlerts()).toEqual([{ callId: 'c2', tone: 'callWaiting' }]);
  });

  it('answering a waiting call puts the active call on hold first', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.ring('c2');
    h.phone.send({ type: 'ui.answer', callId: 'c2' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
    expect(h.effects.commandTypes('c2')).toEqual([]);
    expect(h.phone.getSnapshot().value.lines).toBe('switching');
    confirmReinvite(h, 'c1');
    expect(h.effects.commandTypes('c2')).toEqual(['call.answer']);
    h.call('c2').send({ type: 'sip.call.answered', at: T0 });
    expect(liveCalls(h)).toEqual(['c2']);
    expect(audio(h.call('c1'))).toEqual({ held: 'waiting' });
  });

  it('if the active call cannot be held, the waiting call is not answered and keeps ringing', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.ring('c2');
    h.phone.send({ type: 'ui.answer', callId: 'c2' });
    h.call('c1').send({ type: 'sip.reinvite.failed', statusCode: 488 });
    expect(h.effects.commandTypes('c2')).toEqual([]);
    expect(audio(h.call('c2'))).toBe('ringing');
    expect(h.phone.getSnapshot().context.error).toEqual({
      code: 'switch-failed',
      message: phoneErrorMessages['switch-failed'],
    });
  });

  it('retrieving a held call while another call is active holds the active one first: one live audio at a time', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.phone.send({ type: 'ui.hold', callId: 'c1' });
    confirmReinvite(h, 'c1');
    dial(h, 'o2', '+15551230000');
    connectOutgoing(h, 'o2');
    h.phone.send({ type: 'ui.resume', callId: 'c1' });
    expect(h.effects.commandTypes('o2')).toEqual(['call.dial', 'call.hold']);
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.hold');
    confirmReinvite(h, 'o2');
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.resume');
    confirmReinvite(h, 'c1');
    expect(liveCalls(h)).toEqual(['c1']);
  });

  it('dialling while on a call puts that call on hold before the new call is placed', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    dial(h, 'o2', '+15551230000');
    expect(h.hasCall('o2')).toBe(false);
    confirmReinvite(h, 'c1');
    expect(h.effects.commandTypes('o2')).toEqual(['call.dial']);
  });

  it('beyond the configured maximum of lines, incoming calls are declined busy and shown in recents', () => {
    const h = startPhone({ maxLines: 1 });
    h.register();
    answer(h, 'c1');
    h.ring('c2', '+15559998888');
    expect(h.hasCall('c2')).toBe(false);
    expect(h.effects.uaCommands.at(-1)).toEqual({
      type: 'phone.declineIncoming',
      callId: 'c2',
      statusCode: 486,
    });
    expect(h.effects.recents.map((r) => [r.callId, r.outcome, r.remote.number])).toEqual([
      ['c2', 'declined', '+15559998888'],
    ]);
  });

  it('a call cannot be placed before the phone is registered, nor beyond the maximum of lines', () => {
    const h = startPhone({ maxLines: 1 });
    dial(h, 'o1', '+15551230000');
    expect(h.phone.getSnapshot().context.error?.code).toBe('not-registered');
    h.register();
    answer(h, 'c1');
    dial(h, 'o2', '+15551230000');
    expect(h.hasCall('o2')).toBe(false);
    expect(h.phone.getSnapshot().context.error).toEqual({
      code: 'no-free-line',
      message: phoneErrorMessages['no-free-line'],
    });
    h.phone.send({ type: 'ui.error.dismiss' });
    expect(h.phone.getSnapshot().context.error).toBeNull();
  });

  it('a call cannot be answered while another one is still being dialled', () => {
    const h = startPhone();
    h.register();
    dial(h, 'o1', '+15551230000');
    h.ring('c2');
    h.phone.send({ type: 'ui.answer', callId: 'c2' });
    expect(h.effects.commandTypes('c2')).toEqual([]);
    expect(h.phone.getSnapshot().context.error?.code).toBe('audio-busy');
  });

  it('click-to-dial from a Salesforce record places the call and logs it against that record', () => {
    const h = startPhone();
    h.register();
    h.phone.send({
      type: 'crm.clickToDial',
      callId: 'o1',
      number: '+44 20 7946 0001',
      dial: dialOk('+442079460001'),
      at: T0,
      record: ann,
    });
    expect(h.effects.commandTypes('o1')).toEqual(['call.dial']);
    expect(h.effects.searches).toEqual([]);
    expect(h.call('o1').getSnapshot().context).toMatchObject({ chosen: ann });
  });

  it('a number the dialing rules refuse shows as a failed call with their message', () => {
    const h = startPhone();
    h.register();
    h.phone.send({ type: 'ui.dial', callId: 'o1', number: '1900', dial: dialRefused('Blocked.'), at: T0 });
    expect(h.call('o1').getSnapshot().context.failure).toEqual({
      reason: 'invalid-number',
      message: 'Blocked.',
    });
    h.phone.send({ type: 'ui.dismiss', callId: 'o1' });
    expect(h.hasCall('o1')).toBe(false);
    expect(h.effects.recents.map((r) => r.outcome)).toEqual(['failed']);
  });
});

describe('agent availability', () => {
  it('the agent is available, on a call, in wrap-up, and available again when wrap-up is left', () => {
    const h = startPhone({}, { matches: [], saves: true });
    h.register();
    expect(h.phone.getSnapshot().value.availability).toBe('available');
    answer(h, 'c1');
    expect(h.phone.getSnapshot().value.availability).toBe('onCall');
    h.call('c1').send({ type: 'sip.call.ended', at: T0 + 1 });
    expect(h.phone.getSnapshot().value.availability).toBe('wrapUp');
    h.phone.send({ type: 'ui.wrapUp.close', callId: 'c1' });
    expect(h.phone.getSnapshot().value.availability).toBe('available');
  });

  it('an agent who is away declines incoming calls when the setting says so (480)', () => {
    const h = startPhone({ whenAway: 'decline' });
    h.register();
    h.phone.send({ type: 'ui.availability.away' });
    h.ring('c1');
    expect(h.hasCall('c1')).toBe(false);
    expect(h.effects.uaCommands.at(-1)).toEqual({
      type: 'phone.declineIncoming',
      callId: 'c1',
      statusCode: 480,
    });
  });

  it('an agent who is away lets incoming calls ring when the setting says so', () => {
    const h = startPhone({ whenAway: 'ring' });
    h.register();
    h.phone.send({ type: 'ui.availability.away' });
    h.ring('c1');
    expect(audio(h.call('c1'))).toBe('ringing');
    h.phone.send({ type: 'ui.availability.available' });
    expect(h.phone.getSnapshot().value.availability).toBe('available');
  });

  it('in wrap-up, incoming calls are declined or left ringing per settings', () => {
    const declining = startPhone({ whenInWrapUp: 'decline' });
    declining.register();
    answer(declining, 'c1');
    declining.call('c1').send({ type: 'sip.call.ended', at: T0 });
    declining.ring('c2');
    expect(declining.hasCall('c2')).toBe(false);
    expect(declining.effects.uaCommands.at(-1)).toMatchObject({ callId: 'c2', statusCode: 486 });

    const ringing = startPhone({ whenInWrapUp: 'ring' });
    ringing.register();
    answer(ringing, 'c1');
    ringing.call('c1').send({ type: 'sip.call.ended', at: T0 });
    ringing.ring('c2');
    expect(audio(ringing.call('c2'))).toBe('ringing');
  });
});

describe('transfers', () => {
  it('click Transfer: the active call is put on hold, then a new participant is called by search or click-to-dial', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.phone.send({ type: 'ui.transfer.start', callId: 'c1' });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
    expect(h.phone.getSnapshot().value.consultation).toBe('holdingOriginal');
    confirmReinvite(h, 'c1');
    expect(h.phone.getSnapshot().value.consultation).toBe('awaitingTarget');
    dial(h, 'k1', '+15550001111', 'crm.clickToDial');
    // A click during a call is a request: the agent confirms it on the card (see click-to-dial.test.ts).
    expect(h.phone.getSnapshot().value.consultation).toBe('awaitingTarget');
    h.phone.send({ type: 'ui.clickToDial.confirm', callId: 'k1' });
    expect(h.phone.getSnapshot().value.consultation).toBe('dialing');
    expect(h.effects.commandTypes('k1')).toEqual(['call.dial']);
  });

  it('supervised transfer: once the new party picks up, Transfer again and the call continues between the other two', () => {
    const h = consultFor('transfer');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    expect(h.phone.getSnapshot().value.consultation).toBe('talking');
    h.phone.send({ type: 'ui.transfer.complete' });
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({
      type: 'call.transfer.attended',
      consultCallId: 'k1',
    });
    h.call('c1').send({ type: 'sip.transfer.succeeded', at: T0 + 10_000 });
    h.call('k1').send({ type: 'sip.call.ended', at: T0 + 10_000 });
    expect(h.phone.getSnapshot().value.consultation).toBe('idle');
    expect(h.call('c1').getSnapshot().context.outcome).toBe('transferred');
    expect(h.phone.getSnapshot().context.lines).toEqual({ c1: 'wrapUp', k1: 'wrapUp' });
  });

  /** Ann called (c1, her record chosen); the agent started a transfer and dialled the third party (k1). */
  function consultingAboutAnn(): PhoneHarness {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.effects.resolveSearch('c1', [ann]);
    h.phone.send({ type: 'ui.transfer.start', callId: 'c1' });
    confirmReinvite(h, 'c1');
    dial(h, 'k1', '+15550001111');
    return h;
  }

  it('the consult call tells the third party which customer it is about: the original call’s number and chosen record', () => {
    const h = consultingAboutAnn();
    expect(h.effects.commandsFor('k1')).toEqual([
      {
        type: 'call.dial',
        target: expect.objectContaining({ e164: '+15550001111' }),
        about: { number: '+442079460001', recordId: ann.id },
      },
    ]);
    // Our own consult call is still about whom we dialled, for the agent and the log.
    expect(h.effects.pendingSearch('k1')?.input.number).toBe('+15550001111');
  });

  it('the transfer tells its target which customer it gets: an unsupervised REFER carries the number and chosen record', () => {
    const h = consultingAboutAnn();
    h.phone.send({ type: 'ui.transfer.complete' });
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({
      type: 'call.transfer.blind',
      target: expect.objectContaining({ e164: '+15550001111' }),
      about: { number: '+442079460001', recordId: ann.id },
    });
  });

  it('a call from another agent about a customer shows and logs to that customer, not the calling agent', () => {
    const h = startPhone();
    h.register();
    h.phone.send({
      type: 'sip.invite.received',
      callId: 'k1',
      remote: { number: '1001', displayName: 'Ada Agent' },
      about: { number: '+442079460001', recordId: bob.id },
      at: T0,
    });
    expect(h.effects.pendingSearch('k1')?.input.number).toBe('+442079460001');
    h.effects.resolveSearch('k1', [ann, bob]);
    expect(h.call('k1').getSnapshot().context.chosen).toEqual(bob);
  });

  it('the customer’s call replacing our consult call (supervised transfer to us) goes on at once, about the same customer, and the consult call leaves no wrap-up or log', () => {
    const h = startPhone();
    h.register();
    h.phone.send({
      type: 'sip.invite.received',
      callId: 'k1',
      remote: { number: '1001' },
      about: { number: '+442079460001', recordId: ann.id },
      at: T0,
    });
    h.effects.resolveSearch('k1', [ann]);
    h.phone.send({ type: 'ui.answer', callId: 'k1' });
    h.call('k1').send({ type: 'sip.call.answered', at: T0 });

    h.phone.send({
      type: 'sip.invite.received',
      callId: 'r1',
      remote: { number: '+442079460001' },
      replacesCallId: 'k1',
      at: T0 + 5000,
    });
    expect(h.effects.commandTypes('r1')).toEqual(['call.answer']);
    expect(h.call('r1').getSnapshot().context).toMatchObject({ chosen: ann, callWaiting: false });
    h.call('k1').send({ type: 'sip.call.replaced', at: T0 + 5000 });
    h.call('r1').send({ type: 'sip.call.answered', at: T0 + 5000 });
    expect(h.hasCall('k1')).toBe(false);
    expect(h.phone.getSnapshot().context.lines).toEqual({ r1: 'live' });
  });

  it('unsupervised transfer: dropping before the new party answers sends a blind transfer to that number', () => {
    const h = consultFor('transfer');
    dial(h, 'k1', '+15550001111');
    h.phone.send({ type: 'ui.transfer.complete' });
    const blind = dialOk('+15550001111');
    if (!blind.ok) throw new Error('fixture');
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({ type: 'call.transfer.blind', target: blind.target });
    expect(h.effects.commandTypes('k1')).toEqual(['call.dial', 'call.cancel']);
    h.call('c1').send({ type: 'sip.transfer.accepted' });
    expect(h.phone.getSnapshot().value.consultation).toBe('transferring');
  });

  it('unsupervised transfer: dialling the new party with "unsupervised" hands the call over at once, while it rings', () => {
    const h = consultFor('transfer');
    h.phone.send({
      type: 'ui.dial',
      callId: 'k1',
      number: '+15550001111',
      dial: dialOk('+15550001111'),
      at: T0,
      transfer: 'unsupervised',
    });
    const blind = dialOk('+15550001111');
    if (!blind.ok) throw new Error('fixture');
    expect(h.effects.commandsFor('c1').at(-1)).toEqual({ type: 'call.transfer.blind', target: blind.target });
    expect(h.effects.commandTypes('k1')).toEqual(['call.dial', 'call.cancel']);
    expect(h.phone.getSnapshot().value.consultation).toBe('transferring');
  });

  it('unsupervised transfer to a number the dialing rules refuse: nothing is handed over, the original stays held', () => {
    const h = consultFor('transfer');
    h.phone.send({
      type: 'ui.dial',
      callId: 'k1',
      number: '123',
      dial: dialRefused(),
      at: T0,
      transfer: 'unsupervised',
    });
    expect(h.effects.commandTypes('c1')).toEqual(['call.answer', 'call.hold']);
    expect(h.phone.getSnapshot().context.lines.c1).toBe('held');
  });

  it('if an unsupervised transfer fails, the call comes back to the agent as an incoming call', () => {
    const h = consultFor('transfer');
    dial(h, 'k1', '+15550001111');
    h.phone.send({ type: 'ui.transfer.complete' });
    h.call('c1').send({ type: 'sip.transfer.failed', statusCode: 486 });
    expect(h.phone.getSnapshot().value.consultation).toBe('idle');
    expect(h.phone.getSnapshot().context.lines.c1).toBe('recalling');
    expect(h.effects.liveAlerts()).toContainEqual({ callId: 'c1', tone: 'transferReturned' });
    h.phone.send({ type: 'ui.answer', callId: 'c1' });
    confirmReinvite(h, 'c1');
    expect(liveCalls(h)).toEqual(['c1']);
  });

  it('you cannot forward or conference a call that is on hold', () => {
    const h = startPhone();
    h.register();
    answer(h, 'c1');
    h.phone.send({ type: 'ui.hold', callId: 'c1' });
    confirmReinvite(h, 'c1');
    expect(h.phone.getSnapshot().can({ type: 'ui.transfer.start', callId: 'c1' })).toBe(false);
    expect(h.phone.getSnapshot().can({ type: 'ui.conference.start', callId: 'c1' })).toBe(false);
    h.phone.send({ type: 'ui.transfer.start', callId: 'c1' });
    expect(h.phone.getSnapshot().value.consultation).toBe('idle');
  });

  it('when the held party hangs up during the consultation, only disconnect is offered until the third party connects', () => {
    const h = consultFor('transfer');
    dial(h, 'k1', '+15550001111');
    h.call('c1').send({ type: 'sip.call.ended', at: T0 + 3_000 });
    expect(h.phone.getSnapshot().value.consultation).toBe('heldPartyGone');
    const offered = (e: Parameters<typeof h.phone.send>[0]) => h.phone.getSnapshot().can(e);
    expect(offered({ type: 'ui.transfer.complete' })).toBe(false);
    expect(offered({ type: 'ui.conference.merge' })).toBe(false);
    expect(offered({ type: 'ui.consult.cancel' })).toBe(false);
    expect(offered({ type: 'ui.hangup', callId: 'k1' })).toBe(true);
    connectOutgoing(h, 'k1');
    expect(h.phone.getSnapshot().value.consultation).toBe('idle');
    // Connected to the third party: Hang up is all the call offers (then wrap-up as usual).
    expect(offered({ type: 'ui.transfer.start', callId: 'k1' })).toBe(false);
    expect(offered({ type: 'ui.conference.start', callId: 'k1' })).toBe(false);
    const consult = h.call('k1').getSnapshot();
    expect(consult.hasTag('hangUpOnly')).toBe(true);
    expect(consult.can({ type: 'ui.hold', callId: 'k1' })).toBe(false);
    expect(consult.can({ type: 'ui.keypad.toggle', callId: 'k1' })).toBe(false);
    expect(offered({ type: 'ui.hangup', callId: 'k1' })).toBe(true);
  });

  it('cancelling the consultation hangs up the third party and takes the caller off hold', () => {
    const h = consultFor('transfer');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.consult.cancel' });
    expect(h.effects.commandTypes('k1').at(-1)).toBe('call.hangup');
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.resume');
    h.call('k1').send({ type: 'sip.call.ended', at: T0 });
    confirmReinvite(h, 'c1');
    expect(liveCalls(h)).toEqual(['c1']);
  });
});

describe('conference', () => {
  function conferenceOf(h: PhoneHarness, ...parties: string[]): void {
    h.register();
    const [first, ...others] = parties;
    if (!first) throw new Error('fixture');
    answer(h, first);
    for (const id of others) {
      const anchor = h.phone.getSnapshot().context.conference[0] ?? first;
      h.phone.send({ type: 'ui.conference.start', callId: anchor });
      if (h.phone.getSnapshot().value.consultation === 'holdingOriginal') confirmReinvite(h, anchor);
      dial(h, id, '+1555000' + id.padStart(4, '0'));
      connectOutgoing(h, id);
      h.phone.send({ type: 'ui.conference.merge' });
      for (const member of h.phone.getSnapshot().context.conference) {
        if (
          audio(h.call(member)) !== undefined &&
          JSON.stringify(audio(h.call(member))).includes('joining')
        ) {
          confirmReinvite(h, member);
        }
      }
    }
  }

  it('merge connects the original parties and the new participant; the original parties are taken off hold', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.conference.merge' });
    expect(h.effects.commandTypes('c1').slice(-1)).toEqual(['call.resume']);
    confirmReinvite(h, 'c1');
    expect(h.effects.commandTypes('c1').slice(-2)).toEqual(['call.resume', 'call.conference.join']);
    expect(h.effects.commandTypes('k1').at(-1)).toBe('call.conference.join');
    expect(h.phone.getSnapshot().value.conference).toBe('active');
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1', 'k1']);
    expect(hasTag(h.call('c1'), 'conference') && hasTag(h.call('k1'), 'conference')).toBe(true);
    expect(liveCalls(h)).toEqual([]);
  });

  it('a participant can be added before they answer; they join when they pick up', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    expect(h.effects.commandTypes('k1')).toEqual(['call.dial']);
    connectOutgoing(h, 'k1');
    expect(h.effects.commandTypes('k1')).toEqual(['call.dial', 'call.conference.join']);
    expect(hasTag(h.call('k1'), 'conference')).toBe(true);
  });

  it('repeat for each attendee: up to five parties, the agent included, and no more', () => {
    const h = startPhone({ maxLines: 6 });
    conferenceOf(h, 'c1', '2', '3', '4');
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1', '2', '3', '4']);
    expect(h.phone.getSnapshot().can({ type: 'ui.conference.start', callId: 'c1' })).toBe(false);
    h.phone.send({ type: 'ui.conference.start', callId: 'c1' });
    expect(h.phone.getSnapshot().value.consultation).toBe('idle');
  });

  it('one participant can be removed (beyond the document); the others stay', () => {
    const h = startPhone({ maxLines: 6 });
    conferenceOf(h, 'c1', '2', '3');
    h.phone.send({ type: 'ui.conference.remove', callId: '2' });
    expect(h.effects.commandTypes('2').at(-1)).toBe('call.hangup');
    h.call('2').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1', '3']);
    expect(h.phone.getSnapshot().value.conference).toBe('active');
  });

  it('when only one other party is left, the conference becomes an ordinary call', () => {
    const h = startPhone();
    conferenceOf(h, 'c1', '2');
    h.call('2').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().value.conference).toBe('none');
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.conference.leave');
    expect(liveCalls(h)).toEqual(['c1']);
  });

  it('the conference ends when the agent leaves: every party is hung up', () => {
    const h = startPhone({ maxLines: 6 });
    conferenceOf(h, 'c1', '2', '3');
    h.phone.send({ type: 'ui.conference.leave' });
    for (const id of ['c1', '2', '3']) {
      expect(h.effects.commandTypes(id).at(-1)).toBe('call.hangup');
      h.call(id).send({ type: 'sip.call.ended', at: T0 });
    }
    expect(h.phone.getSnapshot().value.conference).toBe('none');
    expect(h.phone.getSnapshot().value.availability).toBe('wrapUp');
  });
});

describe('adding a participant before they answer (OfficeConnect: the risks every participant hears)', () => {
  /** c1 and k1 answered and merged: a running conference the agent adds to. */
  function runningConference(): PhoneHarness {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    return h;
  }

  function addParticipant(h: PhoneHarness, callId: string): void {
    h.phone.send({ type: 'ui.conference.start', callId: 'c1' });
    dial(h, callId, '+15550002222');
  }

  function failWith(h: PhoneHarness, callId: string, reason: 'busy' | 'declined' | 'no-answer'): void {
    const statusCode = { busy: 486, declined: 603, 'no-answer': 480 }[reason];
    h.call(callId).send({ type: 'sip.call.failed', reason, statusCode, at: T0 + 1_000 });
  }

  it('all participants hear ringing until the call is answered (Conference clicked before the participant answers)', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    // No conference yet: the held customer hears hold music, not ringback.
    expect(h.effects.playingTone()).toBeNull();
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    expect(h.effects.playingTone()).toBe('ringback');
    connectOutgoing(h, 'k1');
    expect(h.effects.playingTone()).toBeNull();
    expect(h.effects.conferenceTones).toEqual([{ tone: 'ringback', stopped: true }]);
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1', 'k1']);
  });

  it('the participants already in the conference hear ringing while the agent dials a new participant, until it answers', () => {
    const h = runningConference();
    expect(h.effects.playingTone()).toBeNull();
    addParticipant(h, 'k2');
    expect(h.effects.playingTone()).toBe('ringback');
    h.call('k2').send({ type: 'sip.call.progress', earlyMedia: false });
    expect(h.effects.playingTone()).toBe('ringback');
    connectOutgoing(h, 'k2');
    expect(h.effects.playingTone()).toBeNull();
  });

  it.each(['busy', 'declined'] as const)(
    'all participants hear a busy signal when the new participant is %s, then the conference goes on',
    (reason) => {
      const h = runningConference();
      addParticipant(h, 'k2');
      failWith(h, 'k2', reason);
      expect(h.effects.playingTone()).toBe('busy');
      h.clock.advance(CONFERENCE_BUSY_TONE_MS - 1);
      expect(h.effects.playingTone()).toBe('busy');
      h.clock.advance(1);
      expect(h.effects.playingTone()).toBeNull();
      expect(h.effects.conferenceTones).toEqual([
        { tone: 'ringback', stopped: true },
        { tone: 'busy', stopped: true },
      ]);
      expect(h.phone.getSnapshot().value.conference).toBe('active');
      expect(h.phone.getSnapshot().context.conference).toEqual(['c1', 'k1']);
    },
  );

  it('a participant who does not answer, or whom the agent hangs up, ends the ringing without a busy signal', () => {
    const h = runningConference();
    addParticipant(h, 'k2');
    failWith(h, 'k2', 'no-answer');
    expect(h.effects.playingTone()).toBeNull();
    h.phone.send({
      type: 'ui.dial',
      callId: 'k3',
      number: '+15550003333',
      dial: dialOk('+15550003333'),
      at: T0,
    });
    expect(h.effects.playingTone()).toBe('ringback');
    h.phone.send({ type: 'ui.consult.cancel' });
    h.call('k3').send({ type: 'sip.call.ended', at: T0 });
    expect(h.effects.playingTone()).toBeNull();
    expect(h.effects.conferenceTones.map((t) => t.tone)).toEqual(['ringback', 'ringback']);
  });

  it('the one customer left hears the busy signal out before the conference becomes an ordinary call', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    failWith(h, 'k1', 'busy');
    expect(h.effects.playingTone()).toBe('busy');
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1']);
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.conference.join');
    h.clock.advance(CONFERENCE_BUSY_TONE_MS);
    expect(h.effects.playingTone()).toBeNull();
    expect(h.phone.getSnapshot().value.conference).toBe('none');
    expect(h.effects.commandTypes('c1').at(-1)).toBe('call.conference.leave');
    expect(liveCalls(h)).toEqual(['c1']);
  });
});

describe('one live call at a time, in the corners the random walk found', () => {
  it('the third party of a consultation is not dialled while another call has the audio', () => {
    const h = consultFor('transfer');
    answer(h, 'c2');
    dial(h, 'k1', '+15550001111');
    expect(h.hasCall('k1')).toBe(false);
    expect(h.phone.getSnapshot().context.error?.code).toBe('audio-busy');
    expect(liveCalls(h)).toEqual(['c2']);
  });

  it("a call added to the conference while still ringing rings into the conference, not into the agent's ear", () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    h.call('k1').send({ type: 'sip.call.progress', earlyMedia: true });
    h.phone.send({ type: 'ui.conference.merge' });
    expect(hasTag(h.call('k1'), 'conference')).toBe(true);
    expect(h.phone.getSnapshot().context.lines.k1).toBe('conference');
  });

  it('a last party left alone while the agent consults someone to add stays in the mix instead of being held', () => {
    const h = consultFor('conference', { maxLines: 5 });
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    h.phone.send({ type: 'ui.conference.start', callId: 'c1' });
    dial(h, 'k2', '+15550002222');
    connectOutgoing(h, 'k2');
    h.call('k1').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().context.conference).toEqual(['c1']);
    expect(h.effects.commandTypes('c1')).not.toContain('call.conference.leave');
    expect(liveCalls(h)).toEqual(['k2']);
    h.phone.send({ type: 'ui.consult.cancel' });
    h.call('k2').send({ type: 'sip.call.ended', at: T0 });
    expect(h.phone.getSnapshot().value.conference).toBe('none');
    expect(liveCalls(h)).toEqual(['c1']);
  });

  it('a party merged while its hold is in flight is taken off hold into the mix once the hold completes', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.hold', callId: 'k1' });
    h.phone.send({ type: 'ui.conference.merge' });
    expect(h.effects.commandTypes('k1').slice(-1)).toEqual(['call.hold']);
    confirmReinvite(h, 'k1');
    expect(h.effects.commandTypes('k1').slice(-1)).toEqual(['call.resume']);
    confirmReinvite(h, 'k1');
    confirmReinvite(h, 'c1');
    expect(h.effects.commandTypes('k1').slice(-1)).toEqual(['call.conference.join']);
    expect(hasTag(h.call('k1'), 'conference') && hasTag(h.call('c1'), 'conference')).toBe(true);
    expect(liveCalls(h)).toEqual([]);
  });

  it('an answer waiting for a hold is dropped if another call took the audio meanwhile', () => {
    const h = consultFor('conference');
    dial(h, 'k1', '+15550001111');
    connectOutgoing(h, 'k1');
    h.phone.send({ type: 'ui.conference.merge' });
    confirmReinvite(h, 'c1');
    h.ring('c3');
    h.phone.send({ type: 'ui.answer', callId: 'c3' });
    expect(h.effects.commandTypes('c3')).toEqual([]);
    expect(h.phone.getSnapshot().context.error?.code).toBe('audio-busy');
  });
});
