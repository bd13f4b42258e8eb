// Public surface of src/media.
export * from './conference-mixer';
export { CallConference } from './call-conference';
export type { CallConferenceOptions } from './call-conference-options';
export type { MixableCallMedia } from './mixable-call-media';
export * from './media-errors';
export type { CallQuality } from './call-quality';
export type { CallQualityRating } from './call-quality-rating';
export type { CallQualitySample } from './call-quality-sample';
export type { CodecImpairment } from './codec-impairment';
export { estimateCallQuality, mosFromR, G711_WITH_PLC } from './estimate-call-quality';
export { CallQualityMonitor } from './call-quality-monitor';
export type { CallQualityMonitorOptions } from './call-quality-monitor';
export { qualitySampleFromStats } from './quality-sample-from-stats';
export type { QualityCounters } from './quality-sample-from-stats';
export type { AudioDevice } from './audio-device';
export { listAudioDevices, setAudioOutput } from './audio-devices';
export { Ringtone } from './ringtone';
export type { RingtoneOptions } from './ringtone';
