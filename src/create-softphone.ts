// The composition root: the phone statechart given its real actors (SIP on SipPhone, CRM on a CrmPort,
// the agent alert from the host) and a view model for whichever UI hosts it.
import { createActor, fromCallback, type Actor } from 'xstate';
import {
  callMachine,
  defaultPhoneSettings,
  phoneMachine,
  type AlertAgentInput,
  type CallRecord,
  type CallUiEvent,
  type PhoneMachine,
  type PhoneSettings,
  type PhoneUiEvent,
} from './call';
import type { CrmPort } from './crm';
import { createCrmActors, type ScreenPopPolicy } from './crm/actors';
import { checkDestination, defaultDialingSettings, prepareDial, type DialingSettings } from './dialing';
import { keepLateNotes, linkStores, openStores, type StorageOptions } from './continuity/open-stores';
import { CallQualityMonitor } from './media';
import { createAudioRouting, type AudioRoutingOptions } from './media/audio-routing';
import { SipPhone, type DeviceHook, type MuteHook, type SipPhoneConfig } from './sip';
import { defaultMuteHook } from './sip/default-mute-hook';
import { createSipActors } from './sip/actors';
import type { SoftphonePort } from './session/softphone-port';
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

export function createSoftphone(options: SoftphoneOptions): Softphone {
  const now = options.now ?? Date.now;
  const newCallId = options.newCallId ?? randomCallId;
  const dialing = options.dialing ?? defaultDialingSettings;
  const settings: PhoneSettings = {
    ...defaultPhoneSettings,
    ...options.phone,
    reconnect: { ...defaultPhoneSettings.reconnect, ...options.phone?.reconnect },
    call: { ...defaultPhoneSettings.call, ...options.phone?.call },
  };

  const stores = openStores({
    storage: options.storage,
    aor: options.sip.aor,
    instanceId: options.sip.instanceId,
    now,
    onError: options.onError,
  });
  const { drafts, continuity } = stores;
  const audio = createAudioRouting({
    options: options.media,
    callMedia: (callId) => sip.media(callId),
    deskphone: settings.mode === 'deskphone',
    onError: options.onError,
  });
  // A conferenced call's sender carries the mix: muting it mutes the agent in that mix, not the track.
  const muteTrack = options.sip.muteHook ?? defaultMuteHook;
  const muteHook: MuteHook = (media, muted) =>
    audio.conference?.muteCall(media.peerConnection, muted) ? undefined : muteTrack(media, muted);
  const sipConfig: SipPhoneConfig = {
    ...options.sip,
    // Where a 3xx sends a call goes through the same dial plan as a typed number (src/dialing decides).
    checkDestination: (uri) => checkDestination(uri, dialing)?.message ?? null,
    muteHook,
    // One +sip.instance per browser and agent: a reload's registration replaces the old page's contact.
    instanceId: stores.instanceId,
  };
  const sip = new SipPhone(
    audio.callAudio && !options.sip.sessionDescriptionHandlerFactory
      ? { openMicrophone: audio.callAudio, ...sipConfig }
      : sipConfig,
  );
  const deviceHook: DeviceHook = {
    ...audio.deviceMedia(),
    ...options.device,
    // The dialing rules apply to the device number as to any other; a refused one is "not set".
    device: () => {
      const number = options.device?.number()?.trim();
      if (!number) return undefined;
      const prepared = prepareDial(number, dialing);
      return prepared.ok ? prepared.target : undefined;
    },
  };
  const sipActors = createSipActors(
    sip,
    now,
    audio.conferenceHook,
    (callId) => continuity.savedDialog(callId),
    deviceHook,
  );
  // The recents lists reload, in every tab, whenever a call was logged or recorded as missed.
  let recentsRevision = 0;
  const recentsChanged = () => {
    recentsRevision += 1;
    notify();
  };
  const crm = createCrmActors(options.crm, {
    screenPop: options.screenPop,
    onError: options.onError,
    onCallLogged: recentsChanged,
  });
  const alert = options.alert;
  const alertAgent = fromCallback<{ type: 'alert.noop' }, AlertAgentInput>(({ input }) => {
    const stopRinging = audio.ring(input.tone);
    const stopHost = alert?.(input);
    return () => {
      stopRinging?.();
      stopHost?.();
    };
  });

  const machine = phoneMachine.provide({
    actors: {
      sipUserAgent: sipActors.sipUserAgent,
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

  // Call quality from getStats while a call is connected; a changed rating refreshes the view.
  const qualityIntervalMs = options.qualityIntervalMs ?? 5000;
  const quality =
    qualityIntervalMs > 0
      ? new CallQualityMonitor({
          intervalMs: qualityIntervalMs,
          peerConnection: (callId) => sip.media(callId)?.peerConnection,
          onChange: () => notify(),
        })
      : undefined;
  const stopQualityWatch = sip.subscribe((event) => {
    if (!quality) return;
    if (event.type === 'sip.call.answered') quality.track(event.callId);
    if (event.type === 'sip.call.ended' || event.type === 'sip.call.failed') quality.untrack(event.callId);
  });
  const viewExtras = {
    quality: (callId: string) => quality?.quality(callId)?.rating,
    recentsRevision: () => recentsRevision,
  };

  const listeners = new Set<(view: SoftphoneView) => void>();
  let scheduled = false;
  // Any snapshot in the system (phone or a call) changes the view; coalesce bursts into one update.
  const notify = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (actor.getSnapshot().status !== 'active') return;
      const view = softphoneView(actor.getSnapshot(), viewExtras);
      continuity.update(view, (callId) => sip.dialogSnapshot(callId));
      // The agent's ear: one audio element fed from the view (conference mix, else the live call).
      audio.hear(view.calls);
      for (const listener of listeners) listener(view);
    });
  };
  const actor = createActor(machine, {
    input: { settings },
    inspect: (event) => {
      if (event.type === '@xstate.snapshot') notify();
    },
  });
  actor.start();
  const kept = linkStores(stores, {
    now,
    restore: (call) => actor.send({ type: 'host.call.restore', call }),
    view: () =>
      actor.getSnapshot().status === 'active' ? softphoneView(actor.getSnapshot(), viewExtras) : undefined,
    dialogSnapshot: (callId) => sip.dialogSnapshot(callId),
    onRegistered: (listener) => sip.on('sip.registration.registered', listener),
  });
  let ended = false;
  /** The view as the page left it (suspend): the calls whose late notes still go to their drafts. */
  let leftWith: SoftphoneView | undefined;
  /** What stop() and suspend() share: nothing more is restored, shown or measured. */
  const end = () => {
    ended = true;
    kept.stop();
    listeners.clear();
    stopQualityWatch();
    quality?.stop();
    audio.silence();
  };

  const prepare = (number: string) => prepareDial(number, dialing);
  // Every dial source goes through the dialing rules and the dial plan: a verdict carried in by an event
  // from the host (a UI component's action, a message) is never trusted, it is taken again here.
  const ruled = (event: PhoneUiEvent | CallUiEvent): PhoneUiEvent | CallUiEvent =>
    event.type === 'ui.dial' || event.type === 'ui.redirect'
      ? { ...event, dial: prepare(event.number) }
      : event;

  return {
    actor,
    sip,
    view: () => softphoneView(actor.getSnapshot(), viewExtras),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(event) {
      if (!leftWith) {
        const checked = ruled(event);
        // "Call ended" on a call the agent's own phone carries is the only end no SIP message dates: stamp it.
        return actor.send(checked.type === 'ui.dismiss' ? { at: now(), ...checked } : checked);
      }
      keepLateNotes(drafts, leftWith, event);
    },
    conferenceAudio: () => audio.conference?.agentOutput,
    resumeAudio: async () => audio.conference?.resume(),
    audioDevices: () => audio.audioDevices(),
    chooseAudioDevices: (next) =>
      audio.chooseAudioDevices(
        next,
        () => softphoneView(actor.getSnapshot(), viewExtras).calls,
        (callId, microphone) => sip.replaceMicrophone(callId, microphone),
      ),
    dial(number, dialOptions = {}) {
      const callId = dialOptions.callId ?? newCallId();
      actor.send({
        type: dialOptions.source === 'crm' ? 'crm.clickToDial' : 'ui.dial',
        callId,
        number,
        dial: prepare(number),
        at: now(),
        ...(dialOptions.record ? { record: dialOptions.record } : {}),
        ...(dialOptions.transfer ? { transfer: dialOptions.transfer } : {}),
      });
      return callId;
    },
    redirect(callId, number) {
      actor.send({ type: 'ui.redirect', callId, number, dial: prepare(number) });
    },
    start: () => actor.send({ type: 'ui.register' }),
    async stop() {
      if (ended) return;
      end();
      drafts.dispose();
      actor.stop();
      continuity.forgetConnected();
      await sip.stop();
      await audio.close();
    },
    suspend() {
      if (ended) return;
      // The calls are saved as they are now, before the phone lets go of them (and before another tab leads).
      kept.pageHidden();
      end();
      leftWith = softphoneView(actor.getSnapshot(), viewExtras);
      // The legs are forgotten first, so stopping the call machines hangs nothing up.
      sip.suspend();
      actor.stop();
      void audio.close();
    },
  };
}
