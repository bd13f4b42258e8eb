// Where the agent's audio goes: the devices the agent chose (microphone for every call, speaker for the
// calls, ringer for the ringtone), one AudioContext shared by the conference mix, the ringtone and the
// deskphone prompt, and one audio element that plays what the agent hears. The root wires it to SIP.
import type { ConferenceTone } from '../call';
import { AgentAudio, type AudioSink } from './agent-audio';
import type { AudioDevice } from './audio-device';
import type { AudioDeviceChoice } from './audio-device-choice';
import { AudioDevicePreferences, type PreferenceStorage } from './audio-device-preferences';
import { listAudioDevices, setAudioOutput } from './audio-devices';
import { CallConference } from './call-conference';
import type { DeviceMedia } from './device-media';
import { HoldMusic, type HeldCallMedia, type HoldMusicOptions } from './hold-music';
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
  /** What a held party hears: false for silence; default the built-in melody (where WebAudio exists). */
  holdMusic?: false | HoldMusicOptions;
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
  /**
   * In a browser: the connect prompt and the in-band key listener of the leg to the agent's own phone,
   * with deskphone mode's code (the softphoneDeskphone resource, src/deskphone.ts).
   */
  deviceMedia(Media: typeof DeviceMedia): {
    listenForKeys?: (callId: string, onKey: (key: string) => void) => () => void;
    playPrompt?: (callId: string) => () => void;
  };
  /** Puts hold music on a held call and its microphone back on resume; none without WebAudio or when off. */
  readonly holdHook: ((media: HeldCallMedia, held: boolean) => Promise<void>) | undefined;
  /** Plays a tone to the conference (ringback, busy); returns what stops it (undefined: no mix here). */
  conferenceTone(tone: ConferenceTone): (() => void) | undefined;
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
  /** Where a problem that loses nothing is written (a hold music recording that could not be played). */
  onWarning?: (message: string) => void;
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
interface SharedAudioContext {
  get: () => AudioContext;
  close: () => Promise<void>;
}

function sharedAudioContext(options: AudioRoutingOptions | undefined): SharedAudioContext | undefined {
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

/** The agent's device choice: read once from where it is kept, kept again at each change. */
interface ChosenDevices {
  current(): AudioDeviceChoice;
  keep(next: AudioDeviceChoice): void;
}

function chosenDevices(options: AudioRoutingOptions | undefined): ChosenDevices {
  const preferences = new AudioDevicePreferences(
    options?.preferences ?? (typeof localStorage === 'undefined' ? undefined : localStorage),
  );
  let choice = preferences.load();
  return {
    current: () => choice,
    keep(next) {
      choice = next;
      preferences.save(choice);
    },
  };
}

/** Where the agent hears calls, on the chosen speaker: the element and what plays in it. */
function agentOutput(
  options: AudioRoutingOptions | undefined,
  speaker: string,
  onError: ((error: unknown) => void) | undefined,
): { sink: AudioSink | undefined; agentAudio: AgentAudio | undefined } {
  const sink = options?.audioOutput ?? (typeof Audio === 'function' ? new Audio() : undefined);
  if (isMediaElement(sink)) {
    sink.autoplay = true;
    if (speaker) setAudioOutput(sink, speaker).catch((e: unknown) => onError?.(e));
  }
  return { sink, agentAudio: sink ? new AgentAudio(sink, onError) : undefined };
}

/** What a new call sends: silence in deskphone mode where WebAudio makes it, else the chosen microphone. */
function callAudioOf(
  devices: MediaDevices | undefined,
  silence: SharedAudioContext | undefined,
  chosen: ChosenDevices,
): AudioRouting['callAudio'] {
  if (!devices) return undefined;
  if (silence) return async () => silence.get().createMediaStreamDestination().stream;
  return () => openMicrophone(chosen.current().microphone, devices);
}

function deviceMediaOf(
  Media: typeof DeviceMedia,
  audioContext: SharedAudioContext | undefined,
  callMedia: AudioRoutingInput['callMedia'],
  onError: AudioRoutingInput['onError'],
): ReturnType<AudioRouting['deviceMedia']> {
  if (!audioContext) return {};
  const media = new Media({ audioContext: audioContext.get, media: callMedia, onError });
  return {
    listenForKeys: (callId, onKey) => media.listenForKeys(callId, onKey),
    playPrompt: (callId) => media.playPrompt(callId),
  };
}

/** The ringtone on the chosen ringer, built on the first call that alerts the agent. */
function ringerOf(
  options: AudioRoutingOptions | undefined,
  audioContext: SharedAudioContext | undefined,
  chosen: ChosenDevices,
  onError: AudioRoutingInput['onError'],
): AudioRouting['ring'] {
  let ringtone: Ringtone | undefined;
  return (tone) => {
    if (!audioContext || options?.ring === false) return undefined;
    ringtone ??= new Ringtone(audioContext.get(), { sinkId: () => chosen.current().ringer, onError });
    return ringtone.start(tone);
  };
}

/**
 * Hold music where WebAudio exists and the admin left it on. Not in deskphone mode: the customer's call
 * runs on the agent's own phone there, and the panel's leg to it carries no conversation.
 */
function holdMusicOf(
  options: AudioRoutingOptions | undefined,
  audioContext: SharedAudioContext | undefined,
  deskphone: boolean,
  onWarning: AudioRoutingInput['onWarning'],
): HoldMusic | undefined {
  const music = options?.holdMusic;
  if (!audioContext || deskphone || music === false) return undefined;
  return new HoldMusic(audioContext.get, { onWarning, ...music });
}

/** The conference mix while there is one, else the live call, else nothing. */
function whatTheAgentHears(
  calls: readonly RoutedCall[],
  conference: CallConference | undefined,
  callMedia: AudioRoutingInput['callMedia'],
): MediaStream | null {
  const live = calls.find((c) => c.status === 'live');
  const inConference = calls.some((c) => c.inConference);
  return (inConference ? conference?.agentOutput : live && callMedia(live.callId)?.remoteStream) ?? null;
}

interface DeviceChange {
  chosen: ChosenDevices;
  next: Partial<AudioDeviceChoice>;
  sink: AudioSink | undefined;
  devices: MediaDevices | undefined;
  calls: () => readonly RoutedCall[];
  replaceMicrophone: (callId: string, microphone: MediaStream) => Promise<void>;
}

async function changeDevices({ chosen, next, sink, devices, calls, replaceMicrophone }: DeviceChange) {
  const choice = chosen.current();
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
  chosen.keep(wanted);
}

export function createAudioRouting({
  options,
  callMedia,
  deskphone,
  onError,
  onWarning,
}: AudioRoutingInput): AudioRouting {
  const devices = mediaDevices();
  // A microphone that went away falls back to the system default.
  const chosen = chosenDevices(options);
  const microphone =
    options?.microphone ?? (devices && (() => openMicrophone(chosen.current().microphone, devices)));
  const audioContext = sharedAudioContext(options);
  const conference =
    audioContext && microphone
      ? new CallConference({ audioContext: audioContext.get, microphone, media: callMedia })
      : undefined;
  const { sink, agentAudio } = agentOutput(options, chosen.current().speaker, onError);
  const holdMusic = holdMusicOf(options, audioContext, deskphone, onWarning);

  return {
    devices,
    conference,
    callAudio: callAudioOf(devices, deskphone ? audioContext : undefined, chosen),
    conferenceHook: conference && {
      join: (callId) => conference.join(callId).catch((error: unknown) => onError?.(error)),
      leave: (callId) => conference.leave(callId),
    },
    holdHook: holdMusic?.hold,
    deviceMedia: (Media) => deviceMediaOf(Media, audioContext, callMedia, onError),
    conferenceTone: (tone) => conference?.playTone(tone),
    ring: ringerOf(options, audioContext, chosen, onError),
    hear: (calls) => agentAudio?.play(whatTheAgentHears(calls, conference, callMedia)),
    audioDevices: async () => ({ ...(await listAudioDevices(devices)), choice: { ...chosen.current() } }),
    chooseAudioDevices: (next, calls, replaceMicrophone) =>
      changeDevices({ chosen, next, sink, devices, calls, replaceMicrophone }),
    silence: () => agentAudio?.play(null),
    async close() {
      await conference?.close();
      await audioContext?.close();
    },
  };
}
