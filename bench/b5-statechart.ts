// B5: events per second through the phone statechart with five lines (five calls, one live, four on
// hold), for the record. Baseline: the same number of events through a two-state XState toggle, so the
// ratio says what the phone's routing, guards and call machines cost over XState itself.
import { performance } from 'node:perf_hooks';
import { assign, createActor, fromCallback, fromPromise, setup, type EventObject } from 'xstate';
import {
  callMachine,
  defaultPhoneSettings,
  phoneMachine,
  type AlertAgentInput,
  type CallRecord,
  type CallUiEvent,
  type SearchContactsInput,
  type PhoneSettings,
  type SipCallCommand,
  type SipSessionInput,
  type SipUserAgentInput,
  type UserAgentCommand,
} from '../src/call';
import type { ContactMatch } from '../src/crm';
import { round, summary, type Figure } from './figure';

/** A host actor that does nothing, typed as whichever actor the machine expects. */
const noop = <TEvent extends EventObject, TInput>() => fromCallback<TEvent, TInput>(() => () => undefined);

function startPhone() {
  const settings: PhoneSettings = { ...defaultPhoneSettings, maxLines: 5 };
  const logic = phoneMachine.provide({
    actors: {
      sipUserAgent: noop<UserAgentCommand, SipUserAgentInput>(),
      callMachine: callMachine.provide({
        actors: {
          sipSession: noop<SipCallCommand, SipSessionInput>(),
          alertAgent: noop<{ type: 'alert.noop' }, AlertAgentInput>(),
          searchContacts: fromPromise<ContactMatch[], SearchContactsInput>(async () => []),
          saveCallLog: fromPromise<unknown, CallRecord>(async () => undefined),
        },
        actions: { screenPop: () => undefined, popNewContactForm: () => undefined },
      }),
    },
    actions: { addToRecents: () => undefined },
  });
  const phone = createActor(logic, { input: { settings } });
  phone.start();
  phone.send({ type: 'ui.register' });
  phone.send({ type: 'sip.registration.succeeded' });
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
  for (const callId of ids) {
    phone.send({ type: 'sip.invite.received', callId, remote: { number: '+442079460001' }, at: Date.now() });
  }
  const lines = Object.keys(phone.getSnapshot().context.lines).length;
  if (lines !== 5) throw new Error(`B5: expected five lines, the phone holds ${lines}`);
  return { phone, ids };
}

function startToggle() {
  const toggle = setup({
    types: { events: {} as { type: 'toggle' }, context: {} as { n: number } },
  }).createMachine({
    context: { n: 0 },
    initial: 'a',
    states: {
      a: { on: { toggle: { target: 'b', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
      b: { on: { toggle: { target: 'a', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
    },
  });
  const actor = createActor(toggle);
  actor.start();
  return actor;
}

const EVENTS = 20_000;
const ROUNDS = 7;

export function benchStatechart(): Figure {
  const { phone, ids } = startPhone();
  const events: CallUiEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const callId = ids[i % ids.length] ?? 'c1';
    events.push(
      i % 2 === 0
        ? { type: 'ui.notes.changed', callId, text: `note ${i}` }
        : { type: 'ui.keypad.toggle', callId },
    );
  }
  const toggle = startToggle();
  const phoneRates: number[] = [];
  const toggleRates: number[] = [];
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    let t = performance.now();
    for (const event of events) phone.send(event);
    phoneRates.push(EVENTS / ((performance.now() - t) / 1000));
    t = performance.now();
    for (let i = 0; i < EVENTS; i++) toggle.send({ type: 'toggle' });
    toggleRates.push(EVENTS / ((performance.now() - t) / 1000));
  }
  phone.stop();
  toggle.stop();
  // The first round warms the JIT up; it is not counted.
  const value = summary(phoneRates.slice(1));
  const baseline = summary(toggleRates.slice(1));
  return {
    id: 'B5',
    name: 'phone statechart throughput, five lines',
    unit: 'events/s',
    value: Math.round(value.median),
    baseline: Math.round(baseline.median),
    ratio: round(value.median / baseline.median, 3),
    goal: 'for the record',
    pass: true,
    detail: { eventsPerRound: EVENTS, rounds: ROUNDS - 1, phone: value, toggle: baseline },
  };
}
