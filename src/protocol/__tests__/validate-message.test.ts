// What the receiving host refuses: foreign data, other versions, unknown types, bad ids, overlong or
// control-character text, hostile keys. Accepted text stays text, markup included.
import { runInNewContext } from 'node:vm';
import { createMessage, validateMessage } from '..';

const ID18 = '003000000000001AAA';
const message = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => ({
  version: 1,
  type,
  requestId: 'req-1',
  payload,
  ...extra,
});
const click = (payload: Record<string, unknown>) =>
  validateMessage(message('clickToDial', { number: '5550100', ...payload }));

describe('validateMessage', () => {
  describe('refuses what is not an envelope as malformed', () => {
    test.each([
      ['null', null],
      ['undefined', undefined],
      ['a string', 'clickToDial'],
      ['a number', 1],
      ['a list', [1, 'clickToDial', 'req-1', {}]],
      ['a JSON string of a valid message', JSON.stringify(message('clickToDial', { number: '5550100' }))],
    ])('%s', (_name, raw) => {
      expect(validateMessage(raw)).toEqual({
        ok: false,
        reason: 'malformed',
        detail: 'message must be an object',
      });
    });

    test('another channel user’s data', () => {
      expect(validateMessage({ messageBody: 'hello', source: 'LightningMessageServiceSample' })).toEqual({
        ok: false,
        reason: 'malformed',
        detail: 'message has an unexpected member "messageBody"',
      });
    });

    test('an envelope with an extra member', () => {
      expect(validateMessage(message('clickToDial', { number: '5550100' }, { sender: 'utility' }))).toEqual({
        ok: false,
        reason: 'malformed',
        detail: 'message has an unexpected member "sender"',
      });
    });

    test('an envelope without payload', () => {
      const { payload: _payload, ...rest } = message('clickToDial', { number: '5550100' });
      expect(validateMessage(rest)).toEqual({
        ok: false,
        reason: 'malformed',
        detail: 'message has no payload',
      });
    });
  });

  test.each([[2], [0], ['1'], [1.5], [null]])('refuses version %p', (version) => {
    const checked = validateMessage({ ...message('clickToDial', { number: '5550100' }), version });
    expect(checked).toMatchObject({ ok: false, reason: 'unsupported-version' });
  });

  test('names the version it refused only when it is a number', () => {
    expect(validateMessage({ ...message('clickToDial', { number: '5550100' }), version: 2 })).toEqual({
      ok: false,
      reason: 'unsupported-version',
      detail: 'version 2 is not 1',
    });
    expect(
      validateMessage({ ...message('clickToDial', { number: '5550100' }), version: '<b>1</b>' }),
    ).toEqual({
      ok: false,
      reason: 'unsupported-version',
      detail: 'version (unprintable name) is not 1',
    });
  });

  test.each([['dial'], ['ClickToDial'], ['__proto__'], ['toString'], [42]])(
    'refuses unknown type %p',
    (type) => {
      expect(validateMessage(message(type as string, {}))).toMatchObject({
        ok: false,
        reason: 'unknown-type',
      });
    },
  );

  test('never echoes hostile text into the detail', () => {
    const checked = validateMessage(message('<img src=x onerror=alert(1)>', {}));
    expect(checked).toEqual({
      ok: false,
      reason: 'unknown-type',
      detail: 'type (unprintable name) is not a known message type',
    });
  });

  test.each([[''], ['has space'], ['x'.repeat(65)], ['<script>'], [7], [null]])(
    'refuses requestId %p',
    (requestId) => {
      expect(validateMessage({ ...message('clickToDial', { number: '5550100' }), requestId })).toMatchObject({
        ok: false,
        reason: 'invalid-request-id',
      });
    },
  );

  test('accepts requestIds of 1 to 64 letters, digits, _ and -', () => {
    for (const requestId of ['r-1', 'x'.repeat(64), '2f1c1b7e-1f0e-4c2b-9d7a-0b0d6f1e2a3c', 'A_b-9']) {
      expect(validateMessage({ ...message('clickToDial', { number: '5550100' }), requestId }).ok).toBe(true);
    }
  });

  describe('Salesforce ids', () => {
    test.each([['003000000000001'], [ID18], ['001D000000IqhSLIAZ']])(
      'accepts %s (15 characters, or 18 with a valid checksum)',
      (recordId) => {
        expect(click({ recordId }).ok).toBe(true);
      },
    );

    test.each([
      ['00300000000001'],
      ['0030000000000011'],
      ['00300000000000111'],
      ['003000000000001AAAA'],
      ['003-00000000001'],
      ['003000000000001ÄAA'],
      ['003000000000001AAB'],
      ['001D000000IqhSLIAA'],
      ['001D000000IqhSLiaz'],
    ])('refuses %s', (recordId) => {
      expect(click({ recordId })).toEqual({
        ok: false,
        reason: 'invalid-payload',
        detail:
          'payload.recordId must be a Salesforce id (15 letters and digits, or 18 with a valid checksum)',
      });
    });
  });

  describe('text', () => {
    test('keeps markup and script-like content as text, unchanged', () => {
      const recordName = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';
      expect(click({ recordName })).toMatchObject({ ok: true, value: { payload: { recordName } } });
    });

    test('accepts 255 characters of a name and refuses 256', () => {
      expect(click({ recordName: 'a'.repeat(255) }).ok).toBe(true);
      expect(click({ recordName: 'a'.repeat(256) })).toEqual({
        ok: false,
        reason: 'invalid-payload',
        detail: 'payload.recordName must have at most 255 characters',
      });
    });

    test.each([['a\u0000b'], ['a\nb'], ['a\u001bb'], ['a\u007fb']])(
      'refuses control characters in a name: %j',
      (recordName) => {
        expect(click({ recordName })).toEqual({
          ok: false,
          reason: 'invalid-payload',
          detail: 'payload.recordName must not contain control characters',
        });
      },
    );

    test('refuses an empty name', () => {
      expect(click({ recordName: '' })).toMatchObject({
        ok: false,
        detail: 'payload.recordName must not be empty',
      });
    });
  });

  describe('phone numbers', () => {
    test.each([['+1 (415) 555-0100'], ['5550100'], ['+44 20 7946 0958 x123'], ['1-800-FLOWERS'], ['*72#']])(
      'accepts %s',
      (number) => {
        expect(validateMessage(message('clickToDial', { number })).ok).toBe(true);
      },
    );

    test.each([[''], ['no digits'], ['5'.repeat(41)], ['555<0100>'], ['555\n0100'], [5550100]])(
      'refuses %p',
      (number) => {
        expect(validateMessage(message('clickToDial', { number }))).toMatchObject({
          ok: false,
          reason: 'invalid-payload',
        });
      },
    );
  });

  describe('call lists', () => {
    const entry = { number: '4155550101', recordId: ID18, recordName: 'Alice', objectType: 'Contact' };

    test('accepts up to 200 entries, each checked as a click on its number', () => {
      const list = validateMessage(message('callList', { entries: Array(200).fill(entry) }));
      expect(list.ok && list.value.payload).toEqual({ entries: Array(200).fill(entry) });
    });

    test('refuses a longer list, and names the entry that is no click', () => {
      expect(validateMessage(message('callList', { entries: Array(201).fill(entry) }))).toMatchObject({
        ok: false,
        detail: expect.stringContaining('at most 200'),
      });
      expect(
        validateMessage(message('callList', { entries: [entry, { ...entry, number: 'sip:x@evil' }] })),
      ).toMatchObject({ ok: false, detail: expect.stringContaining('payload.entries[1].number') });
    });
  });

  test('refuses a __proto__ key and leaves Object.prototype alone', () => {
    const raw: unknown = JSON.parse(
      '{"version":1,"type":"clickToDial","requestId":"r","payload":{"number":"5550100","__proto__":{"polluted":true}}}',
    );
    expect(validateMessage(raw)).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'payload has an unexpected member "__proto__"',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('refuses objects with a prototype of their own (class instances)', () => {
    class Payload {
      number = '5550100';
    }
    expect(validateMessage(message('clickToDial', new Payload()))).toMatchObject({
      ok: false,
      detail: 'payload must be an object',
    });
  });

  test('accepts plain objects from another realm (LMS may hand over another frame’s objects)', () => {
    const foreign: unknown = runInNewContext(
      '({ version: 1, type: "clickToDial", requestId: "r-9", payload: { number: "5550100" } })',
    );
    expect(validateMessage(foreign)).toStrictEqual({
      ok: true,
      value: { version: 1, type: 'clickToDial', requestId: 'r-9', payload: { number: '5550100' } },
    });
  });

  test('returns a checked copy that later changes to the input do not reach', () => {
    const payload = { number: '5550100', recordName: 'Ada' };
    const checked = validateMessage(message('clickToDial', payload));
    payload.recordName = 'Mallory';
    expect(checked).toMatchObject({ ok: true, value: { payload: { recordName: 'Ada' } } });
  });

  test("the bridge's problem carries a known code and a bounded message", () => {
    const status = (error: unknown) => message('bridgeStatus', { state: 'error', clickToDial: false, error });
    expect(validateMessage(status({ code: 'OOPS', message: 'x' }))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^payload\.error\.code must be one of INVALID_PARAM, /),
    });
    expect(validateMessage(status({ code: 'TIMEOUT', message: 'x'.repeat(501) }))).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'payload.error.message must have at most 500 characters',
    });
  });
});

describe('createMessage', () => {
  test('builds the envelope and drops optional members left undefined', () => {
    expect(createMessage('clickToDial', { number: '5550100', recordId: undefined }, 'req-7')).toStrictEqual({
      ok: true,
      value: { version: 1, type: 'clickToDial', requestId: 'req-7', payload: { number: '5550100' } },
    });
  });

  test('refuses what the receiving end would refuse', () => {
    expect(
      createMessage('bridgeStatus', { state: 'ready', clickToDial: 'yes' as unknown as boolean }, 'req-8'),
    ).toEqual({
      ok: false,
      reason: 'invalid-payload',
      detail: 'payload.clickToDial must be true or false',
    });
  });

  test('gives each message a fresh random id by default', () => {
    const ids = new Set(
      Array.from({ length: 50 }, () => {
        const built = createMessage('clickToDial', { number: '5550100' });
        return built.ok ? built.value.requestId : '';
      }),
    );
    expect(ids.size).toBe(50);
    expect([...ids].every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
  });
});
