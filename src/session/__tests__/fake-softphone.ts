// The leader tab's phone stand-in: implements the session's SoftphonePort, records what the session asks of it
// and publishes the views the test sets (the real createSoftphone is covered by its own unit and integration tests).
import type { CallView, SoftphoneView } from '../../view/softphone-view';
import { waitingView } from '../session-view';
import type { SoftphonePort } from '../softphone-port';

export const idleView = (): SoftphoneView => ({
  ...waitingView('softphone'),
  registration: 'registered',
  canDial: true,
});

export function ringingCall(callId: string, answerable = true): CallView {
  return {
    callId,
    direction: 'incoming',
    status: 'ringing',
    remote: { number: '+15551234567', displayName: 'Customer' },
    title: 'Customer',
    startedAt: 1,
    answeredAt: null,
    endedAt: null,
    contact: { state: 'none', matches: [], chosen: null, error: null },
    muted: false,
    keypadOpen: false,
    notes: '',
    disposition: null,
    outcome: null,
    failure: null,
    error: null,
    wrapUp: {
      active: false,
      timerEndsAt: null,
      saving: false,
      saved: true,
      saveError: null,
      refusal: null,
    },
    inConference: false,
    quality: null,
    actions: {
      answer: answerable,
      reject: answerable,
      rejectWithText: answerable,
      redirect: answerable,
      hangup: !answerable,
      hold: false,
      resume: false,
      mute: false,
      unmute: false,
      keypad: false,
      dtmf: false,
      saveNotes: false,
      saveAndClose: false,
      closeWrapUp: false,
      dismiss: false,
      pickContact: false,
      newContact: false,
      transfer: false,
      conference: false,
      removeFromConference: false,
      saveWithoutRecord: false,
      closeWithoutLog: false,
    },
  };
}

export interface FakeSoftphone extends SoftphonePort {
  readonly sent: unknown[];
  readonly dialled: { number: string; options: unknown }[];
  readonly redirected: { callId: string; number: string }[];
  started: number;
  stopped: number;
  suspended: number;
  readonly choices: unknown[];
  setView(view: SoftphoneView): void;
}

export function fakeSoftphone(): FakeSoftphone {
  let view = idleView();
  const listeners = new Set<(view: SoftphoneView) => void>();
  const phone: FakeSoftphone = {
    sent: [] as unknown[],
    dialled: [] as { number: string; options: unknown }[],
    redirected: [] as { callId: string; number: string }[],
    started: 0,
    stopped: 0,
    suspended: 0,
    choices: [] as unknown[],
    view: () => view,
    async audioDevices() {
      return {
        inputs: [{ deviceId: 'mic-2', label: 'Headset microphone', kind: 'audioinput' }],
        outputs: [{ deviceId: 'spk-2', label: 'Headset', kind: 'audiooutput' }],
        choice: { microphone: '', speaker: '', ringer: '' },
      };
    },
    async chooseAudioDevices(choice: { speaker?: string }) {
      if (choice.speaker === 'gone') throw new Error('That speaker is no longer connected.');
      phone.choices.push(choice);
    },
    subscribe(listener: (view: SoftphoneView) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setView(next: SoftphoneView) {
      view = next;
      for (const listener of listeners) listener(view);
    },
    send(event: unknown) {
      phone.sent.push(event);
    },
    dial(number: string, options: { callId?: string } = {}) {
      phone.dialled.push({ number, options });
      return options.callId ?? 'leader-named';
    },
    redirect(callId: string, number: string) {
      phone.redirected.push({ callId, number });
    },
    start() {
      phone.started += 1;
    },
    async stop() {
      phone.stopped += 1;
    },
    suspend() {
      phone.suspended += 1;
    },
  };
  return phone;
}
