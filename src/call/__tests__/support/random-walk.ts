// A seeded random walk over a phone with real call actors: events from the agent, the SIP layer, the CRM
// and the clock, chosen mostly among those the current states accept, with invariant checks after each.
import { getStateNodes } from 'xstate';
import type { AnyActorRef, AnyMachineSnapshot, EventObject } from 'xstate';
import type { ContactMatch } from '../../customer';
import { CallLogError } from '../../../crm/call-log-error';
import type { CallContext } from '../../call-context';
import type { CallSipEvent } from '../../call-events';
import type { CallFailureReason, DeviceFailureReason } from '../../call-failure';
import type { PhoneEvent } from '../../phone-events';
import { MAX_CONFERENCE_PARTIES } from '../../phone-settings';
import type { PhoneSettings } from '../../phone-settings';
import { reconnectDelayMs } from '../../sip-timing';
import { Effects } from './effects';
import { ann, bob, dialOk, dialRefused, T0 } from './harness';
import { ManualClock } from './manual-clock';
import { createActor } from 'xstate';

/** mulberry32: small, fast and good enough to make a walk reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type CallSnapshot = AnyMachineSnapshot & { context: CallContext };

export interface WalkStats {
  events: number;
  accepted: number;
  calls: number;
  connectedCalls: number;
  wrappedUp: number;
  conferencesOf: Record<number, number>;
  maxConcurrentCalls: number;
  timersFired: number;
  sipFailures: number;
}

interface CallHistory {
  connected: boolean;
  wrappedUp: boolean;
  finished: boolean;
}

const RARE = new Set<string>([
  'ui.transfer.start',
  'ui.conference.start',
  'ui.transfer.complete',
  'ui.conference.merge',
  'ui.conference.remove',
  'ui.dial',
]);

/** Failures and endings: real, but rarer than the events that carry a call forward. */
const DISRUPTIVE_EVENTS = new Set<string>([
  'sip.call.ended',
  'ui.hangup',
  'ui.consult.cancel',
  'ui.conference.leave',
  'sip.call.failed',
  'sip.session.failed',
  'sip.reinvite.failed',
  'sip.transfer.failed',
  'sip.device.failed',
  'sip.registration.failed',
  'sip.registration.ended',
  'sip.transport.disconnected',
  'sip.invite.canceled',
  'ui.unregister',
]);

const FAILURE_REASONS: CallFailureReason[] = ['busy', 'no-answer', 'not-found', 'declined', 'network'];
const DEVICE_FAILURES: DeviceFailureReason[] = ['device-busy', 'device-unreachable', 'device-voicemail'];

export class RandomWalk {
  readonly effects = new Effects();
  readonly clock = new ManualClock();
  readonly stats: WalkStats = {
    events: 0,
    accepted: 0,
    calls: 0,
    connectedCalls: 0,
    wrappedUp: 0,
    conferencesOf: {},
    maxConcurrentCalls: 0,
    timersFired: 0,
    sipFailures: 0,
  };
  /** The last events, to explain a broken invariant. */
  readonly trail: string[] = [];
  private readonly phone;
  private readonly history = new Map<string, CallHistory>();
  private lastCalls = new Map<string, AnyActorRef>();
  private nextId = 1;

  constructor(
    private readonly random: () => number,
    settings: PhoneSettings,
    /** An agent who keeps building conferences (between the random events), to reach five parties. */
    private readonly intent: 'none' | 'conference' = 'none',
  ) {
    const calls = this.effects.callLogic();
    const logic = this.effects.phoneLogic(calls).provide({
      delays: {
        reconnectBackoff: ({ context }) =>
          reconnectDelayMs(context.reconnectAttempt, context.settings.reconnect, random()),
      },
    });
    this.phone = createActor(logic, { input: { settings }, clock: this.clock });
    this.clock.attach(this.phone.system);
    this.phone.start();
  }

  /** Takes one random step and returns the problems the invariants found after it. */
  step(): string[] {
    const description = this.takeStep();
    this.stats.events++;
    this.trail.push(description);
    if (this.trail.length > 25) this.trail.shift();
    return this.checkInvariants();
  }

  stop(): void {
    this.phone.stop();
  }

  private calls(): Map<string, AnyActorRef> {
    const children = this.phone.getSnapshot().children as Record<string, AnyActorRef | undefined>;
    const calls = new Map<string, AnyActorRef>();
    for (const [id, ref] of Object.entries(children))
      if (id !== 'ua' && id !== 'conferenceTone' && ref) calls.set(id, ref);
    return calls;
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Agents finish wrap-up and dismiss failed calls too: one step of that once more than `keep` pile up. */
  private tidyUp(keep: number): string | null {
    const { lines } = this.phone.getSnapshot().context;
    const done = Object.keys(lines).filter((id) => lines[id] === 'wrapUp' || lines[id] === 'ended');
    if (done.length <= keep) return null;
    const id = this.pick(done);
    const pendingSave = this.effects.pendingSave(id);
    if (pendingSave) {
      pendingSave.ref.send({ type: 'test.resolve', output: undefined });
      return `tidy: save for ${id} done`;
    }
    // A wrap-up whose log the CRM refused ends only when the agent gives the log up.
    const wrapUpEnd = this.pick(['ui.wrapUp.close', 'ui.wrapUp.closeWithoutLog'] as const);
    const event: PhoneEvent = { type: lines[id] === 'wrapUp' ? wrapUpEnd : 'ui.dismiss', callId: id };
    this.phone.send(event);
    return `tidy: phone ← ${JSON.stringify(event)}`;
  }

  /** The next step of building a conference from where the phone is, if there is one. */
  private conferenceIntent(): string | null {
    const phone = this.phone.getSnapshot();
    const { lines, consultation, conference } = phone.context;
    const calls = this.calls();
    const send = (to: string, event: EventObject & Record<string, unknown>): string | null => {
      const ref = calls.get(to);
      if (!ref || !(ref.getSnapshot() as CallSnapshot).can(event)) return null;
      ref.send(event);
      return `intent: ${to} ← ${event.type}`;
    };
    const tell = (event: PhoneEvent): string | null => {
      if (!phone.can(event)) return null;
      this.phone.send(event);
      if (event.type === 'ui.dial' || event.type === 'sip.invite.received') this.nextId++;
      return `intent: phone ← ${event.type}`;
    };
    const tidied = this.tidyUp(2);
    if (tidied) return tidied;
    for (const member of conference) {
      const joining = send(member, { type: 'sip.reinvite.succeeded' });
      if (joining) return joining;
    }
    const state = phone.value.consultation;
    if (state === 'holdingOriginal' && consultation?.originalCallId) {
      return send(consultation.originalCallId, { type: 'sip.reinvite.succeeded' });
    }
    if (state === 'awaitingTarget') {
      return tell({
        type: 'ui.dial',
        callId: `w${this.nextId}`,
        number: '+1555',
        dial: dialOk('+15550002222'),
        at: this.at(),
      });
    }
    if (state === 'dialing' && consultation?.consultCallId) {
      return send(consultation.consultCallId, { type: 'sip.call.answered', at: this.at() });
    }
    if (state === 'talking') return tell({ type: 'ui.conference.merge' });
    if (state !== 'idle') return null;
    const anchor = conference[0] ?? Object.keys(lines).find((id) => lines[id] === 'live');
    if (anchor) return tell({ type: 'ui.conference.start', callId: anchor });
    const ringing = Object.keys(lines).find((id) => lines[id] === 'ringing');
    if (ringing) return tell({ type: 'ui.answer', callId: ringing });
    const connecting = Object.keys(lines).find((id) => lines[id] === 'connecting');
    if (connecting) return send(connecting, { type: 'sip.call.answered', at: this.at() });
    return tell({
      type: 'sip.invite.received',
      callId: `w${this.nextId}`,
      remote: { number: '+1555' },
      at: this.at(),
    });
  }

  /** Calls still in progress, and the third party of a consultation, get the attention an agent gives them. */
  private pickCall(calls: Array<[string, AnyActorRef]>): [string, AnyActorRef] {
    const { lines, consultation } = this.phone.getSnapshot().context;
    const legs = calls.filter(([id]) => id === consultation?.consultCallId);
    if (legs.length > 0 && this.random() < 0.5) return this.pick(legs);
    const busy = calls.filter(([id]) => lines[id] !== 'wrapUp' && lines[id] !== 'ended');
    return busy.length > 0 && this.random() < 0.75 ? this.pick(busy) : this.pick(calls);
  }

  private at(): number {
    return T0 + this.clock.now();
  }

  private takeStep(): string {
    if (this.intent === 'conference' && this.random() < 0.35) {
      const directed = this.conferenceIntent();
      if (directed) return directed;
    }
    const tidied = this.random() < 0.1 ? this.tidyUp(4) : null;
    if (tidied) return tidied;
    const roll = this.random();
    const calls = [...this.calls().entries()];
    // 10% (6% before the walk also picked click-to-dial cards, lost registrations and call logs refused for
    // good, which leave fewer timers pending: the no-work-timer walk then fell under its timer floor).
    if (roll < 0.1) {
      if (this.clock.fireNext()) {
        this.stats.timersFired++;
        return 'timer fired';
      }
    }
    if (roll < 0.18) return this.settleCrmWork();
    if (roll < 0.26 || calls.length === 0) return this.phoneEvent();
    const [callId, ref] = this.pickCall(calls);
    return this.random() < 0.5 ? this.sipEvent(callId, ref) : this.agentEvent(callId, ref);
  }

  /**
   * Mostly an event the target accepts, the SIP layer's failures less often than its successes;
   * sometimes any event, to show that the rest is ignored safely.
   */
  private sendOneOf(
    target: { send(e: PhoneEvent): void } | { send(e: EventObject): void },
    snapshot: { can(e: EventObject): boolean },
    events: EventObject[],
  ): string {
    // Asking every event is costly: a random handful is asked, which keeps the choice random too.
    const sample = events.length <= 8 ? events : Array.from({ length: 8 }, () => this.pick(events));
    const accepted = sample.filter((e) => snapshot.can(e));
    const forward = accepted.filter((e) => !DISRUPTIVE_EVENTS.has(e.type));
    const roll = this.random();
    const event =
      forward.length > 0 && roll < 0.65
        ? this.pick(forward)
        : accepted.length > 0 && roll < 0.8
          ? this.pick(accepted)
          : this.pick(events);
    if (snapshot.can(event)) this.stats.accepted++;
    if (event.type === 'sip.session.failed' || event.type === 'sip.transport.disconnected')
      this.stats.sipFailures++;
    (target as { send(e: EventObject): void }).send(event);
    return JSON.stringify(event);
  }

  private phoneEvent(): string {
    const lines = this.phone.getSnapshot().context.lines;
    const ids = Object.keys(lines);
    // Transfers and conferences start from a live call or a conference member: aim there mostly.
    const live = ids.filter((id) => lines[id] === 'live' || lines[id] === 'conference');
    const any =
      live.length > 0 && this.random() < 0.8 ? this.pick(live) : ids.length > 0 ? this.pick(ids) : 'none';
    const fresh = `w${this.nextId}`;
    const events: PhoneEvent[] = [
      { type: 'ui.register' },
      { type: 'ui.unregister' },
      { type: 'sip.registration.succeeded' },
      {
        type: 'sip.registration.failed',
        reason: this.pick(['bad-credentials', 'forbidden', 'server-unreachable']),
      },
      { type: 'sip.registration.ended' },
      { type: 'sip.transport.disconnected' },
      { type: 'ui.availability.away' },
      { type: 'ui.availability.available' },
      { type: 'ui.error.dismiss' },
      { type: 'sip.invite.received', callId: fresh, remote: { number: '+442079460001' }, at: this.at() },
      { type: 'ui.dial', callId: fresh, number: '+15551230000', dial: dialOk('+15551230000'), at: this.at() },
      {
        type: 'crm.clickToDial',
        callId: fresh,
        number: '1900',
        dial: dialRefused(),
        at: this.at(),
        record: ann,
      },
      {
        type: 'crm.clickToDial',
        callId: fresh,
        number: '+15550001111',
        dial: dialOk('+15550001111'),
        at: this.at(),
      },
      {
        type: 'ui.clickToDial.confirm',
        callId: this.phone.getSnapshot().context.clickToDial?.callId ?? fresh,
      },
      {
        type: 'ui.clickToDial.cancel',
        callId: this.phone.getSnapshot().context.clickToDial?.callId ?? fresh,
      },
      { type: 'ui.transfer.start', callId: any },
      { type: 'ui.conference.start', callId: any },
      { type: 'ui.transfer.complete' },
      { type: 'ui.conference.merge' },
      { type: 'ui.consult.cancel' },
      { type: 'ui.conference.remove', callId: any },
      { type: 'ui.conference.leave' },
    ];
    // Registration churn is rare next to calls, or the phone would spend the walk offline.
    const weighted = this.phone.getSnapshot().matches({ registration: 'registered' })
      ? events.filter(
          (e) =>
            (!e.type.startsWith('sip.registration') && e.type !== 'ui.unregister') || this.random() < 0.1,
        )
      : events;
    // Consultation steps are rare among the accepted events: favour them when they are possible.
    const rare = weighted.filter((e) => RARE.has(e.type) && this.phone.getSnapshot().can(e));
    const description = this.sendOneOf(
      this.phone,
      this.phone.getSnapshot(),
      rare.length > 0 && this.random() < 0.6 ? rare : weighted,
    );
    if (description.includes(fresh)) this.nextId++;
    return `phone ← ${description}`;
  }

  private agentEvent(callId: string, ref: AnyActorRef): string {
    const snapshot = ref.getSnapshot() as CallSnapshot;
    const matchIds = snapshot.context.matches.map((m: ContactMatch) => m.id);
    const events: PhoneEvent[] = [
      { type: 'ui.answer', callId },
      { type: 'ui.reject', callId },
      { type: 'ui.rejectWithText', callId, text: this.pick(['Call you back', ' ']) },
      {
        type: 'ui.redirect',
        callId,
        number: '+15550001111',
        dial: this.pick([dialOk('+15550001111'), dialRefused()]),
      },
      { type: 'ui.hangup', callId },
      { type: 'ui.hold', callId },
      { type: 'ui.resume', callId },
      { type: 'ui.mute', callId },
      { type: 'ui.unmute', callId },
      { type: 'ui.keypad.toggle', callId },
      { type: 'ui.dtmf', callId, digits: this.pick(['1', '#', 'x']) },
      { type: 'ui.notes.changed', callId, text: `note ${this.stats.events}` },
      { type: 'ui.notes.save', callId },
      { type: 'ui.disposition.changed', callId, disposition: 'Done' },
      { type: 'ui.contact.pick', callId, recordId: matchIds.length > 0 ? this.pick(matchIds) : 'none' },
      { type: 'ui.contact.new', callId },
      { type: 'ui.contact.cancel', callId },
      { type: 'ui.contact.retry', callId },
      { type: 'crm.contact.created', callId, record: bob },
      { type: 'ui.wrapUp.save', callId },
      { type: 'ui.wrapUp.saveAndClose', callId },
      { type: 'ui.wrapUp.close', callId },
      { type: 'ui.wrapUp.saveWithoutRecord', callId },
      { type: 'ui.wrapUp.closeWithoutLog', callId },
      { type: 'ui.dismiss', callId },
      { type: 'ui.transfer.start', callId },
      { type: 'ui.conference.start', callId },
      { type: 'ui.conference.remove', callId },
    ];
    // The phone routes these; whether the call or the phone would take one is what makes it worth sending.
    const phone = this.phone.getSnapshot();
    const routed = { can: (e: EventObject) => snapshot.can(e) || phone.can(e as PhoneEvent) };
    const description = this.sendOneOf(this.phone, routed, events);
    return `phone ← ${description}`;
  }

  private sipEvent(callId: string, ref: AnyActorRef): string {
    const at = this.at();
    const events: CallSipEvent[] = [
      { type: 'sip.call.progress', earlyMedia: this.random() < 0.5 },
      { type: 'sip.call.answered', at },
      { type: 'sip.call.failed', reason: this.pick(FAILURE_REASONS), statusCode: 486, at },
      { type: 'sip.call.ended', at },
      { type: 'sip.invite.canceled', at },
      { type: 'sip.invite.answeredElsewhere', at },
      { type: 'sip.dialog.terminated', at },
      { type: 'sip.reinvite.succeeded' },
      { type: 'sip.reinvite.failed', statusCode: 491 },
      { type: 'sip.reinvite.failed', statusCode: 500 },
      { type: 'sip.reinvite.failed', statusCode: 488 },
      { type: 'sip.transfer.accepted' },
      { type: 'sip.transfer.succeeded', at },
      { type: 'sip.transfer.failed', statusCode: 603 },
      { type: 'sip.device.answered' },
      { type: 'sip.device.keyPressed', key: '1' },
      { type: 'sip.device.failed', reason: this.pick(DEVICE_FAILURES) },
      { type: 'sip.session.failed', message: 'transport closed', at },
    ];
    return `${callId} ← ${this.sendOneOf(ref, ref.getSnapshot() as CallSnapshot, events)}`;
  }

  private settleCrmWork(): string {
    const work = [
      ...this.effects.searches
        .filter((s) => s.ref.getSnapshot().status === 'active')
        .map((s) => ['search', s] as const),
      ...this.effects.saves
        .filter((s) => s.ref.getSnapshot().status === 'active')
        .map((s) => ['save', s] as const),
    ];
    if (work.length === 0) return 'no CRM work pending';
    const [kind, item] = this.pick(work);
    const fail = this.random() < 0.2;
    if (kind === 'search') {
      const matches: ContactMatch[] = this.pick([[], [ann], [ann, bob]]);
      item.ref.send(
        fail
          ? { type: 'test.reject', error: new Error('offline') }
          : { type: 'test.resolve', output: matches },
      );
    } else {
      // A failed save is mostly a busy Salesforce, sometimes a refusal for good (the agent then decides).
      const failure =
        this.random() < 0.8
          ? new Error('locked')
          : this.pick([
              new CallLogError('RELATED_RECORD', 'entity is deleted'),
              new CallLogError('VALIDATION_RULE', 'Notes must name the order.'),
            ]);
      item.ref.send(
        fail ? { type: 'test.reject', error: failure } : { type: 'test.resolve', output: undefined },
      );
    }
    return `${kind} for ${item.callId} ${fail ? 'failed' : 'done'}`;
  }

  private track(callId: string): void {
    this.stats.calls++;
    this.history.set(callId, { connected: false, wrappedUp: false, finished: false });
  }

  /** The invariants of issue 3, checked after every step. */
  private checkInvariants(): string[] {
    const problems: string[] = [];
    const phoneSnapshot = this.phone.getSnapshot();
    const calls = this.calls();
    this.stats.maxConcurrentCalls = Math.max(this.stats.maxConcurrentCalls, calls.size);

    // At most one call with live audio outside a conference.
    const live = [...calls].filter(([, ref]) => {
      const s = ref.getSnapshot() as CallSnapshot;
      return s.hasTag('liveAudio') && !s.hasTag('conference');
    });
    if (live.length > 1)
      problems.push(`${live.length} calls have live audio: ${live.map(([id]) => id).join(', ')}`);

    // No more than five conference parties, the agent included.
    const members = [...calls.values()].filter((ref) =>
      (ref.getSnapshot() as CallSnapshot).hasTag('conference'),
    ).length;
    if (members + 1 > MAX_CONFERENCE_PARTIES) problems.push(`${members + 1} parties in the conference`);
    if (phoneSnapshot.context.conference.length + 1 > MAX_CONFERENCE_PARTIES)
      problems.push('conference list too long');
    if (phoneSnapshot.context.conference.length >= 2) {
      const size = phoneSnapshot.context.conference.length + 1;
      this.stats.conferencesOf[size] = (this.stats.conferencesOf[size] ?? 0) + 1;
    }

    // The phone's lines are exactly its call actors.
    const lineIds = Object.keys(phoneSnapshot.context.lines).sort().join(',');
    if (lineIds !== [...calls.keys()].sort().join(','))
      problems.push(`lines ${lineIds} but calls ${[...calls.keys()]}`);

    for (const [callId, ref] of calls) {
      const s = ref.getSnapshot() as CallSnapshot;
      // Calls appear on the step that creates them, or later (a dial queued behind a hold).
      if (!this.history.has(callId)) this.track(callId);
      const history = this.history.get(callId) as CallHistory;
      if (s.context.answeredAt !== null && !history.connected) {
        history.connected = true;
        this.stats.connectedCalls++;
      }
      if (s.matches({ progress: 'wrapUp' }) && !history.wrappedUp) {
        history.wrappedUp = true;
        this.stats.wrappedUp++;
      }
      // Every non-final state has a way out when the SIP layer fails.
      if (s.matches({ progress: 'session' }) && !s.can({ type: 'sip.session.failed', message: 'x', at: 0 })) {
        problems.push(`${callId} in ${JSON.stringify(s.value)} has no way out of a SIP failure`);
      }
      if (s.matches({ progress: 'failed' }) && !s.can({ type: 'ui.dismiss', callId })) {
        problems.push(`${callId} failed without a way to dismiss it`);
      }
    }

    // No call disappears without an end event; every connected call that ends passes through wrap-up.
    for (const [callId, ref] of this.lastCalls) {
      if (calls.has(callId)) continue;
      const s = ref.getSnapshot() as CallSnapshot;
      const history = this.history.get(callId);
      if (history && s.context.answeredAt !== null) history.connected = true;
      if (s.status !== 'done' || !s.matches({ progress: 'finished' })) {
        problems.push(`call ${callId} disappeared in ${JSON.stringify(s.value)}`);
      }
      if (!this.effects.recents.some((r) => r.callId === callId))
        problems.push(`call ${callId} ended without a record`);
      if (history?.connected && !history.wrappedUp)
        problems.push(`connected call ${callId} ended without wrap-up`);
      if (history) history.finished = true;
    }
    this.lastCalls = calls;

    // The phone always has a way out of a SIP failure too.
    if (
      phoneSnapshot.matches({ registration: 'registered' }) &&
      !phoneSnapshot.can({ type: 'sip.transport.disconnected' })
    ) {
      problems.push('registered phone ignores a lost connection');
    }
    // Nor does it stay "registered" once the registrar stopped routing calls to it.
    if (
      phoneSnapshot.matches({ registration: 'registered' }) &&
      !phoneSnapshot.can({ type: 'sip.registration.ended' })
    ) {
      problems.push('registered phone ignores a lost registration');
    }

    // No timer outlives its state.
    for (const timer of this.clock.pending()) {
      const scheduled = timer.scheduled;
      if (!scheduled) {
        problems.push(`timer ${timer.id} belongs to no scheduled event`);
        continue;
      }
      const owner = scheduled.source.getSnapshot() as AnyMachineSnapshot;
      if (owner.status !== 'active') {
        problems.push(`${scheduled.event.type} outlived its actor`);
        continue;
      }
      const match = /^xstate\.after\.[^.]+\.(.+)$/.exec(scheduled.event.type);
      const stateId = match?.[1];
      if (stateId && !getStateNodes(owner.machine.root, owner.value).some((n) => n.id === stateId)) {
        problems.push(`${scheduled.event.type} outlived its state`);
      }
    }
    return problems;
  }
}
