// Where the agent's audio goes: the devices the agent chose (microphone for every call, speaker for the
// calls, ringer for the ringtone), one AudioContext shared by the conference mix, the ringtone and the
// deskphone prompt, and one audio element that plays what the agent hears. The root wires it to SIP.
import { AgentAudio, type AudioSink } from './agent-audio';
import type { AudioDevice } from './audio-device';
import type { AudioDeviceChoice } from './audio-device-choice';
import { AudioDevicePreferences, type PreferenceStorage } from './audio-device-preferences';
import { listAudioDevices, setAudioOutput } from './audio-devices';
import { CallConference } from './call-conference';
import { DeviceMedia } from './device-media';
import type { MixableCallMedia } from './mixable-call-media';
import { openMicrophone } from './open-microphone';
import { Ringtone, type RingtoneTone } from './ringtone';

/**
 * The conference's audio: the AudioContext it mixes in and the agent's microphone, each opened on the
 * first conference. Defaults: a new AudioContext and getUserMedia; where neither exists (Node) there
 * is no mix and conference commands change no media.
 */
export interface AudioRoutingOptions {
  audioContext?: () => AudioContext;
  microphone?: () => Promise<MediaStream>;
  /** Where the agent hears calls; default a new Audio element (none in Node). */
  audioOutput?: AudioSink;
  /** Where the agent's device choice is kept; default localStorage where there is one. */
  preferences?: PreferenceStorage;
  /** Rings on the chosen ringer while a call alerts the agent (default: where WebAudio exists). */
  ring?: boolean;
}

/** A call as the view shows it: enough to choose what the agent hears. */
export interface RoutedCall {
  callId: string;
  status: string;
  inConference: boolean;
}

export interface AudioRouting {
  /** The browser's media devices, or none (Node). */
  readonly devices: MediaDevices | undefined;
  readonly conference: CallConference | undefined;
  /**
   * What a new call sends, where the browser can open media: the chosen microphone, or silence in
   * deskphone mode (the agent talks on their own phone, so no microphone is asked for).
   */
  readonly callAudio: (() => Promise<MediaStream>) | undefined;
  /** Joins and leaves the conference mix; a party whose audio cannot be mixed stays connected. */
  readonly conferenceHook:
    { join(callId: string): Promise<void>; leave(callId: string): Promise<void> } | undefined;
  /** In a browser: the connect prompt and the in-band key listener of the leg to the agent's own phone. */
  deviceMedia(): {
    listenForKeys?: (callId: string, onKey: (key: string) => void) => () => void;
    playPrompt?: (callId: string) => () => void;
  };
  /** Rings on the chosen ringer; returns what stops it (undefined: no ringtone here). */
  ring(tone: RingtoneTone): (() => void) | undefined;
  /** Plays the conference mix while there is one, else the live call, else nothing. */
  hear(calls: readonly RoutedCall[]): void;
  audioDevices(): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[]; choice: AudioDeviceChoice }>;
  /** Applies and keeps the choice; a new microphone goes to the given calls at once. */
  chooseAudioDevices(
    next: Partial<AudioDeviceChoice>,
    calls: () => readonly RoutedCall[],
    replaceMicrophone: (callId: string, microphone: MediaStream) => Promise<void>,
  ): Promise<void>;
  /** Stops playing anything (the phone stopped or the page left). */
  silence(): void;
  /** Closes the conference mix and the AudioContext. */
  close(): Promise<void>;
}

export interface AudioRoutingInput {
  options: AudioRoutingOptions | undefined;
  /** A call's media, looked up when needed (SIP's CallMedia). */
  callMedia: (callId: string) => MixableCallMedia | undefined;
  deskphone: boolean;
  onError?: (error: unknown) => void;
}

function isMediaElement(sink: AudioSink | undefined): sink is HTMLMediaElement {
  return typeof HTMLMediaElement !== 'undefined' && sink instanceof HTMLMediaElement;
}

function mediaDevices(): MediaDevices | undefined {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'
    ? navigator.mediaDevices
    : undefined;
}

/** One AudioContext for the conference mix and the ringtone, opened on first use; none without WebAudio. */
function sharedAudioContext(
  options: AudioRoutingOptions | undefined,
): { get: () => AudioContext; close: () => Promise<void> } | undefined {
  const create =
    options?.audioContext ?? (typeof AudioContext === 'function' ? () => new AudioContext() : undefined);
  if (!create) return undefined;
  let context: AudioContext | undefined;
  return {
    get: () => (context ??= create()),
    close: async () => {
      if (context?.state !== 'closed') await context?.close().catch(() => undefined);
    },
  };
}

export function createAudioRouting({
  options,
  callMedia,
  deskphone,
  onError,
}: AudioRoutingInput): AudioRouting {
  // A microphone that went away falls back to the system default.
  const devices = mediaDevices();
  const preferences = new AudioDevicePreferences(
    options?.preferences ?? (typeof localStorage === 'undefined' ? undefined : localStorage),
  );
  let choice = preferences.load();
  const microphone = options?.microphone ?? (devices && (() => openMicrophone(choice.microphone, devices)));
  const audioContext = sharedAudioContext(options);
  const conference =
    audioContext && microphone
      ? new CallConference({ audioContext: audioContext.get, microphone, media: callMedia })
      : undefined;
  let ringtone: Ringtone | undefined;
  const sink = options?.audioOutput ?? (typeof Audio === 'function' ? new Audio() : undefined);
  if (isMediaElement(sink)) {
    sink.autoplay = true;
    if (choice.speaker) setAudioOutput(sink, choice.speaker).catch((e: unknown) => onError?.(e));
  }
  const agentAudio = sink ? new AgentAudio(sink, onError) : undefined;

  return {
    devices,
    conference,
    callAudio:
      devices &&
      (deskphone && audioContext
        ? async () => audioContext.get().createMediaStreamDestination().stream
        : () => openMicrophone(choice.microphone, devices)),
    conferenceHook: conference && {
      join: (callId) => conference.join(callId).catch((error: unknown) => onError?.(error)),
      leave: (callId) => conference.leave(callId),
    },
    deviceMedia() {
      if (!audioContext) return {};
      const media = new DeviceMedia({ audioContext: audioContext.get, media: callMedia, onError });
      return {
        listenForKeys: (callId, onKey) => media.listenForKeys(callId, onKey),
        playPrompt: (callId) => media.playPrompt(callId),
      };
    },
    ring(tone) {
      if (!audioContext || options?.ring === false) return undefined;
      ringtone ??= new Ringtone(audioContext.get(), { sinkId: () => choice.ringer, onError });
      return ringtone.start(tone);
    },
    hear(calls) {
      if (!agentAudio) return;
      const live = calls.find((c) => c.status === 'live');
      const inConference = calls.some((c) => c.inConference);
      agentAudio.play(
        (inConference ? conference?.agentOutput : live && callMedia(live.callId)?.remoteStream) ?? null,
      );
    },
    async audioDevices() {
      return { ...(await listAudioDevices(devices)), choice: { ...choice } };
    },
    async chooseAudioDevices(next, calls, replaceMicrophone) {
      const wanted = { ...choice, ...next };
      if (wanted.speaker !== choice.speaker && isMediaElement(sink)) {
        await setAudioOutput(sink, wanted.speaker);
      }
      if (wanted.microphone !== choice.microphone && devices) {
        // Calls in a conference send the mix, which takes the microphone it opened with.
        const talking = calls().filter(
          (call) => (call.status === 'live' || call.status === 'held') && !call.inConference,
        );
        for (const call of talking) {
          await replaceMicrophone(call.callId, await openMicrophone(wanted.microphone, devices));
        }
      }
      choice = wanted;
      preferences.save(choice);
    },
    silence: () => agentAudio?.play(null),
    async close() {
      await conference?.close();
      await audioContext?.close();
    },
  };
}
