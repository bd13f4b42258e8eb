// Entry of the softphoneDeskphone static resource (scripts/build.ts): the code only deskphone mode runs (the
// leg to the agent's own phone, its connect prompt and its in-band key listener). The utility loads it once
// the phone has started, and only when the admin chose deskphone mode; the host hands it to the core with
// provideDeskphone (src/deskphone.ts). Not in softphoneCore (bench B3).
export { DeviceLeg } from './sip/device-leg';
export { DeviceMedia } from './media/device-media';
