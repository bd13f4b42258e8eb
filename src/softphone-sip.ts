// The softphone's SIP wiring: SIP.js on the agent's audio (the microphone, the conference mix's mute, the
// dial plan for 3xx targets), the agent's own phone in deskphone mode, and the quality watch on each call.
import type { PhoneSettings } from './call';
import type { SoftphoneOptions } from './create-softphone';
import { deskphoneParts } from './deskphone';
import { checkDestination, prepareDial, type DialingSettings } from './dialing';
import { createAudioRouting, type AudioRouting } from './media/audio-routing';
import { watchCallQuality, type CallQualityWatch } from './media/call-quality-watch';
import { SipPhone, type DeviceHook, type MuteHook, type SipPhoneConfig } from './sip';
import { defaultMuteHook } from './sip/default-mute-hook';

/**
 * The agent's audio and SIP.js on it: each call's media is SIP's; each call sends the chosen microphone,
 * mutes in the conference mix when there is one, and goes where a 3xx sends it only through the dial plan.
 */
export function connectSip(
  options: SoftphoneOptions,
  settings: PhoneSettings,
  dialing: DialingSettings,
  instanceId: string | undefined,
): { sip: SipPhone; audio: AudioRouting } {
  const audio = createAudioRouting({
    options: options.media,
    callMedia: (callId) => sip.media(callId),
    deskphone: settings.mode === 'deskphone',
    onError: options.onError,
    onWarning: (message) => options.sip.logger?.warn(message),
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
    // The held party hears music instead of the agent (src/media/hold-music.ts).
    holdHook: options.sip.holdHook ?? audio.holdHook,
    // One +sip.instance per browser and agent: a reload's registration replaces the old page's contact.
    instanceId,
  };
  const sip = new SipPhone(
    audio.callAudio && !options.sip.sessionDescriptionHandlerFactory
      ? { openMicrophone: audio.callAudio, ...sipConfig }
      : sipConfig,
  );
  return { sip, audio };
}

/**
 * Deskphone mode: the agent's own phone, its connect prompt and its key listener. Their code arrives after
 * the phone started (src/deskphone.ts); a device leg exists only once it has, so the media is built then.
 */
export function deviceHookOf(
  audio: AudioRouting,
  device: SoftphoneOptions['device'],
  dialing: DialingSettings,
): DeviceHook {
  let media: ReturnType<AudioRouting['deviceMedia']> | undefined;
  const deviceMedia = () => {
    const parts = deskphoneParts();
    if (parts) media ??= audio.deviceMedia(parts.DeviceMedia);
    return media ?? {};
  };
  return {
    listenForKeys: (callId, onKey) => deviceMedia().listenForKeys?.(callId, onKey) ?? (() => undefined),
    playPrompt: (callId) => deviceMedia().playPrompt?.(callId) ?? (() => undefined),
    deviceLeg: () => deskphoneParts()?.DeviceLeg,
    ...device,
    // The dialing rules apply to the device number as to any other; a refused one is "not set".
    device: () => {
      const number = device?.number()?.trim();
      if (!number) return undefined;
      const prepared = prepareDial(number, dialing);
      return prepared.ok ? prepared.target : undefined;
    },
  };
}

/** Call quality from getStats while a call is connected; a changed rating refreshes the view. */
export function watchQuality(sip: SipPhone, intervalMs: number, onChange: () => void): CallQualityWatch {
  return watchCallQuality({
    intervalMs,
    peerConnection: (callId) => sip.media(callId)?.peerConnection,
    onChange,
    follow: (calls) =>
      sip.subscribe((event) => {
        if (event.type === 'sip.call.answered') calls.connected(event.callId);
        if (event.type === 'sip.call.ended' || event.type === 'sip.call.failed') calls.ended(event.callId);
      }),
  });
}
