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
import type { ContactMatch, CrmPort } from './crm';
import { createCrmActors, type ScreenPopPolicy } from './crm/actors';
import { checkDestination, defaultDialingSettings, prepareDial, type DialingSettings } from './dialing';
import {
  AudioDevicePreferences,
  CallConference,
  CallQualityMonitor,
  DeviceMedia,
  listAudioDevices,
  openMicrophone,
  Ringtone,
  setAudioOutput,
  type AudioDevice,
  type AudioDeviceChoice,
  type PreferenceStorage,
} from './media';
import { AgentAudio, type AudioSink } from './media/agent-audio';
import { SipPhone, type ConferenceHook, type DeviceHook, type MuteHook, type SipPhoneConfig } from './sip';
import { defaultMuteHook } from './sip/default-mute-hook';
import { createSipActors } from './sip/actors';
import { hostStorage, type BrowserStorage } from './continuity/browser-storage';
import { browserInstanceId } from './continuity/browser-instance-id';
import { CallContinuity } from './continuity/call-continuity';
import { NoteDraftStore } from './continuity/note-drafts';
import { parseStorageKey, SealedStorage, StorageError } from './continuity/sealed-storage';
import { DEFAULT_STORAGE_RETENTION_MS, purgeCustomerData } from './continuity/storage-retention';
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
  /**
   * The conference's audio: the AudioContext it mixes in and the agent's microphone, each opened on the
   * first conference. Defaults: a new AudioContext and getUserMedia; where neither exists (Node) there
   * is no mix and conference commands change no media.
   */
  media?: {
    audioContext?: () => AudioContext;
    microphone?: () => Promise<MediaStream>;
    /** Where the agent hears calls; default a new Audio element (none in Node). */
    audioOutput?: AudioSink;
    /** Where the agent's device choice is kept; default localStorage where there is one. */
    preferences?: PreferenceStorage;
    /** Rings on the chosen ringer while a call alerts the agent (default: where WebAudio exists). */
    ring?: boolean;
  };
  /**
   * Deskphone mode: the agent's own phone (a number, read at each call) and, in a browser, the prompt
   * played to it and the key listener on its audio (see src/media/device-media.ts).
   */
  device?: Omit<DeviceHook, 'device'> & { number: () => string | undefined };
  /** How often each connected call's getStats is read for its quality (default 5000 ms; 0: never). */
  qualityIntervalMs?: number;
  /**
   * Where the calls are kept for whichever page leads next (a reload, another tab) and note drafts survive
   * anything, both default localStorage (shared by the browser's tabs); null keeps nothing. `key` names
   * the agent's entries and browser instance id (the session key: Salesforce user and SIP address;
   * default the SIP address). `secret` is the agent's storage key (base64, 32 bytes; from Apex
   * SoftphoneCredentials.getStorageKey, held in memory only): calls and drafts are stored sealed with it,
   * and without it they are not stored at all. `retentionMs` is how long customer data nobody needs any
   * more stays (default 24 h; see src/continuity/storage-retention.ts).
   */
  storage?: {
    calls?: BrowserStorage | null;
    local?: BrowserStorage | null;
    key?: string;
    secret?: string;
    retentionMs?: number;
  };
}

export type DialSource = 'ui' | 'crm';

export interface DialOptions {
  record?: ContactMatch;
  source?: DialSource;
  callId?: string;
  transfer?: 'unsupervised';
}

export interface Softphone {
  readonly actor: Actor<PhoneMachine>;
  readonly sip: SipPhone;
  /** The current view model. */
  view(): SoftphoneView;
  /** Called with a fresh view model after every change of any machine; returns the unsubscribe. */
  subscribe(listener: (view: SoftphoneView) => void): () => void;
  send(event: PhoneUiEvent | CallUiEvent): void;
  /** What the agent hears of a conference (undefined before one started): play it in an audio element. */
  conferenceAudio(): MediaStream | undefined;
  /** Resumes the conference's AudioContext: call it from the agent's click (autoplay policy). */
  resumeAudio(): Promise<void>;
  /** This computer's microphones and speakers, and the agent's current choice. */
  audioDevices(): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[]; choice: AudioDeviceChoice }>;
  /**
   * Applies and keeps the agent's choice: the speaker and ringer at once, the microphone on new calls and
   * on the connected ones. Rejects with a MediaError (or the browser's error) the agent can read.
   */
  chooseAudioDevices(choice: Partial<AudioDeviceChoice>): Promise<void>;
  /**
   * Normalises the number with the dialing rules and dials it (a refused number becomes a failed call).
   * `callId` names the call when the caller already chose its id (a follower tab's dial); default a new one.
   * `transfer: 'unsupervised'` dials a transfer target and hands the call over at once, while it rings.
   */
  dial(number: string, options?: DialOptions): string;
  /** Redirects a ringing call to a number, after the dialing rules. */
  redirect(callId: string, number: string): void;
  start(): void;
  /** Stops for good: unregisters and hangs every call up (the agent or the host ended the phone). */
  stop(): Promise<void>;
  /**
   * The page is going away (pagehide) with its calls saved for the next page to take back: unregisters and
   * drops the connection without hanging anything up. Synchronous: nothing runs after pagehide.
   */
  suspend(): void;
}

function isMediaElement(sink: AudioSink | undefined): sink is HTMLMediaElement {
  return typeof HTMLMediaElement !== 'undefined' && sink instanceof HTMLMediaElement;
}

function randomCallId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The browser's media devices, or none (Node). */
function mediaDevices(): MediaDevices | undefined {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'
    ? navigator.mediaDevices
    : undefined;
}

/** One AudioContext for the conference mix and the ringtone, opened on first use; none without WebAudio. */
function sharedAudioContext(
  media: SoftphoneOptions['media'],
): { get: () => AudioContext; close: () => Promise<void> } | undefined {
  const create =
    media?.audioContext ?? (typeof AudioContext === 'function' ? () => new AudioContext() : undefined);
  if (!create) return undefined;
  let context: AudioContext | undefined;
  return {
    get: () => (context ??= create()),
    close: async () => {
      if (context?.state !== 'closed') await context?.close().catch(() => undefined);
    },
  };
}

/** In a browser: the connect prompt and the in-band key listener of the leg to the agent's own phone. */
function createDeviceMedia(
  sip: SipPhone,
  audioContext: (() => AudioContext) | undefined,
  onError: SoftphoneOptions['onError'],
): Omit<DeviceHook, 'device'> {
  if (!audioContext) return {};
  const media = new DeviceMedia({ audioContext, media: (callId) => sip.media(callId), onError });
  return {
    listenForKeys: (callId, onKey) => media.listenForKeys(callId, onKey),
    playPrompt: (callId) => media.playPrompt(callId),
  };
}

/**
 * Each storage opened with the agent's storage key. Without a key customer data is not stored (a host that
 * gives none, like Node, keeps nothing); a key that is not one is reported.
 */
function sealedStorages(
  options: SoftphoneOptions,
  storages: (BrowserStorage | undefined)[],
  now: () => number,
): Map<BrowserStorage, SealedStorage> {
  const opened = new Map<BrowserStorage, SealedStorage>();
  const secret = options.storage?.secret;
  if (secret === undefined) return opened;
  const key = parseStorageKey(secret);
  if (!key) {
    options.onError?.(new StorageError('invalid-key'));
    return opened;
  }
  let reported = false;
  const onUnreadable = () => {
    if (!reported) options.onError?.(new StorageError('unreadable'));
    reported = true;
  };
  for (const storage of storages) {
    if (storage && !opened.has(storage))
      opened.set(storage, new SealedStorage(storage, key, { now, onUnreadable }));
  }
  return opened;
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

  // The agent's devices: the chosen microphone opens for every call, the speaker plays the calls, the
  // ringer rings. A microphone that went away falls back to the system default.
  const devices = mediaDevices();
  const preferences = new AudioDevicePreferences(
    options.media?.preferences ?? (typeof localStorage === 'undefined' ? undefined : localStorage),
  );
  let choice = preferences.load();
  const microphone =
    options.media?.microphone ?? (devices && (() => openMicrophone(choice.microphone, devices)));
  // A conferenced call's sender carries the mix: muting it mutes the agent in that mix, not the track.
  const muteTrack = options.sip.muteHook ?? defaultMuteHook;
  const muteHook: MuteHook = (media, muted) =>
    conference?.muteCall(media.peerConnection, muted) ? undefined : muteTrack(media, muted);
  const local =
    options.storage?.local === null ? undefined : (options.storage?.local ?? hostStorage('localStorage'));
  const key = options.storage?.key ?? options.sip.aor;
  // One +sip.instance per browser and agent: a reload's registration replaces the old page's contact.
  const sipConfig: SipPhoneConfig = {
    ...options.sip,
    // Where a 3xx sends a call goes through the same dial plan as a typed number (src/dialing decides).
    checkDestination: (uri) => checkDestination(uri, dialing)?.message ?? null,
    muteHook,
    instanceId: options.sip.instanceId ?? browserInstanceId(local, key),
  };
  const audioContext = sharedAudioContext(options.media);
  // Deskphone mode: the agent talks on their own phone, and the leg to it carries only the prompt, so no
  // microphone is asked for (a deskphone agent may have none, or refuse it): silence stands in for it.
  const callAudio =
    settings.mode === 'deskphone' && audioContext
      ? async () => audioContext.get().createMediaStreamDestination().stream
      : () => openMicrophone(choice.microphone, devices);
  const sip = new SipPhone(
    devices && !options.sip.sessionDescriptionHandlerFactory
      ? { openMicrophone: callAudio, ...sipConfig }
      : sipConfig,
  );
  const conference =
    audioContext && microphone
      ? new CallConference({
          audioContext: audioContext.get,
          microphone,
          media: (callId) => sip.media(callId),
        })
      : undefined;
  // A party whose audio cannot be mixed stays connected; the agent hears why.
  const conferenceHook: ConferenceHook | undefined = conference && {
    join: (callId) => conference.join(callId).catch((error: unknown) => options.onError?.(error)),
    leave: (callId) => conference.leave(callId),
  };
  // Calls and unsaved notes from the page that held the phone before (see src/continuity/call-continuity.ts),
  // sealed with the agent's key (src/continuity/sealed-storage.ts); what nobody needs any more goes first.
  const callsStorage = options.storage?.calls === null ? undefined : (options.storage?.calls ?? local);
  const sealed = sealedStorages(options, [local, callsStorage], now);
  for (const storage of new Set([local, callsStorage])) {
    purgeCustomerData({
      storage,
      sealed: storage && sealed.get(storage),
      key,
      now: now(),
      retentionMs: options.storage?.retentionMs ?? DEFAULT_STORAGE_RETENTION_MS,
    });
  }
  const drafts = new NoteDraftStore({ storage: local && sealed.get(local), user: key, now });
  const continuity = new CallContinuity({
    storage: callsStorage && sealed.get(callsStorage),
    drafts,
    key,
    now,
    onError: options.onError,
  });
  const deviceHook: DeviceHook = {
    ...createDeviceMedia(sip, audioContext?.get, options.onError),
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
    conferenceHook,
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
  let ringtone: Ringtone | undefined;
  const ring = (tone: AlertAgentInput['tone']) => {
    if (!audioContext || options.media?.ring === false) return undefined;
    ringtone ??= new Ringtone(audioContext.get(), { sinkId: () => choice.ringer, onError: options.onError });
    return ringtone.start(tone);
  };
  const alertAgent = fromCallback<{ type: 'alert.noop' }, AlertAgentInput>(({ input }) => {
    const stopRinging = ring(input.tone);
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

  // The agent's ear: one audio element fed from the view (conference mix, else the live call).
  const sink = options.media?.audioOutput ?? (typeof Audio === 'function' ? new Audio() : undefined);
  if (isMediaElement(sink)) {
    sink.autoplay = true;
    if (choice.speaker) setAudioOutput(sink, choice.speaker).catch((e: unknown) => options.onError?.(e));
  }
  const agentAudio = sink ? new AgentAudio(sink, options.onError) : undefined;
  const hear = (view: SoftphoneView) => {
    if (!agentAudio) return;
    const live = view.calls.find((c) => c.status === 'live');
    const inConference = view.calls.some((c) => c.inConference);
    agentAudio.play(
      (inConference ? conference?.agentOutput : live && sip.media(live.callId)?.remoteStream) ?? null,
    );
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
      hear(view);
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
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const restore = (registered: boolean) => {
    for (const call of continuity.take(registered)) actor.send({ type: 'host.call.restore', call });
    // A connected call still waiting for the registration comes back dropped once it expired.
    clearTimeout(expiryTimer);
    const due = continuity.nextExpiry();
    if (due !== undefined) expiryTimer = setTimeout(() => restore(false), Math.max(0, due - now()));
  };
  // Wrap-up needs no SIP; a connected call is taken back once this page's phone is registered.
  restore(false);
  const stopRestoring = sip.on('sip.registration.registered', () => restore(true));
  const pageHidden = () => {
    drafts.pageHidden();
    // The view update of the last change may still be queued (a microtask the page may never run).
    if (actor.getSnapshot().status === 'active') {
      continuity.update(softphoneView(actor.getSnapshot(), viewExtras), (callId) =>
        sip.dialogSnapshot(callId),
      );
    }
    continuity.leave();
  };
  if (typeof addEventListener === 'function') addEventListener('pagehide', pageHidden);
  let ended = false;
  /** The view as the page left it (suspend): the calls whose late notes still go to their drafts. */
  let leftWith: SoftphoneView | undefined;
  /** What stop() and suspend() share: nothing more is restored, shown or measured. */
  const end = () => {
    ended = true;
    stopRestoring();
    clearTimeout(expiryTimer);
    if (typeof removeEventListener === 'function') removeEventListener('pagehide', pageHidden);
    listeners.clear();
    stopQualityWatch();
    quality?.stop();
    agentAudio?.play(null);
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
      // The page left, but its notes field flushes on pagehide after the phone was suspended: the last words
      // typed go to the draft (written at once now), which the next leader prefers over the older entry.
      if (event.type !== 'ui.notes.changed' && event.type !== 'ui.disposition.changed') return;
      const call = leftWith.calls.find((c) => c.callId === event.callId);
      if (!call) return;
      drafts.write(
        call.callId,
        event.type === 'ui.notes.changed' ? event.text : call.notes,
        event.type === 'ui.disposition.changed' ? event.disposition : call.disposition,
      );
    },
    conferenceAudio: () => conference?.agentOutput,
    resumeAudio: async () => conference?.resume(),
    async audioDevices() {
      return { ...(await listAudioDevices(devices)), choice: { ...choice } };
    },
    async chooseAudioDevices(next) {
      const wanted = { ...choice, ...next };
      if (wanted.speaker !== choice.speaker && isMediaElement(sink)) {
        await setAudioOutput(sink, wanted.speaker);
      }
      if (wanted.microphone !== choice.microphone && devices) {
        // Calls in a conference send the mix, which takes the microphone it opened with.
        const calls = softphoneView(actor.getSnapshot(), viewExtras).calls.filter(
          (call) => (call.status === 'live' || call.status === 'held') && !call.inConference,
        );
        for (const call of calls) {
          await sip.replaceMicrophone(call.callId, await openMicrophone(wanted.microphone, devices));
        }
      }
      choice = wanted;
      preferences.save(choice);
    },
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
      await conference?.close();
      await audioContext?.close();
    },
    suspend() {
      if (ended) return;
      // The calls are saved as they are now, before the phone lets go of them (and before another tab leads).
      pageHidden();
      end();
      leftWith = softphoneView(actor.getSnapshot(), viewExtras);
      // The legs are forgotten first, so stopping the call machines hangs nothing up.
      sip.suspend();
      actor.stop();
      void conference?.close();
      void audioContext?.close();
    },
  };
}
