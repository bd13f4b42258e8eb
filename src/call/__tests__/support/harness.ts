// Starts call and phone actors on a manual clock with recording fakes, and builds their inputs.
import { createActor } from 'xstate';
import type { Actor, AnyActorRef, InspectionEvent } from 'xstate';
import type { ContactMatch } from '../../customer';
import type { DialResult } from '../../../dialing';
import type { CallInput } from '../../call-context';
import type { CallMachine } from '../../call-machine';
import type { PhoneMachine } from '../../phone-machine';
import type { CallSettings, PhoneSettings } from '../../phone-settings';
import { defaultCallSettings, defaultPhoneSettings } from '../../phone-settings';
import type { AutoSettle } from './effects';
import { Effects } from './effects';
import { ManualClock } from './manual-clock';

export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

export const testCallSettings: CallSettings = {
  ...defaultCallSettings,
  wrapUpSeconds: 30,
  maxHoldSeconds: 120,
};

export const testPhoneSettings: PhoneSettings = {
  ...defaultPhoneSettings,
  maxLines: 3,
  call: testCallSettings,
};

export const ann: ContactMatch = {
  id: '003000000000001',
  name: 'Ann Smith',
  objectType: 'Contact',
  phone: '+44 20 7946 0001',
  accountName: 'Acme',
};
export const bob: ContactMatch = {
  id: '00Q000000000002',
  name: 'Bob Jones',
  objectType: 'Lead',
  phone: '+442079460001',
};

/** What src/dialing's prepareDial returns for a number that passes the rules (outside-line prefix 9). */
export function dialOk(e164: string): DialResult {
  return {
    ok: true,
    target: { kind: 'pstn', input: e164, e164, dialString: `9${e164.replace('+', '00')}`, display: e164 },
  };
}

/** What prepareDial returns for an emergency number (dialled as-is, never refused). */
export function dialEmergency(number = '911'): DialResult {
  return {
    ok: true,
    target: { kind: 'pstn', input: number, dialString: number, display: number, emergency: true },
  };
}

export function dialRefused(message = 'This number is blocked by your dial plan.'): DialResult {
  return { ok: false, code: 'denied-by-dial-plan', message };
}

export function incomingInput(overrides: Partial<CallInput> = {}): CallInput {
  return {
    callId: 'c1',
    direction: 'incoming',
    mode: 'softphone',
    settings: testCallSettings,
    startedAt: T0,
    remote: { number: '+442079460001', displayName: 'Ann' },
    ...overrides,
  };
}

export function outgoingInput(e164 = '+15551230000', overrides: Partial<CallInput> = {}): CallInput {
  const dial = dialOk(e164);
  return {
    callId: 'c1',
    direction: 'outgoing',
    mode: 'softphone',
    settings: testCallSettings,
    startedAt: T0,
    remote: { number: e164, displayName: e164 },
    dial,
    ...overrides,
  };
}

export interface CallHarness {
  actor: Actor<CallMachine>;
  effects: Effects;
  clock: ManualClock;
}

export interface StartOptions {
  /** Reuse one provided machine and its recorder (reset before the start). */
  reuse?: { effects: Effects; logic: ReturnType<Effects['callLogic']> };
  inspect?: (event: InspectionEvent) => void;
}

export function startCall(input: CallInput, auto: AutoSettle = {}, options: StartOptions = {}): CallHarness {
  const effects = options.reuse?.effects ?? new Effects(auto);
  effects.reset();
  const clock = new ManualClock();
  const logic = options.reuse?.logic ?? effects.callLogic();
  const actor = createActor(logic, { input, clock, inspect: options.inspect });
  clock.attach(actor.system);
  actor.start();
  return { actor, effects, clock };
}

export interface PhoneHarness {
  phone: Actor<PhoneMachine>;
  effects: Effects;
  clock: ManualClock;
  /** The call actor for a call id (throws when the phone has no such call). */
  call(callId: string): AnyActorRef;
  hasCall(callId: string): boolean;
  register(): void;
  ring(callId: string, number?: string): void;
}

export interface PhoneStartOptions {
  reuse?: { effects: Effects; logic: ReturnType<Effects['phoneLogic']> };
  inspect?: (event: InspectionEvent) => void;
}

export function startPhone(
  settings: Partial<PhoneSettings> = {},
  auto: AutoSettle = {},
  options: PhoneStartOptions = {},
): PhoneHarness {
  const effects = options.reuse?.effects ?? new Effects(auto);
  effects.reset();
  const clock = new ManualClock();
  const logic = options.reuse?.logic ?? effects.phoneLogic();
  const phone = createActor(logic, {
    input: { settings: { ...testPhoneSettings, ...settings } },
    clock,
    inspect: options.inspect,
  });
  clock.attach(phone.system);
  phone.start();
  const call = (callId: string): AnyActorRef => {
    const ref = (phone.getSnapshot().children as Record<string, AnyActorRef | undefined>)[callId];
    if (!ref) throw new Error(`the phone has no call ${callId}`);
    return ref;
  };
  return {
    phone,
    effects,
    clock,
    call,
    hasCall: (callId) => (phone.getSnapshot().children as Record<string, unknown>)[callId] !== undefined,
    register: () => {
      phone.send({ type: 'ui.register' });
      phone.send({ type: 'sip.registration.succeeded' });
    },
    ring: (callId, number = '+442079460001') => {
      phone.send({ type: 'sip.invite.received', callId, remote: { number }, at: clock.now() + T0 });
    },
  };
}
