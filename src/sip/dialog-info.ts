// The few parts of an RFC 4235 dialog-info document the panel needs: each dialog's id, Call-ID and
// state. A small strict reader instead of a DOM (Node has none, and a NOTIFY body is untrusted input):
// bounded size, no entities beyond XML's five, anything it does not recognise is ignored or refused.

/** Larger bodies are refused: a few dialogs of one agent never come near this. */
export const MAX_DIALOG_INFO_CHARS = 64 * 1024;
const MAX_DIALOGS = 64;

export type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';

export interface DialogInfoEntry {
  id: string;
  /** The dialog's SIP Call-ID (the `call-id` attribute; absent in minimal documents). */
  callId?: string;
  state: DialogState;
}

export interface DialogInfo {
  version: number;
  /** `full`: the document lists every dialog; `partial`: only those that changed. */
  kind: 'full' | 'partial';
  entity: string;
  dialogs: DialogInfoEntry[];
}

const STATES: readonly string[] = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ROOT = new RegExp(
  `^\\s*(?:<\\?xml[^>]*\\?>\\s*)?<${PREFIX}dialog-info\\b([^>]*)>([\\s\\S]*)</${PREFIX}dialog-info>\\s*$`,
);
const DIALOG = new RegExp(`<${PREFIX}dialog\\b([^>]*?)(/?)>`, 'g');
const DIALOG_END = new RegExp(`</${PREFIX}dialog>`);
const STATE = new RegExp(`<${PREFIX}state\\b[^>]*>\\s*([a-z]+)\\s*</${PREFIX}state>`);
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

function unescapeXml(value: string): string | undefined {
  const out = value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name === 'amp' ? '\u0000amp' : ({ lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? ''),
  );
  // Any other entity (numeric, DTD-declared) is not accepted.
  if (out.includes('&')) return undefined;
  return out.replace(/\u0000amp/g, '&');
}

function attributes(text: string): Map<string, string> | undefined {
  const found = new Map<string, string>();
  let valid = true;
  const rest = text.replace(ATTRIBUTE, (_, name: string, dq?: string, sq?: string) => {
    const value = unescapeXml(dq ?? sq ?? '');
    if (value === undefined) valid = false;
    else found.set(name, value);
    return '';
  });
  return valid && rest.trim() === '' ? found : undefined;
}

/** The dialog-info document, or undefined when the body is not one (too large, malformed, a DTD). */
export function parseDialogInfo(body: string): DialogInfo | undefined {
  if (body.length > MAX_DIALOG_INFO_CHARS || /<!/.test(body)) return undefined;
  const root = ROOT.exec(body);
  if (!root) return undefined;
  const rootAttributes = attributes(root[1] ?? '');
  const version = Number(rootAttributes?.get('version'));
  const kind = rootAttributes?.get('state');
  const entity = rootAttributes?.get('entity');
  if (!Number.isSafeInteger(version) || version < 0 || (kind !== 'full' && kind !== 'partial') || !entity) {
    return undefined;
  }
  const content = root[2] ?? '';
  const dialogs: DialogInfoEntry[] = [];
  for (const open of content.matchAll(DIALOG)) {
    if (dialogs.length >= MAX_DIALOGS) break;
    const attrs = attributes(open[1] ?? '');
    const id = attrs?.get('id');
    if (!attrs || !id || open[2] === '/') continue;
    const after = content.slice((open.index ?? 0) + open[0].length);
    const end = DIALOG_END.exec(after);
    if (!end) continue;
    const state = STATE.exec(after.slice(0, end.index))?.[1];
    if (!state || !STATES.includes(state)) continue;
    const callId = attrs.get('call-id');
    dialogs.push({ id, ...(callId ? { callId } : {}), state: state as DialogState });
  }
  return { version, kind, entity, dialogs };
}

/** The Call-IDs of the dialogs the document reports as terminated (the id is opaque: not used). */
export function terminatedCallIds(info: DialogInfo): string[] {
  return info.dialogs.flatMap((d) => (d.state === 'terminated' && d.callId ? [d.callId] : []));
}
