// Turns the Apex settings (SoftphoneSettingsController.Settings) and SIP credentials
// (SoftphoneCredentials.SipCredentials) into the options of SoftphoneCore.createSoftphone.

/** Drops members left undefined, so the core's defaults apply to them instead. */
function defined(object) {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== null),
  );
}

function policy(value) {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/** `iceServers` is a JSON array typed by the admin: `{ ok: false }` when it is not one. */
export function parseIceServers(text) {
  if (typeof text !== 'string' || text.trim() === '') return { ok: true, iceServers: [] };
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? { ok: true, iceServers: parsed } : { ok: false, iceServers: [] };
  } catch {
    return { ok: false, iceServers: [] };
  }
}

/**
 * The credentials as the core takes them: the lifetime (the admin's setting) and expiry tell the core when
 * to renew them, before the phone server would refuse them.
 */
export function toEphemeralCredentials(credentials) {
  return defined({
    username: credentials.username,
    password: credentials.password,
    ttlSeconds: credentials.ttlSeconds,
    expiresAt: credentials.expiresAt,
  });
}

/**
 * SipPhoneConfig: the agent's AOR, the WebSocket URL (the first node of a cluster, the others, separated by
 * spaces in the setting, as fallbacks), and ephemeral credentials renewed through `refresh`.
 */
export function toSipConfig(credentials, iceServers, refresh) {
  const [server, ...fallbackServers] = String(credentials.webSocketUrl ?? '')
    .trim()
    .split(/\s+/);
  return {
    server,
    ...(fallbackServers.length ? { fallbackServers } : {}),
    aor: `sip:${credentials.sipUser}@${credentials.domain}`,
    auth: { kind: 'ephemeral', ...toEphemeralCredentials(credentials), refresh },
    iceServers,
  };
}

/** What the call machines need to know; Record/NewRecord/Search/None is the admin's screen pop choice. */
export function toPhoneSettings(settings) {
  return defined({
    mode: settings.mode === 'Deskphone' ? 'deskphone' : 'softphone',
    maxLines: settings.maxLines,
    whenAway: policy(settings.whenAway),
    whenInWrapUp: policy(settings.whenInWrapUp),
    call: defined({
      wrapUpSeconds: settings.workTimerSeconds,
      maxHoldSeconds: settings.maxHoldSeconds,
      popNewContactForUnknown: settings.screenPop === 'NewRecord',
      ...callNotesAndWorkTimers(settings),
    }),
    // Off unless the admin turned it on ("has to be specifically enabled by your system administrator").
    clickToDial: settings.clickToDialEnabled === true,
  });
}

/** The wrap-up times by direction and record type (empty ones left out) and the call notes options. */
function callNotesAndWorkTimers(settings) {
  return {
    wrapUpByDirection: defined({
      incoming: settings.workTimerInboundSeconds,
      outgoing: settings.workTimerOutboundSeconds,
    }),
    wrapUpByRecord: defined({
      contact: settings.workTimerContactSeconds,
      lead: settings.workTimerLeadSeconds,
      account: settings.workTimerAccountSeconds,
      unknown: settings.workTimerUnknownSeconds,
    }),
    callNotes: settings.callNotesEnabled !== false,
    callNotesOnTransfers: settings.callNotesOnTransfers !== false,
  };
}

export function toDialingSettings(settings) {
  return {
    defaultCountry: settings.defaultCountry || 'US',
    outsidePrefix: settings.outsidePrefix || '',
    longDistancePrefix: settings.longDistancePrefix || '',
    internationalPrefix: settings.internationalPrefix || '',
    extensionLengths: settings.extensionLengths || [],
    dialPlan: { allow: settings.dialPlanAllow || [], deny: settings.dialPlanDeny || [] },
  };
}

/**
 * The core pops records by itself ('record') or never ('none'). A search for the number is the utility's
 * own job (it pops one when a call is answered), so the core must not pop records then.
 */
export function toScreenPopPolicy(settings) {
  return settings.screenPop === 'None' || settings.screenPop === 'Search' ? 'none' : 'record';
}

/**
 * The core's media options: hold music on or off, and the admin's own recording, a static resource fetched
 * next to the core's (`coreUrl`: its resource URL; the platform resolves a resource by name under the same
 * path). A recording that cannot be played falls back to the built-in melody, with a warning in the console.
 */
export function toMediaOptions(settings, coreUrl) {
  if (settings.holdMusic === false) return { holdMusic: false };
  const name = typeof settings.holdMusicResource === 'string' ? settings.holdMusicResource.trim() : '';
  const url = name ? String(coreUrl).replace(/[^/]*$/, encodeURIComponent(name)) : undefined;
  const onWarning = (message) => console.warn(message);
  return { holdMusic: url ? { url, onWarning } : { onWarning } };
}
