// The configuration with every default filled in and every value checked, as the phone and its calls use it.
import { defaultMicrophoneCheck } from './default-microphone-check';
import { defaultMuteHook } from './default-mute-hook';
import { InvalidArgumentError } from './errors';
import type { MuteHook } from './mute-hook';
import type { HoldHook } from './hold-hook';
import { type ReinviteRetryCause, reinviteRetryDelay } from './leg/reinvite';
import type { SipLogger } from './sip-logger';
import type { SipPhoneConfig } from './sip-phone-config';

export interface SipPhoneSettings {
  iceGatheringTimeoutMs: number;
  dtmf: 'rfc4733' | 'info';
  microphoneCheck: () => Promise<void>;
  muteHook: MuteHook;
  holdHook: HoldHook | undefined;
  logger: SipLogger;
  registerExpiresSec: number;
  connectionTimeoutMs: number;
  keepAlive: { intervalMs: number; timeoutMs: number } | false;
  reinviteMaxAttempts: number;
  refreshYieldMs: number;
  reinviteRetryDelay: (cause: ReinviteRetryCause) => number;
  transferTimeoutMs: number;
  maxRedirects: number;
  checkDestination: (uri: string) => string | null;
  noAnswerTimeoutSec: number;
  random: () => number;
}

const silent: SipLogger = { debug() {}, info() {}, warn() {}, error() {} };

function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      `The softphone setting ${name} must be between ${min} and ${max} (got ${value}).`,
    );
  }
  return value;
}

export function resolveSettings(config: SipPhoneConfig): SipPhoneSettings {
  const random = config.random ?? Math.random;
  const keepAlive = config.keepAlive ?? { intervalMs: 30_000, timeoutMs: 5_000 };
  return {
    iceGatheringTimeoutMs: inRange('iceGatheringTimeoutMs', config.iceGatheringTimeoutMs ?? 500, 0, 5000),
    dtmf: config.dtmf ?? 'rfc4733',
    microphoneCheck: config.microphoneCheck ?? (() => defaultMicrophoneCheck(config.openMicrophone)),
    muteHook: config.muteHook ?? defaultMuteHook,
    holdHook: config.holdHook,
    logger: config.logger ?? silent,
    registerExpiresSec: inRange('registerExpiresSec', config.registerExpiresSec ?? 600, 10, 86_400),
    connectionTimeoutMs: inRange('connectionTimeoutMs', config.connectionTimeoutMs ?? 5000, 100, 60_000),
    keepAlive,
    reinviteMaxAttempts: inRange('reinviteMaxAttempts', config.reinviteMaxAttempts ?? 4, 1, 10),
    refreshYieldMs: inRange('refreshYieldMs', config.refreshYieldMs ?? 1500, 0, 10_000),
    reinviteRetryDelay: config.reinviteRetryDelay ?? ((cause) => reinviteRetryDelay(cause, random)),
    transferTimeoutMs: inRange('transferTimeoutMs', config.transferTimeoutMs ?? 30_000, 10, 600_000),
    maxRedirects: inRange('maxRedirects', config.maxRedirects ?? 3, 0, 10),
    checkDestination: config.checkDestination ?? (() => null),
    noAnswerTimeoutSec: inRange('noAnswerTimeoutSec', config.noAnswerTimeoutSec ?? 120, 1, 3600),
    random,
  };
}
