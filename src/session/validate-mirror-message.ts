// The receiving end of the mirror protocol: a message from another tab is checked before anything acts on
// it. Tabs of one origin are trusted code, but not necessarily the same build (a tab opened before a
// deployment), so the version, the envelope, every command and the view's load-bearing fields are checked.
import type { ContactMatch } from '../call';
import { CALL_ACTIONS, type SoftphoneView } from '../view/softphone-view';
import {
  MIRROR_VERSION,
  type AudioDevices,
  type CommandFailure,
  type ForwardedEvent,
  type MirrorCommand,
  type MirrorMessage,
  type MirrorMessageType,
} from './mirror-message';
import { fail, fields, matching, oneOf as kitOneOf, SchemaViolation, text as kitText } from '../protocol/kit';

export type MirrorValidation = { ok: true; value: MirrorMessage } | { ok: false; detail: string };

// The mirror's own rules, in its own words, on the protocol's kit: call ids are SIP Call-IDs (so `@`, `.`
// and `:` are allowed), and texts from a same-origin tab are bounded but not filtered.
const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

const object = (value: unknown, path: string, required: string[], optional: string[] = []) =>
  fields(value, path, required, optional, { nameMembers: false });

const token = (value: unknown, path: string): string => matching(value, path, ID, 'must be an id');

const text = (value: unknown, path: string, max = 4000): string =>
  kitText(value, path, { max, min: 0, controls: true, problem: `must be text of at most ${max} characters` });

const oneOf = <T extends string>(value: unknown, path: string, allowed: readonly T[]): T =>
  kitOneOf(value, path, allowed, { problem: 'is not allowed' });

const MESSAGE_FIELDS: Record<MirrorMessageType, { required: string[]; optional?: string[] }> = {
  view: { required: ['view'] },
  hello: { required: [] },
  bye: { required: ['leader'], optional: ['handover'] },
  command: { required: ['requestId', 'command'] },
  result: { required: ['to', 'requestId', 'ok'], optional: ['error', 'value'] },
};
const MESSAGE_TYPES = Object.keys(MESSAGE_FIELDS) as MirrorMessageType[];

/** The UI events a follower may forward, with the members each may carry besides `type`. */
const FORWARDED: Record<ForwardedEvent['type'], string[]> = {
  'ui.register': [],
  'ui.unregister': [],
  'ui.availability.away': [],
  'ui.availability.available': [],
  'ui.transfer.start': ['callId'],
  'ui.conference.start': ['callId'],
  'ui.transfer.complete': [],
  'ui.conference.merge': [],
  'ui.consult.cancel': [],
  'ui.conference.remove': ['callId'],
  'ui.conference.leave': [],
  'ui.error.dismiss': [],
  'ui.clickToDial.confirm': ['callId'],
  'ui.clickToDial.cancel': ['callId'],
  'ui.redirect.choose': ['callId'],
  'ui.redirect.cancel': ['callId'],
  'ui.answer': ['callId'],
  'ui.reject': ['callId'],
  'ui.rejectWithText': ['callId', 'text'],
  'ui.hangup': ['callId'],
  'ui.hold': ['callId'],
  'ui.resume': ['callId'],
  'ui.mute': ['callId'],
  'ui.unmute': ['callId'],
  'ui.keypad.toggle': ['callId'],
  'ui.dtmf': ['callId', 'digits'],
  'ui.notes.changed': ['callId', 'text'],
  'ui.notes.save': ['callId'],
  'ui.disposition.changed': ['callId', 'disposition'],
  'ui.contact.pick': ['callId', 'recordId'],
  'ui.contact.new': ['callId'],
  'ui.contact.cancel': ['callId'],
  'ui.contact.retry': ['callId'],
  'ui.wrapUp.save': ['callId'],
  'ui.wrapUp.saveAndClose': ['callId'],
  'ui.wrapUp.close': ['callId'],
  'ui.wrapUp.saveWithoutRecord': ['callId'],
  'ui.wrapUp.closeWithoutLog': ['callId'],
  'ui.dismiss': ['callId'],
};

function forwardedEvent(value: unknown, path: string): ForwardedEvent {
  const type = oneOf(
    (value as { type?: unknown } | null)?.type,
    `${path}.type`,
    Object.keys(FORWARDED) as ForwardedEvent['type'][],
  );
  const members = FORWARDED[type];
  const event = object(value, path, ['type', ...members]);
  const checked: Record<string, unknown> = { type };
  for (const member of members) {
    const v = event[member];
    if (member === 'callId' || member === 'recordId') checked[member] = token(v, `${path}.${member}`);
    else if (member === 'disposition')
      checked[member] = v === null ? null : text(v, `${path}.${member}`, 255);
    else checked[member] = text(v, `${path}.${member}`);
  }
  return checked as ForwardedEvent;
}

function contactMatch(value: unknown, path: string): ContactMatch {
  const record = object(value, path, ['id', 'objectType', 'name', 'phone'], ['accountName', 'title']);
  token(record.id, `${path}.id`);
  text(record.objectType, `${path}.objectType`, 80);
  text(record.name, `${path}.name`, 255);
  text(record.phone, `${path}.phone`, 80);
  return record as unknown as ContactMatch;
}

const DEVICE_KINDS = ['microphone', 'speaker', 'ringer'] as const;

function deviceChoice(value: unknown, path: string, partial: boolean) {
  const record = object(value, path, partial ? [] : [...DEVICE_KINDS], partial ? [...DEVICE_KINDS] : []);
  const checked: Record<string, string> = {};
  for (const kind of DEVICE_KINDS) {
    if (record[kind] !== undefined) checked[kind] = text(record[kind], `${path}.${kind}`, 256);
  }
  return checked;
}

function audioDevices(value: unknown, path: string): AudioDevices {
  const record = object(value, path, ['inputs', 'outputs', 'choice']);
  const list = (devices: unknown, at: string) => {
    if (!Array.isArray(devices) || devices.length > 50) fail(at, 'must be a list of devices');
    return devices.map((device: unknown, index) => {
      const d = object(device, `${at}[${index}]`, ['deviceId', 'label', 'kind']);
      return {
        deviceId: text(d.deviceId, `${at}[${index}].deviceId`, 256),
        label: text(d.label, `${at}[${index}].label`, 256),
        kind: oneOf(d.kind, `${at}[${index}].kind`, ['audioinput', 'audiooutput'] as const),
      };
    });
  };
  return {
    inputs: list(record.inputs, `${path}.inputs`),
    outputs: list(record.outputs, `${path}.outputs`),
    choice: deviceChoice(record.choice, `${path}.choice`, false) as unknown as AudioDevices['choice'],
  };
}

function command(value: unknown, path: string): MirrorCommand {
  const kind = oneOf((value as { kind?: unknown } | null)?.kind, `${path}.kind`, [
    'send',
    'dial',
    'redirect',
    'audioDevices',
    'chooseAudioDevices',
  ] as const);
  switch (kind) {
    case 'audioDevices':
      object(value, path, ['kind']);
      return { kind };
    case 'chooseAudioDevices':
      return {
        kind,
        choice: deviceChoice(object(value, path, ['kind', 'choice']).choice, `${path}.choice`, true),
      };
    case 'send':
      return { kind, event: forwardedEvent(object(value, path, ['kind', 'event']).event, `${path}.event`) };
    case 'dial': {
      const dial = object(value, path, ['kind', 'callId', 'number', 'source'], ['record', 'transfer']);
      return {
        kind,
        callId: token(dial.callId, `${path}.callId`),
        number: text(dial.number, `${path}.number`, 200),
        source: oneOf(dial.source, `${path}.source`, ['ui', 'crm'] as const),
        ...(dial.record === undefined ? {} : { record: contactMatch(dial.record, `${path}.record`) }),
        ...(dial.transfer === undefined
          ? {}
          : { transfer: oneOf(dial.transfer, `${path}.transfer`, ['unsupervised'] as const) }),
      };
    }
    case 'redirect': {
      const redirect = object(value, path, ['kind', 'callId', 'number']);
      return {
        kind,
        callId: token(redirect.callId, `${path}.callId`),
        number: text(redirect.number, `${path}.number`, 200),
      };
    }
  }
}

const REGISTRATIONS = [
  'unregistered',
  'registering',
  'registered',
  'reconnecting',
  'failed',
  'unregistering',
  'lost',
];

/** The fields the session layer and the UIs rely on; the rest is the leader's derived data, passed on. */
function view(value: unknown, path: string): SoftphoneView {
  const v = object(
    value,
    path,
    [
      'mode',
      'registration',
      'registrationMessage',
      'availability',
      'error',
      'calls',
      'consultation',
      'canCompleteTransfer',
      'canMergeConference',
      'canCancelConsultation',
      'canLeaveConference',
      'canDial',
    ],
    ['recentsRevision', 'clickToDial', 'conferenceNotesCallId'],
  );
  oneOf(v.registration, `${path}.registration`, REGISTRATIONS);
  if (!Array.isArray(v.calls) || v.calls.length > 50) fail(`${path}.calls`, 'must be a list of calls');
  v.calls.forEach((call: unknown, index) => {
    const at = `${path}.calls[${index}]`;
    if (typeof call !== 'object' || call === null) fail(at, 'must be an object');
    const c = call as Record<string, unknown>;
    token(c.callId, `${at}.callId`);
    oneOf(c.direction, `${at}.direction`, ['incoming', 'outgoing']);
    text(c.title, `${at}.title`);
    const actions = object(c.actions, `${at}.actions`, Object.keys(CALL_ACTIONS));
    for (const [name, allowed] of Object.entries(actions)) {
      if (typeof allowed !== 'boolean') fail(`${at}.actions.${name}`, 'must be true or false');
    }
  });
  for (const flag of [
    'canCompleteTransfer',
    'canMergeConference',
    'canCancelConsultation',
    'canLeaveConference',
    'canDial',
  ]) {
    if (typeof v[flag] !== 'boolean') fail(`${path}.${flag}`, 'must be true or false');
  }
  // Optional: a leader from before it existed still leads (its tabs' Recents reload less often).
  if (v.recentsRevision !== undefined && !Number.isSafeInteger(v.recentsRevision)) {
    fail(`${path}.recentsRevision`, 'must be a whole number');
  }
  // Optional: the click-to-dial card; its id goes back with the agent's "Call", so it must be one.
  if (v.clickToDial !== undefined && v.clickToDial !== null) {
    const card = object(v.clickToDial, `${path}.clickToDial`, [
      'callId',
      'number',
      'recordName',
      'emergency',
      'refusal',
    ]);
    token(card.callId, `${path}.clickToDial.callId`);
    text(card.number, `${path}.clickToDial.number`, 255);
  }
  conferenceNotes(v.conferenceNotesCallId, path);
  return v as unknown as SoftphoneView;
}

/** Optional: the conference's notes field types against this call, so it must be an id. */
function conferenceNotes(callId: unknown, path: string): void {
  if (callId !== undefined && callId !== null) token(callId, `${path}.conferenceNotesCallId`);
}

type Envelope = { version: typeof MIRROR_VERSION; from: string };
type Message<T extends MirrorMessageType> = Extract<MirrorMessage, { type: T }>;

function bye(m: Record<string, unknown>, base: Envelope): Message<'bye'> {
  if (typeof m.leader !== 'boolean') fail('message.leader', 'must be true or false');
  if (m.handover !== undefined && typeof m.handover !== 'boolean') {
    fail('message.handover', 'must be true or false');
  }
  return { ...base, type: 'bye', leader: m.leader, ...(m.handover === true ? { handover: true } : {}) };
}

function commandFailure(value: unknown, path: string): CommandFailure {
  const e = object(value, path, ['code', 'message']);
  oneOf(e.code, `${path}.code`, ['command-failed'] as const);
  return { code: 'command-failed', message: text(e.message, `${path}.message`, 500) };
}

function result(m: Record<string, unknown>, base: Envelope): Message<'result'> {
  if (typeof m.ok !== 'boolean') fail('message.ok', 'must be true or false');
  const error = m.error === undefined ? undefined : commandFailure(m.error, 'message.error');
  return {
    ...base,
    type: 'result',
    to: token(m.to, 'message.to'),
    requestId: token(m.requestId, 'message.requestId'),
    ok: m.ok,
    ...(error ? { error } : {}),
    ...(m.value === undefined ? {} : { value: audioDevices(m.value, 'message.value') }),
  };
}

/** The envelope every message shares, then the members of its type. */
function message(raw: unknown): MirrorMessage {
  const type = oneOf((raw as { type?: unknown } | null)?.type, 'message.type', MESSAGE_TYPES);
  const fieldsOf = MESSAGE_FIELDS[type];
  const m = object(raw, 'message', ['version', 'type', 'from', ...fieldsOf.required], fieldsOf.optional);
  if (m.version !== MIRROR_VERSION) fail('message.version', `is not ${MIRROR_VERSION}`);
  const base = { version: MIRROR_VERSION, from: token(m.from, 'message.from') } as const;
  switch (type) {
    case 'view':
      return { ...base, type, view: view(m.view, 'message.view') };
    case 'hello':
      return { ...base, type };
    case 'bye':
      return bye(m, base);
    case 'command':
      return {
        ...base,
        type,
        requestId: token(m.requestId, 'message.requestId'),
        command: command(m.command, 'message.command'),
      };
    case 'result':
      return result(m, base);
  }
}

/** Checks a message received on the mirror channel; the result's value is what the tab acts on. */
export function validateMirrorMessage(raw: unknown): MirrorValidation {
  try {
    return { ok: true, value: message(raw) };
  } catch (error) {
    if (error instanceof SchemaViolation) return { ok: false, detail: error.message };
    throw error;
  }
}
