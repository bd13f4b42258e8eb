// The setup tab's checks, the same rules SoftphoneSetupController.validate applies on save: the admin sees every
// problem next to the form before anything is sent.
import { LABELS, format } from './labels';
import { CALL_OPTION_LABELS } from './call-option-labels';

const MAX_TEXT = 255;
const WEBSOCKET_URL = /^wss:\/\/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(\/\S*)?$/;
const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const DIAL_PREFIX = /^[0-9]{0,8}$/;
const PLAN_PREFIX = /^\+?[0-9]{1,15}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ICE_URL = /^(stun|turn|turns):\S+$/;

export const RANGES = {
  maxLines: { min: 1, max: 4, label: LABELS.maxLines },
  maxHoldSeconds: { min: 0, max: 3600, label: LABELS.maxHold },
  workTimerSeconds: { min: 0, max: 3600, label: LABELS.workTimer },
  credentialTtlSeconds: { min: 300, max: 86400, label: LABELS.credentialTtl },
};

/** Wrap-up times by direction and record type: empty (not set) or within the range. */
export const OPTIONAL_RANGES = Object.fromEntries(
  [
    ['workTimerInboundSeconds', CALL_OPTION_LABELS.workTimerInbound],
    ['workTimerOutboundSeconds', CALL_OPTION_LABELS.workTimerOutbound],
    ['workTimerContactSeconds', CALL_OPTION_LABELS.workTimerContact],
    ['workTimerLeadSeconds', CALL_OPTION_LABELS.workTimerLead],
    ['workTimerAccountSeconds', CALL_OPTION_LABELS.workTimerAccount],
    ['workTimerUnknownSeconds', CALL_OPTION_LABELS.workTimerUnknown],
  ].map(([field, label]) => [field, { min: 0, max: 3600, label }]),
);

const PREFIXES = {
  outsidePrefix: LABELS.outsidePrefix,
  longDistancePrefix: LABELS.longDistancePrefix,
  internationalPrefix: LABELS.internationalPrefix,
};

const text = (value) => (value === undefined || value === null ? '' : String(value).trim());

// Blank is allowed (not configured yet); anything else must match the pattern.
function patternProblem(value, pattern, message, maxLength = MAX_TEXT) {
  const trimmed = text(value);
  return trimmed === '' || (trimmed.length <= maxLength && pattern.test(trimmed)) ? null : message;
}

/** Comma, semicolon or line separated entries, trimmed, blanks dropped (as SoftphoneSettingsController.toList). */
export function toList(value) {
  return text(value)
    .split(/[,;\r\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export function iceServersProblem(value) {
  if (text(value) === '') return null;
  if (text(value).length > MAX_TEXT) return LABELS.errorIceLength;
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return LABELS.errorIceJson;
  }
  if (!Array.isArray(parsed)) return LABELS.errorIceJson;
  for (const server of parsed) {
    if (typeof server !== 'object' || server === null || Array.isArray(server)) return LABELS.errorIceJson;
    if ('credential' in server || 'username' in server) return LABELS.errorIceSecret;
    const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
    if (urls.length === 0) return LABELS.errorIceJson;
    if (!urls.every((url) => typeof url === 'string' && ICE_URL.test(url))) return LABELS.errorIceUrl;
  }
  return null;
}

function rangeProblem(value, { min, max, label }) {
  const number = Number(value);
  const valid = text(value) !== '' && Number.isInteger(number) && number >= min && number <= max;
  return valid ? null : format(LABELS.errorRange, label, min, max);
}

function planProblem(value, label) {
  const entries = toList(value).map((entry) => entry.replace(/[\s().-]/g, ''));
  const valid = text(value).length <= MAX_TEXT && entries.every((entry) => PLAN_PREFIX.test(entry));
  return valid ? null : format(LABELS.errorPlan, label);
}

function extensionLengthsProblem(value) {
  const valid =
    text(value).length <= 20 &&
    toList(value).every((entry) => /^[0-9]{1,2}$/.test(entry) && Number(entry) >= 1 && Number(entry) <= 15);
  return valid ? null : LABELS.errorExtensionLengths;
}

function textRepliesProblem(value) {
  const valid =
    text(value).length <= MAX_TEXT &&
    text(value)
      .split(/\r?\n/)
      .every((line) => line.trim().length <= 160);
  return valid ? null : LABELS.errorTextReplies;
}

/** Every problem of the settings as { field, message }, in the order of the form; [] when they can be saved. */
export function validateSettings(settings) {
  const problems = [];
  const check = (field, message) => {
    if (message) problems.push({ field, message });
  };
  check('sipWebSocketUrl', patternProblem(settings.sipWebSocketUrl, WEBSOCKET_URL, LABELS.errorUrl));
  check('sipDomain', patternProblem(settings.sipDomain, DOMAIN, LABELS.errorDomain));
  check('iceServers', iceServersProblem(settings.iceServers));
  check('credentialTtlSeconds', rangeProblem(settings.credentialTtlSeconds, RANGES.credentialTtlSeconds));
  check('maxLines', rangeProblem(settings.maxLines, RANGES.maxLines));
  check('maxHoldSeconds', rangeProblem(settings.maxHoldSeconds, RANGES.maxHoldSeconds));
  check('workTimerSeconds', rangeProblem(settings.workTimerSeconds, RANGES.workTimerSeconds));
  check('textReplies', textRepliesProblem(settings.textReplies));
  check('defaultCountry', patternProblem(settings.defaultCountry, COUNTRY, LABELS.errorCountry, 2));
  for (const [field, label] of Object.entries(PREFIXES)) {
    check(field, DIAL_PREFIX.test(text(settings[field])) ? null : format(LABELS.errorPrefix, label));
  }
  check('extensionLengths', extensionLengthsProblem(settings.extensionLengths));
  check('dialPlanAllow', planProblem(settings.dialPlanAllow, LABELS.dialAllow));
  check('dialPlanDeny', planProblem(settings.dialPlanDeny, LABELS.dialDeny));
  for (const [field, range] of Object.entries(OPTIONAL_RANGES)) {
    check(field, text(settings[field]) === '' ? null : rangeProblem(settings[field], range));
  }
  return problems;
}

/** The problem of a new shared secret, or null. */
export function secretProblem(secret) {
  const value = text(secret);
  return value.length >= 16 && value.length <= MAX_TEXT && !/\s/.test(value) ? null : LABELS.errorSecret;
}
