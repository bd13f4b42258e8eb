// Admin-edited call center items → CallCenterSettings. Every item is optional: a missing or invalid one
// falls back to its default (softphone mode, no SIP override, no prefixes) and yields a warning.
import { validateCallCenterSettings, type CallCenterSettings } from '../protocol';
import { CALL_CENTER_KEYS } from './call-center-keys';
import type { ParsedCallCenterSettings } from './parsed-call-center-settings';

const DEFAULTS: CallCenterSettings = {
  mode: 'softphone',
  sip: {},
  dialing: { outsidePrefix: '', longDistancePrefix: '', internationalPrefix: '' },
};

/** Admins write "9", " 9 ", "0-11" or "(01)": separators are dropped. */
const SEPARATORS = /[\s().-]/g;

export function parseCallCenterSettings(items: Readonly<Record<string, string>>): ParsedCallCenterSettings {
  const warnings: string[] = [];
  const settings: CallCenterSettings = {
    ...DEFAULTS,
    sip: {},
    dialing: { ...DEFAULTS.dialing },
  };

  /** Applies one item if the schema accepts the settings with it; the schema is the single source of the rules. */
  function apply(key: string, patch: (draft: CallCenterSettings) => void): void {
    const draft: CallCenterSettings = {
      ...settings,
      sip: { ...settings.sip },
      dialing: { ...settings.dialing },
    };
    patch(draft);
    const checked = validateCallCenterSettings(draft);
    if (checked.ok) Object.assign(settings, checked.value);
    else warnings.push(`Call center item ${key} was ignored: ${checked.detail.replace(/^settings\./, '')}.`);
  }

  const read = (key: string): string | undefined => {
    const value = items[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const internalName = read(CALL_CENTER_KEYS.internalName);
  if (internalName !== undefined) {
    apply(CALL_CENTER_KEYS.internalName, (draft) => {
      draft.callCenterName = internalName;
    });
  }
  const mode = read(CALL_CENTER_KEYS.mode);
  if (mode !== undefined) {
    apply(CALL_CENTER_KEYS.mode, (draft) => {
      draft.mode = mode.toLowerCase() as CallCenterSettings['mode'];
    });
  }
  const webSocketUrl = read(CALL_CENTER_KEYS.sipWebSocketUrl);
  if (webSocketUrl !== undefined) {
    apply(CALL_CENTER_KEYS.sipWebSocketUrl, (draft) => {
      draft.sip.webSocketUrl = webSocketUrl;
    });
  }
  const domain = read(CALL_CENTER_KEYS.sipDomain);
  if (domain !== undefined) {
    apply(CALL_CENTER_KEYS.sipDomain, (draft) => {
      draft.sip.domain = domain.toLowerCase();
    });
  }
  const prefixes = [
    ['outsidePrefix', CALL_CENTER_KEYS.outsidePrefix],
    ['longDistancePrefix', CALL_CENTER_KEYS.longDistancePrefix],
    ['internationalPrefix', CALL_CENTER_KEYS.internationalPrefix],
  ] as const;
  for (const [field, key] of prefixes) {
    const value = read(key);
    if (value === undefined) continue;
    apply(key, (draft) => {
      draft.dialing[field] = value.replace(SEPARATORS, '');
    });
  }
  return { settings, warnings };
}
