// The composition root, wiring only, in named steps: the agent's audio and SIP.js on it, the phone
// statechart given its real actors (SIP, the CRM port, the agent alert from the host), the stores that
// outlive the page, and a view model for whichever UI hosts it.
import { createActor, fromCallback, type Actor } from 'xstate';
import {
  callMachine,
  defaultPhoneSettings,
  phoneMachine,
  type AlertAgentInput,
  type CallRecord,
  type CallUiEvent,
  type ConferenceToneInput,
  type PhoneMachine,
  type PhoneSettings,
  type PhoneUiEvent,
} from './call';
import type { CrmPort } from './crm';
import { createCrmActors, type ScreenPopPolicy } from './crm/actors';
import { afterNumberingPlans, defaultDialingSettings, prepareDial, type DialingSettings } from './dialing';
import {
  keepLateNotes,
  linkStores,
  openStores,
  type LinkedStores,
  type StorageOptions,
  type Stores,
} from './continuity/open-stores';
import type { AudioRouting, AudioRoutingOptions } from './media/audio-routing';
import type { DeviceHook, SipPhone, SipPhoneConfig } from './sip';
import { createSipActors } from './sip/actors';
import type { SoftphonePort } from './session/softphone-port';
import { afterDeskphone, deskphoneParts, DESKPHONE_LOADING } from './deskphone';
import { connectSip, deviceHookOf, watchQuality } from './softphone-sip';
import { softphoneView, type SoftphoneView } from './view/softphone-view';

export interface SoftphoneOptions {
  sip: SipPhoneConfig;
  crm: CrmPort;
  phone?: Partial<Omit<PhoneSettings, 'call'>> & { call?: Partial<PhoneSettings['call']> };
  dialing?: DialingSettings;
  screenPop?: ScreenPopPolicy;
  /** Rings, opens or highlights the utility while a call alerts the agent; returns what stops it. */
  alert?: (input: AlertAgentInput) => () => void;
  /**
   * Each finished call, for the recents lists (missed calls included); when it returns a promise, the
   * view's recentsRevision changes once it resolved (the host recorded the call).
   */
  onRecent?: (record: CallRecord) => unknown;
  /** Problems that lose nothing but the agent should hear of (a failed screen pop). */
  onError?: (error: unknown) => void;
  now?: () => number;
  /** Names outgoing calls (it becomes the SIP Call-ID, which keys the call log). */
  newCallId?: () => string;
  /** The agent's audio: see src/media/audio-routing.ts. */
  media?: AudioRoutingOptions;
  /**
   * Deskphone mode: the agent's own phone (a number, read at each call) and, in a browser, the prompt
   * played to it and the key listener on its audio (see src/media/device-media.ts).
   */
  device?: Omit<DeviceHook, 'device'> & { number: () => string | undefined };
  /** How often each connected call's getStats is read for its quality (default 5000 ms; 0: never). */
  qualityIntervalMs?: number;
  /** What is kept across pages, and sealed with which key: see src/continuity/open-stores.ts. */
  storage?: StorageOptions;
}

export type { DialOptions, DialSource } from './session/softphone-port';

type UiEvent = PhoneUiEvent | CallUiEvent;

/** The real phone: what the tab session drives (SoftphonePort), and the parts only its own page uses. */
export interface Softphone extends SoftphonePort {
  readonly actor: Actor<PhoneMachine>;
  readonly sip: SipPhone;
  /** What the agent hears of a conference (undefined before one started): play it in an audio element. */
  conferenceAudio(): MediaStream | undefined;
  /** Resumes the conference's AudioContext: call it from the agent's click (autoplay policy). */
  resumeAudio(): Promise<void>;
}

function randomCallId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The host's phone settings over the defaults, the nested ones merged too. */
function phoneSettings(phone: SoftphoneOptions['phone']): PhoneSettings {
  return {
    ...defaultPhoneSettings,
    ...phone,
    reconnect: { ...defaultPhoneSettings.reconnect, ...phone?.reconnect },
    call: { ...defaultPhoneSettings.call, ...phone?.call },
  };
}

/** What the phone statechart is given to act on the world. */
interface MachineParts {
  options: SoftphoneOptions;
  sip: SipPhone;
  audio: AudioRouting;
  continuity: Stores['continuity'];
  dialing: DialingSettings;
  now: () => number;
  /** A call was logged or recorded as missed: the recents lists reload. */
  recentsChanged: () => void;
}

/** The phone statechart given its real actors: SIP, the CRM, the agent alert and the recents. */
function providePhoneMachine({
  options,
  sip,
  audio,
  continuity,
  dialing,
  now,
  recentsChanged,
}: MachineParts) {
  const sipActors = createSipActors(
    sip,
    now,
    audio.conferenceHook,
    (callId) => continuity.savedDialog(callId),
    deviceHookOf(audio, options.device, dialing),
  );
  const crm = createCrmActors(options.crm, {
    screenPop: options.screenPop,
    onError: options.onError,
    onCallLogged: recentsChanged,
  });
  const alertAgent = fromCallback<{ type: 'alert.noop' }, AlertAgentInput>(({ input }) => {
    const stopRinging = audio.ring(input.tone);
    const stopHost = options.alert?.(input);
    return () => {
      stopRinging?.();
      stopHost?.();
    };
  });
  const conferenceTone = fromCallback<{ type: 'tone.noop' }, ConferenceToneInput>(({ input }) =>
    audio.conferenceTone(input.tone),
  );
  return phoneMachine.provide({
    actors: {
      sipUserAgent: sipActors.sipUserAgent,
      conferenceTone,
      callMachine: callMachine.provide({
        actors: { sipSession: sipActors.sipSession, alertAgent, ...crm.actors },
        actions: crm.actions,
      }),
    },
    actions: {
      addToRecents: (_, params: { record: CallRecord }) => {
        continuity.finished(params.record);
        const recorded = options.onRecent?.(params.record);
        if (recorded instanceof Promise) recorded.then(recentsChanged, () => undefined);
      },
    },
  });
}

/** Who hears of each new view model; bursts of snapshots coalesce into one update. */
function createViewFeed(current: () => SoftphoneView | undefined, show: (view: SoftphoneView) => void) {
  const listeners = new Set<(view: SoftphoneView) => void>();
  let scheduled = false;
  return {
    listeners,
    notify() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const view = current();
        if (!view) return;
        show(view);
        for (const listener of listeners) listener(view);
      });
    },
  };
}

/**
 * The agent's and the CRM's ways to place calls, each through the dialing rules and the dial plan. A dial
 * made before the numbering plans arrived (a moment after start) waits for them (src/dialing owns how long).
 */
function dialingCommands(
  actor: Actor<PhoneMachine>,
  dialing: DialingSettings,
  now: () => number,
  newCallId: () => string,
  deskphone: boolean,
): Pick<SoftphonePort, 'dial' | 'redirect'> & {
  ruled(event: UiEvent, deliver: (event: UiEvent) => void): void;
} {
  const prepare = (number: string) => prepareDial(number, dialing);
  // In deskphone mode a dial is a leg to the agent's phone, whose code comes in its own resource: it waits
  // for that too, and is refused in words without it (src/deskphone.ts). A redirect needs no device leg.
  const afterDialParts = deskphone
    ? (go: () => void) => afterNumberingPlans(() => afterDeskphone(go))
    : afterNumberingPlans;
  const prepareCall = (number: string) =>
    deskphone && !deskphoneParts() ? DESKPHONE_LOADING : prepare(number);
  return {
    // A verdict carried in by an event from the host (a UI component's action, a message) is never
    // trusted, it is taken again here.
    ruled(event, deliver) {
      if (event.type === 'ui.dial')
        afterDialParts(() => deliver({ ...event, dial: prepareCall(event.number) }));
      else if (event.type === 'ui.redirect')
        afterNumberingPlans(() => deliver({ ...event, dial: prepare(event.number) }));
      else deliver(event);
    },
    dial(number, dialOptions = {}) {
      const callId = dialOptions.callId ?? newCallId();
      const at = now();
      afterDialParts(() =>
        actor.send({
          type: dialOptions.source === 'crm' ? 'crm.clickToDial' : 'ui.dial',
          callId,
          number,
          dial: prepareCall(number),
          at,
          ...(dialOptions.record ? { record: dialOptions.record } : {}),
          ...(dialOptions.transfer ? { transfer: dialOptions.transfer } : {}),
        }),
      );
      return callId;
    },
    redirect(callId, number) {
      afterNumberingPlans(() => actor.send({ type: 'ui.redirect', callId, number, dial: prepare(number) }));
    },
  };
}

/** The running parts the phone's lifetime ends. */
interface Running {
  actor: Actor<PhoneMachine>;
  sip: SipPhone;
  audio: AudioRouting;
  stores: Stores;
  kept: LinkedStores;
  feed: ReturnType<typeof createViewFeed>;
  quality: { stop(): void };
  view: () => SoftphoneView;
  now: () => number;
}

/** Start, stop for good, suspend for the next page; after suspend only late notes are still kept. */
function lifetime({ actor, sip, audio, stores, kept, feed, quality, view, now }: Running) {
  let ended = false;
  /** The view as the page left it (suspend): the calls whose late notes still go to their drafts. */
  let leftWith: SoftphoneView | undefined;
  /** What stop() and suspend() share: nothing more is restored, shown or measured. */
  const end = () => {
    ended = true;
    kept.stop();
    feed.listeners.clear();
    quality.stop();
    audio.silence();
  };
  return {
    /** Sends to the phone while it runs; "Call ended" on a deskphone call is stamped (no SIP dates it). */
    deliver(event: UiEvent) {
      if (leftWith) keepLateNotes(stores.drafts, leftWith, event);
      else actor.send(event.type === 'ui.dismiss' ? { at: now(), ...event } : event);
    },
    start: () => actor.send({ type: 'ui.register' }),
    async stop() {
      if (ended) return;
      end();
      stores.drafts.dispose();
      actor.stop();
      stores.continuity.forgetConnected();
      await sip.stop();
      await audio.close();
    },
    suspend() {
      if (ended) return;
      // The calls are saved as they are now, before the phone lets go of them (and before another tab leads).
      kept.pageHidden();
      end();
      leftWith = view();
      // The legs are forgotten first, so stopping the call machines hangs nothing up.
      sip.suspend();
      actor.stop();
      void audio.close();
    },
  };
}

/** What the phone's page and the tab session use of it. */
function softphoneApi(
  running: Omit<Running, 'kept' | 'quality' | 'now'>,
  commands: ReturnType<typeof dialingCommands>,
  life: ReturnType<typeof lifetime>,
): Softphone {
  const { actor, sip, audio, feed, view } = running;
  return {
    actor,
    sip,
    view,
    subscribe(listener) {
      feed.listeners.add(listener);
      return () => feed.listeners.delete(listener);
    },
    send: (event) => commands.ruled(event, (ruled) => life.deliver(ruled)),
    dial: commands.dial,
    redirect: commands.redirect,
    conferenceAudio: () => audio.conference?.agentOutput,
    resumeAudio: async () => audio.conference?.resume(),
    audioDevices: () => audio.audioDevices(),
    chooseAudioDevices: (next) =>
      audio.chooseAudioDevices(
        next,
        () => view().calls,
        (callId, microphone) => sip.replaceMicrophone(callId, microphone),
      ),
    start: life.start,
    stop: life.stop,
    suspend: life.suspend,
  };
}

export function createSoftphone(options: SoftphoneOptions): Softphone {
  const now = options.now ?? Date.now;
  const dialing = options.dialing ?? defaultDialingSettings;
  const settings = phoneSettings(options.phone);
  const { aor, instanceId } = options.sip;
  const stores = openStores({ storage: options.storage, aor, instanceId, now, onError: options.onError });
  const { sip, audio } = connectSip(options, settings, dialing, stores.instanceId);
  // The recents lists reload, in every tab, whenever a call was logged or recorded as missed.
  let recentsRevision = 0;
  const recentsChanged = () => {
    recentsRevision += 1;
    feed.notify();
  };
  const { continuity } = stores;
  const machine = providePhoneMachine({ options, sip, audio, continuity, dialing, now, recentsChanged });
  const quality = watchQuality(sip, options.qualityIntervalMs ?? 5000, () => feed.notify());
  const extras = { quality: quality.rating, recentsRevision: () => recentsRevision };
  const view = () => softphoneView(actor.getSnapshot(), extras);
  const running = () => (actor.getSnapshot().status === 'active' ? view() : undefined);
  const feed = createViewFeed(running, (shown) => {
    continuity.update(shown, (callId) => sip.dialogSnapshot(callId));
    // The agent's ear: one audio element fed from the view (conference mix, else the live call).
    audio.hear(shown.calls);
  });
  const actor = createActor(machine, {
    input: { settings },
    inspect: (event) => {
      if (event.type === '@xstate.snapshot') feed.notify();
    },
  });
  actor.start();
  const kept = linkStores(stores, {
    now,
    restore: (call) => actor.send({ type: 'host.call.restore', call }),
    view: running,
    dialogSnapshot: (callId) => sip.dialogSnapshot(callId),
    onRegistered: (listener) => sip.on('sip.registration.registered', listener),
  });
  const deskphone = settings.mode === 'deskphone';
  const commands = dialingCommands(actor, dialing, now, options.newCallId ?? randomCallId, deskphone);
  const life = lifetime({ actor, sip, audio, stores, kept, feed, quality, view, now });
  return softphoneApi({ actor, sip, audio, stores, feed, view }, commands, life);
}
