// The few parts of an RFC 4235 dialog-info document the panel needs: each dialog's id, Call-ID and
// state. A small strict reader instead of a DOM (Node has none, and a NOTIFY body is untrusted input):
// bounded size, no entities beyond XML's five, anything it does not recognise is ignored or refused.
// It reads the body once, left to right, with indexOf and anchored scans only: a hostile body (unclosed
// tags, deep nesting, endless attributes) costs time linear in its length, never a regex's backtracking.

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
/** A tag's name (with an optional namespace prefix, dropped) and what follows it; sticky: never scans ahead. */
const TAG_NAME = /\/?(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/y;
const ATTRIBUTE_NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /\s*/y;
const STATE_TEXT = /^\s*([a-z]+)\s*$/;
const BLANK = /^\s*$/;

function unescapeXml(value: string): string | undefined {
  const out = value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) =>
    name === 'amp' ? '\u0000amp' : ({ lt: '<', gt: '>', quot: '"', apos: "'" }[name] ?? ''),
  );
  // Any other entity (numeric, DTD-declared) is not accepted.
  if (out.includes('&')) return undefined;
  return out.replace(/\u0000amp/g, '&');
}

function skipSpace(text: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

/** `name="value"` pairs separated by white space, or undefined when anything else is there. */
function attributes(text: string): Map<string, string> | undefined {
  const found = new Map<string, string>();
  let at = skipSpace(text, 0);
  while (at < text.length) {
    ATTRIBUTE_NAME.lastIndex = at;
    const name = ATTRIBUTE_NAME.exec(text)?.[0];
    if (!name) return undefined;
    at = skipSpace(text, at + name.length);
    if (text[at] !== '=') return undefined;
    at = skipSpace(text, at + 1);
    const quote = text[at];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = text.indexOf(quote, at + 1);
    if (end === -1) return undefined;
    const raw = text.slice(at + 1, end);
    const value = raw.includes('<') ? undefined : unescapeXml(raw);
    if (value === undefined) return undefined;
    found.set(name, value);
    const next = skipSpace(text, end + 1);
    if (next === end + 1 && next < text.length) return undefined;
    at = next;
  }
  return found;
}

interface Tag {
  name: string;
  closing: boolean;
  /** `<name/>` */
  empty: boolean;
  /** The attribute text of an opening tag. */
  attributes: string;
}

/** The tag between '<' and '>' (exclusive), or undefined when it is not one this reader knows. */
function readTag(body: string, from: number, to: number): Tag | undefined {
  TAG_NAME.lastIndex = from;
  const match = TAG_NAME.exec(body);
  if (!match || TAG_NAME.lastIndex > to) return undefined;
  const closing = body[from] === '/';
  const rest = body.slice(TAG_NAME.lastIndex, to);
  if (closing)
    return BLANK.test(rest) ? { name: match[1] ?? '', closing, empty: false, attributes: '' } : undefined;
  if (rest !== '' && !/^[\s/]/.test(rest)) return undefined;
  const empty = rest.endsWith('/');
  return { name: match[1] ?? '', closing, empty, attributes: empty ? rest.slice(0, -1) : rest };
}

interface Reading {
  root?: Map<string, string>;
  /** The root element was closed: nothing but white space may follow. */
  done: boolean;
  dialogs: DialogInfoEntry[];
  /** The dialog being read (undefined: none, or one whose attributes were refused) and its first state. */
  dialog?: { id: string; callId?: string; state?: string };
  /** Where the text of a dialog's `<state>` starts, until the next tag. */
  stateText?: number;
}

/** Takes one tag in document order; false when the document cannot be a dialog-info one. */
function take(reading: Reading, tag: Tag, body: string, open: number, end: number): boolean {
  const stateText = reading.stateText;
  reading.stateText = undefined;
  if (reading.done) return false;
  if (!reading.root) {
    if (tag.closing || tag.empty || tag.name !== 'dialog-info') return false;
    reading.root = attributes(tag.attributes);
    return reading.root !== undefined;
  }
  const dialog = reading.dialog;
  if (tag.closing && tag.name === 'dialog-info') reading.done = true;
  else if (!tag.closing && tag.name === 'dialog') {
    const attrs = tag.empty ? undefined : attributes(tag.attributes);
    const id = attrs?.get('id');
    const callId = attrs?.get('call-id');
    reading.dialog = id ? { id, ...(callId ? { callId } : {}) } : undefined;
  } else if (!tag.closing && tag.name === 'state' && !tag.empty && dialog?.state === undefined) {
    reading.stateText = end + 1;
  } else if (tag.closing && tag.name === 'state' && dialog && stateText !== undefined) {
    dialog.state = STATE_TEXT.exec(body.slice(stateText, open))?.[1] ?? '';
  } else if (tag.closing && tag.name === 'dialog' && dialog) {
    const { state, ...entry } = dialog;
    if (state && STATES.includes(state) && reading.dialogs.length < MAX_DIALOGS) {
      reading.dialogs.push({ ...entry, state: state as DialogState });
    }
    reading.dialog = undefined;
  }
  return true;
}

/** The dialog-info document, or undefined when the body is not one (too large, malformed, a DTD). */
export function parseDialogInfo(body: string): DialogInfo | undefined {
  if (body.length > MAX_DIALOG_INFO_CHARS || body.includes('<!')) return undefined;
  const reading: Reading = { done: false, dialogs: [] };
  let at = 0;
  for (;;) {
    const open = body.indexOf('<', at);
    // Text outside the root element is white space only.
    if (!reading.root || reading.done) {
      if (!BLANK.test(body.slice(at, open === -1 ? body.length : open))) return undefined;
    }
    if (open === -1) break;
    // No later '>' means no later tag can end either: the rest is refused in one step.
    const end = body.indexOf('>', open + 1);
    if (end === -1) return undefined;
    const prolog = at === 0 && open === skipSpace(body, 0) && /^<\?xml\b[^>]*\?$/.test(body.slice(open, end));
    at = end + 1;
    if (prolog) continue;
    const tag = readTag(body, open + 1, end);
    if (!tag || !take(reading, tag, body, open, end)) return undefined;
  }
  const root = reading.root;
  if (!root || !reading.done) return undefined;
  const version = Number(root.get('version'));
  const kind = root.get('state');
  const entity = root.get('entity');
  if (!Number.isSafeInteger(version) || version < 0 || (kind !== 'full' && kind !== 'partial') || !entity) {
    return undefined;
  }
  return { version, kind, entity, dialogs: reading.dialogs };
}

/** The Call-IDs of the dialogs the document reports as terminated (the id is opaque: not used). */
export function terminatedCallIds(info: DialogInfo): string[] {
  return info.dialogs.flatMap((d) => (d.state === 'terminated' && d.callId ? [d.callId] : []));
}
