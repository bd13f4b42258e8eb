import { MIRROR_VERSION } from '../mirror-message';
import { validateMirrorMessage } from '../validate-mirror-message';
import { idleView, ringingCall } from './fake-softphone';

const command = (command: unknown) => ({
  version: MIRROR_VERSION,
  type: 'command',
  from: 'tab-b',
  requestId: 'tab-b:1',
  command,
});

describe('validateMirrorMessage', () => {
  test('accepts a leader view with a ringing call and returns it', () => {
    const view = { ...idleView(), calls: [ringingCall('call-1')] };
    const result = validateMirrorMessage({ version: MIRROR_VERSION, type: 'view', from: 'tab-a', view });
    expect(result).toEqual({
      ok: true,
      value: { version: MIRROR_VERSION, type: 'view', from: 'tab-a', view },
    });
  });

  test('a leader view may carry the click-to-dial card, and a follower may answer it', () => {
    const clickToDial = { callId: 'k-1', number: '911', recordName: null, emergency: true, refusal: null };
    const view = { ...idleView(), clickToDial };
    expect(validateMirrorMessage({ version: MIRROR_VERSION, type: 'view', from: 'tab-a', view })).toEqual({
      ok: true,
      value: { version: MIRROR_VERSION, type: 'view', from: 'tab-a', view },
    });
    const confirm = command({ kind: 'send', event: { type: 'ui.clickToDial.confirm', callId: 'k-1' } });
    expect(validateMirrorMessage(confirm)).toEqual({ ok: true, value: confirm });
  });

  test("a leader view names the conference member whose notes the conference shows; a follower's view keeps it", () => {
    const view = { ...idleView(), calls: [ringingCall('c-1')], conferenceNotesCallId: 'c-1' };
    expect(validateMirrorMessage({ version: MIRROR_VERSION, type: 'view', from: 'tab-a', view })).toEqual({
      ok: true,
      value: { version: MIRROR_VERSION, type: 'view', from: 'tab-a', view },
    });
    const refused = validateMirrorMessage({
      version: MIRROR_VERSION,
      type: 'view',
      from: 'tab-a',
      view: { ...view, conferenceNotesCallId: 'a b' },
    });
    expect(refused).toEqual({ ok: false, detail: 'message.view.conferenceNotesCallId must be an id' });
  });

  test("a leader's bye may say its calls were handed over (saved for the next leader), and nothing else", () => {
    const bye = { version: MIRROR_VERSION, type: 'bye', from: 'tab-a', leader: true };
    expect(validateMirrorMessage({ ...bye, handover: true })).toEqual({
      ok: true,
      value: { ...bye, handover: true },
    });
    expect(validateMirrorMessage(bye)).toEqual({ ok: true, value: bye });
    expect(validateMirrorMessage({ ...bye, handover: 'yes' })).toMatchObject({
      ok: false,
      detail: expect.stringContaining('message.handover must be true or false'),
    });
  });

  test('a dial may ask for an unsupervised transfer', () => {
    const dial = { kind: 'dial', callId: 'c', number: '1002', source: 'ui', transfer: 'unsupervised' };
    expect(validateMirrorMessage(command(dial))).toEqual({ ok: true, value: command(dial) });
  });

  test('keeps its own rules on the protocol kit: SIP Call-IDs and multi-line notes pass, long notes do not', () => {
    const event = { type: 'ui.notes.changed', callId: 'a84b4c76e66710@pc33.example.com', text: 'one\ntwo' };
    expect(validateMirrorMessage(command({ kind: 'send', event }))).toMatchObject({ ok: true });
    const long = { ...event, text: 'x'.repeat(4001) };
    expect(validateMirrorMessage(command({ kind: 'send', event: long }))).toEqual({
      ok: false,
      detail: 'message.command.event.text must be text of at most 4000 characters',
    });
  });

  test('keeps only the members a forwarded UI event has', () => {
    const result = validateMirrorMessage(
      command({ kind: 'send', event: { type: 'ui.notes.changed', callId: 'call-1', text: '<b>ok</b>' } }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        command: { kind: 'send', event: { type: 'ui.notes.changed', callId: 'call-1', text: '<b>ok</b>' } },
      },
    });
  });

  test.each([
    [
      'another version',
      { ...command({ kind: 'send', event: { type: 'ui.answer', callId: 'c' } }), version: 2 },
      'message.version is not 1',
    ],
    [
      'an unknown type',
      { version: MIRROR_VERSION, type: 'takeover', from: 'tab-b' },
      'message.type is not allowed',
    ],
    [
      'an extra envelope member',
      { version: MIRROR_VERSION, type: 'hello', from: 'tab-b', extra: 1 },
      'message has an unexpected member',
    ],
    [
      'a SIP event forwarded as a click',
      command({ kind: 'send', event: { type: 'sip.invite.received', callId: 'c' } }),
      'message.command.event.type is not allowed',
    ],
    [
      'a dial result instead of a number',
      command({ kind: 'send', event: { type: 'ui.dial', callId: 'c' } }),
      'message.command.event.type is not allowed',
    ],
    [
      'a dial that asks for some other kind of transfer',
      command({ kind: 'dial', callId: 'c', number: '1002', source: 'ui', transfer: 'blind' }),
      'message.command.transfer is not allowed',
    ],
    [
      'an answer without its call',
      command({ kind: 'send', event: { type: 'ui.answer' } }),
      'message.command.event has no callId',
    ],
    [
      'a call id that is not an id',
      command({ kind: 'redirect', callId: 'a b\n', number: '1002' }),
      'message.command.callId must be an id',
    ],
    [
      'a view whose recent calls revision is not a number',
      { version: MIRROR_VERSION, type: 'view', from: 'tab-a', view: { ...idleView(), recentsRevision: '2' } },
      'message.view.recentsRevision must be a whole number',
    ],
    [
      'a view whose click-to-dial card names no request',
      {
        version: MIRROR_VERSION,
        type: 'view',
        from: 'tab-a',
        view: {
          ...idleView(),
          clickToDial: { callId: 'a b', number: '1', recordName: null, emergency: false, refusal: null },
        },
      },
      'message.view.clickToDial.callId must be an id',
    ],
    [
      'a view whose action is not a flag',
      {
        version: MIRROR_VERSION,
        type: 'view',
        from: 'tab-a',
        view: {
          ...idleView(),
          calls: [{ ...ringingCall('c'), actions: { ...ringingCall('c').actions, answer: 'yes' } }],
        },
      },
      'message.view.calls[0].actions.answer must be true or false',
    ],
  ])('refuses %s with a reason naming the field', (_name, message, detail) => {
    expect(validateMirrorMessage(message)).toEqual({ ok: false, detail });
  });
});
