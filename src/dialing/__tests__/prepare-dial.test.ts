import { defaultDialingSettings, prepareDial } from '..';
import type { DialErrorCode, DialResult, DialTarget, DialingSettings } from '..';

function settings(overrides: Partial<DialingSettings> = {}): DialingSettings {
  return {
    ...defaultDialingSettings,
    extensionLengths: [],
    dialPlan: { allow: [], deny: [] },
    ...overrides,
  };
}

/** A US site behind a PBX: 9 for an outside line, 1 for long distance, 011 for international. */
const usSite = settings({
  defaultCountry: 'US',
  outsidePrefix: '9',
  longDistancePrefix: '1',
  internationalPrefix: '011',
  extensionLengths: [3, 4],
});

/** A UK site: 9 for an outside line, 00 for international; the national "0" is part of the number. */
const ukSite = settings({
  defaultCountry: 'GB',
  outsidePrefix: '9',
  internationalPrefix: '00',
  extensionLengths: [4],
});

function target(result: DialResult): DialTarget {
  if (!result.ok) throw new Error(`expected a target, got ${result.code}: ${result.message}`);
  return result.target;
}

function refusal(result: DialResult): { code: DialErrorCode; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.target)}`);
  return { code: result.code, message: result.message };
}

describe('prepareDial', () => {
  describe('on a US site (outside 9, long distance 1, international 011)', () => {
    test.each([
      ['(415) 555-0100', '+14155550100', '914155550100', '(415) 555-0100'],
      ['415.555.0100', '+14155550100', '914155550100', '(415) 555-0100'],
      ['415-555-0100', '+14155550100', '914155550100', '(415) 555-0100'],
      ['1 (415) 555-0100', '+14155550100', '914155550100', '(415) 555-0100'],
      ['+1 415 555 0100', '+14155550100', '914155550100', '(415) 555-0100'],
      ['+1 416 555 0100', '+14165550100', '914165550100', '(416) 555-0100'],
      ['1-800-FLOWERS', '+18003569377', '918003569377', '(800) 356-9377'],
      ['1-800-flowers', '+18003569377', '918003569377', '(800) 356-9377'],
      ['+44 20 7946 0958', '+442079460958', '9011442079460958', '+44 20 7946 0958'],
      ['011 44 20 7946 0958', '+442079460958', '9011442079460958', '+44 20 7946 0958'],
      ['+33 1 23 45 67 89', '+33123456789', '901133123456789', '+33 1 23 45 67 89'],
    ])('dials %j as a PSTN number with the site prefixes', (input, e164, dialString, display) => {
      expect(target(prepareDial(input, usSite))).toEqual({ kind: 'pstn', input, e164, dialString, display });
    });

    test('dials a Canadian number as a national long-distance call, since NANP shares one dialling plan', () => {
      expect(target(prepareDial('+1 416 555 0100', usSite)).dialString).toBe('914165550100');
    });
  });

  describe('on a UK site (outside 9, international 00)', () => {
    test.each([
      ['020 7946 0958', '+442079460958', '902079460958', '020 7946 0958'],
      ['+44 20 7946 0958', '+442079460958', '902079460958', '020 7946 0958'],
      ['+44 (0) 20 7946 0958', '+442079460958', '902079460958', '020 7946 0958'],
      ['07911 123456', '+447911123456', '907911123456', '07911 123456'],
      ['00 1 415 555 0100', '+14155550100', '90014155550100', '+1 415 555 0100'],
      ['+1 (415) 555-0100', '+14155550100', '90014155550100', '+1 415 555 0100'],
    ])('dials %j keeping the national trunk 0 and using 00 abroad', (input, e164, dialString, display) => {
      expect(target(prepareDial(input, ukSite))).toEqual({ kind: 'pstn', input, e164, dialString, display });
    });
  });

  describe('international numbers', () => {
    test.each([
      ['+61 2 9374 4000', 'US', '+61293744000', '+61 2 9374 4000'],
      ['+81 3-1234-5678', 'GB', '+81312345678', '+81 3 1234 5678'],
      ['+49 30 123456', 'FR', '+4930123456', '+49 30 123456'],
      ['+7 495 123-45-67', 'US', '+74951234567', '+7 495 123 45 67'],
    ])(
      'reads %j from a %s site as E.164 and shows it in international format',
      (input, country, e164, display) => {
        expect(target(prepareDial(input, settings({ defaultCountry: country })))).toMatchObject({
          kind: 'pstn',
          e164,
          dialString: e164,
          display,
        });
      },
    );

    test.each([
      ['03-1234-5678', 'JP', '+81312345678', '0312345678', '03-1234-5678'],
      ['8 (495) 123-45-67', 'RU', '+74951234567', '84951234567', '8 (495) 123-45-67'],
      ['(02) 9374 4000', 'AU', '+61293744000', '0293744000', '(02) 9374 4000'],
    ])(
      'reads %j as a national number of a %s site, trunk prefix included',
      (input, country, e164, dialString, display) => {
        expect(target(prepareDial(input, settings({ defaultCountry: country })))).toMatchObject({
          kind: 'pstn',
          e164,
          dialString,
          display,
        });
      },
    );

    test('reads full-width digits and plus signs pasted from East Asian text', () => {
      expect(target(prepareDial('＋８１ ３ １２３４ ５６７８', settings()))).toMatchObject({
        e164: '+81312345678',
      });
    });

    test('ignores invisible bidi marks copied around a number', () => {
      expect(target(prepareDial('\u202a+44 20 7946 0958\u202c\u200e', settings()))).toMatchObject({
        e164: '+442079460958',
        input: '+44 20 7946 0958',
      });
    });
  });

  describe('admin prefixes', () => {
    const national = '(415) 555-0100';
    const abroad = '+44 20 7946 0958';
    test.each([
      ['no prefixes', {}, '4155550100', '+442079460958'],
      ['an outside prefix only', { outsidePrefix: '9' }, '94155550100', '+442079460958'],
      ['a long-distance prefix only', { longDistancePrefix: '1' }, '14155550100', '+442079460958'],
      ['an international prefix only', { internationalPrefix: '011' }, '4155550100', '011442079460958'],
      [
        'outside and international',
        { outsidePrefix: '9', internationalPrefix: '011' },
        '94155550100',
        '9011442079460958',
      ],
      [
        'all three',
        { outsidePrefix: '0', longDistancePrefix: '1', internationalPrefix: '011' },
        '014155550100',
        '0011442079460958',
      ],
      [
        'prefixes written with spaces and dashes',
        { outsidePrefix: ' 9 ', internationalPrefix: '0-11' },
        '94155550100',
        '9011442079460958',
      ],
      ['a * in the outside prefix', { outsidePrefix: '*9' }, '*94155550100', '+442079460958'],
    ])(
      'with %s, national and international dial strings are as the PBX expects',
      (_, prefixes, nationalDial, abroadDial) => {
        const site = settings({ defaultCountry: 'US', ...prefixes });
        expect(target(prepareDial(national, site)).dialString).toBe(nationalDial);
        expect(target(prepareDial(abroad, site)).dialString).toBe(abroadDial);
      },
    );

    test('dials +E.164 without the outside prefix when the international prefix is empty', () => {
      expect(target(prepareDial('+44 20 7946 0958', settings({ outsidePrefix: '9' }))).dialString).toBe(
        '+442079460958',
      );
    });

    test('never puts prefixes in front of extensions or feature codes', () => {
      expect(target(prepareDial('1234', usSite)).dialString).toBe('1234');
      expect(target(prepareDial('*72', usSite)).dialString).toBe('*72');
    });
  });

  describe('extensions, feature codes and emergency numbers', () => {
    test.each([
      ['123', '123'],
      ['1234', '1234'],
      ['12-34', '1234'],
    ])('dials %j as an internal extension when its length is an extension length', (input, dialString) => {
      expect(target(prepareDial(input, usSite))).toEqual({
        kind: 'extension',
        input,
        dialString,
        display: dialString,
      });
    });

    test('reads a digit string as a phone number when its length is not an extension length', () => {
      expect(refusal(prepareDial('12345', usSite)).code).toBe('invalid-number');
    });

    test('refuses a short digit string as a number when the site has no extensions', () => {
      expect(refusal(prepareDial('1234', settings())).code).toBe('invalid-number');
    });

    test.each(['*72', '*98', '#31#', '*21*1234#', '**1234'])(
      'dials feature code %j exactly as typed',
      (input) => {
        expect(target(prepareDial(input, usSite))).toEqual({
          kind: 'extension',
          input,
          dialString: input,
          display: input,
        });
      },
    );

    test('refuses a feature code carrying a whole outside number, which would slip past the dial plan', () => {
      expect(refusal(prepareDial('*67 415 555 0100', usSite))).toEqual({
        code: 'invalid-number',
        message:
          'A feature code can carry an extension but not an outside number. Dial the number on its own.',
      });
    });

    test.each([
      ['911', 'US'],
      ['112', 'US'],
      ['999', 'GB'],
      ['112', 'GB'],
      ['000', 'AU'],
    ])('dials emergency number %j on a %s site as-is, with no prefix', (input, country) => {
      const site = settings({
        defaultCountry: country,
        outsidePrefix: '9',
        longDistancePrefix: '1',
        extensionLengths: [3],
      });
      expect(target(prepareDial(input, site))).toEqual({
        kind: 'pstn',
        input,
        dialString: input,
        display: input,
        emergency: true,
      });
    });

    test('does not treat another country’s emergency number as one', () => {
      expect(refusal(prepareDial('999', settings({ defaultCountry: 'US' }))).code).toBe('invalid-number');
    });
  });

  describe('post-dial extensions', () => {
    test.each([
      ['+1 415 555 0100 ext. 123', '123'],
      ['+1 415 555 0100 ext 123', '123'],
      ['(415) 555-0100 x123', '123'],
      ['(415) 555-0100x 12', '12'],
      ['415-555-0100 extension: 7', '7'],
    ])('reads %j as the number plus digits to send once connected', (input, postDial) => {
      expect(target(prepareDial(input, usSite))).toMatchObject({
        e164: '+14155550100',
        dialString: '914155550100',
        display: `(415) 555-0100 ext. ${postDial}`,
        postDial,
      });
    });
  });

  describe('tel: URIs', () => {
    test.each([
      ['tel:+1-415-555-0100', { e164: '+14155550100', dialString: '914155550100' }],
      ['TEL:+14155550100', { e164: '+14155550100' }],
      [
        'tel:+1-415-555-0100;ext=123',
        { e164: '+14155550100', postDial: '123', display: '(415) 555-0100 ext. 123' },
      ],
      ['tel:+1-415-555-0100;isub=1411', { e164: '+14155550100' }],
      ['tel:555-0100;phone-context=+1-415', { e164: '+14155550100', dialString: '914155550100' }],
      ['tel:+14155550100;phone-context=+44', { e164: '+14155550100' }],
      ['tel:%2B1%20415%20555%200100', { e164: '+14155550100' }],
      ['tel:(415)555-0100', { e164: '+14155550100' }],
      ['tel:1234;phone-context=pbx.example.com', { kind: 'extension', dialString: '1234' }],
    ])('reads %j', (input, expected) => {
      expect(target(prepareDial(input, usSite))).toMatchObject({ kind: 'pstn', input, ...expected });
    });

    test.each([
      ['tel:+1-415-555-0100;ext=12a', 'invalid-number'],
      ['tel:+1-415-555-0100;ext=1;ext=2', 'invalid-number'],
      ['tel:555-0100;phone-context=+1-41x', 'invalid-number'],
      ['tel:555-0100;phone-context=bad_host!', 'invalid-number'],
      ['tel:+1-415-555-0100;foo="bar"', 'invalid-characters'],
      ['tel:+1-415-555-0100;=1', 'invalid-number'],
      ['tel:%E0%A4%A', 'invalid-characters'],
      ['tel:+14155550100%0D%0AVia:%20evil', 'invalid-characters'],
      ['tel:+14155550100%3E', 'invalid-characters'],
      ['tel:', 'empty'],
    ])('refuses the malformed or hostile link %j', (input, code) => {
      expect(refusal(prepareDial(input, usSite)).code).toBe(code);
    });
  });

  describe('sip: URIs', () => {
    test.each([
      ['sip:alice@example.com', 'sip:alice@example.com', 'alice', 'alice@example.com'],
      ['SIP:Alice@Example.COM', 'sip:Alice@example.com', 'Alice', 'Alice@example.com'],
      [
        'sips:bob.smith@pbx.example.com:5061',
        'sips:bob.smith@pbx.example.com:5061',
        'bob.smith',
        'bob.smith@pbx.example.com:5061',
      ],
      ['sip:1000@192.0.2.10', 'sip:1000@192.0.2.10', '1000', '1000@192.0.2.10'],
      [
        'sip:queue-sales@[2001:db8::1]:5060',
        'sip:queue-sales@[2001:db8::1]:5060',
        'queue-sales',
        'queue-sales@[2001:db8::1]:5060',
      ],
      ['sip:*97@localhost', 'sip:*97@localhost', '*97', '*97@localhost'],
    ])('accepts %j as a SIP target', (input, sipUri, dialString, display) => {
      expect(target(prepareDial(input, usSite))).toEqual({ kind: 'sip', input, sipUri, dialString, display });
    });

    test('attaches the E.164 number when the SIP user is a phone number', () => {
      expect(target(prepareDial('sip:+14155550100@trunk.example.com', usSite))).toMatchObject({
        kind: 'sip',
        e164: '+14155550100',
        sipUri: 'sip:+14155550100@trunk.example.com',
      });
    });

    test.each([
      'sip:alice@example.com;transport=tcp',
      'sip:alice@example.com;tag=1234',
      'sip:alice@example.com?Subject=hi',
      'sip:alice;user=phone@example.com',
      'sip:alice@example.com>',
      'sip:<alice@example.com>',
      'sip:"alice"@example.com',
      'sip:al ice@example.com',
      'sip:alice,bob@example.com',
      'sip:al%0Dice@example.com',
      'sip:alice@exa_mple.com',
      'sip:alice@example.com:0',
      'sip:alice@example.com:65536',
      'sip:alice@example..com',
      'sip:alice@-example.com',
      'sip:alice@1.2.3.999',
      'sip:alice@[2001:db8::1',
      'sip:alice@[gggg::1]',
      'sip:alice@bob@example.com',
      'sip:@example.com',
      'sip:alice@',
      'sip:alice',
    ])('refuses %j as an invalid SIP address', (input) => {
      expect(refusal(prepareDial(input, usSite))).toEqual({
        code: 'invalid-sip-uri',
        message:
          "That SIP address isn't valid. Use sip:name@host or sip:name@host:port, with no spaces, quotes, < > or ;parameters.",
      });
    });
  });

  describe('refusals, one per code, in words an agent understands', () => {
    test.each<[string, string, DialingSettings, DialErrorCode, string]>([
      ['an empty input', '', usSite, 'empty', 'Type a number to call.'],
      ['spaces only', '   ', usSite, 'empty', 'Type a number to call.'],
      ['invisible characters only', '\u200b\u202e', usSite, 'empty', 'Type a number to call.'],
      [
        '65 characters',
        '1'.repeat(65),
        usSite,
        'too-long',
        'That number is too long to dial (more than 64 characters).',
      ],
      [
        '33 digits',
        '+1 ' + '2'.repeat(32),
        usSite,
        'too-long',
        'That number is too long to dial (more than 32 digits).',
      ],
      [
        'a line break',
        '415 555 0100\n',
        usSite,
        'invalid-characters',
        'That number contains hidden characters, such as a line break or a tab. Type it again.',
      ],
      ['a word', 'hello', usSite, 'invalid-characters', "That number has letters we can't dial."],
      [
        'letters before the area code',
        'ABC 555 0100',
        usSite,
        'invalid-characters',
        "That number has letters we can't dial.",
      ],
      [
        'a bare SIP address',
        'alice@example.com',
        usSite,
        'invalid-characters',
        'To call a SIP address, start it with sip: (for example sip:alice@example.com).',
      ],
      [
        'a semicolon',
        '415 555 0100;tag=1',
        usSite,
        'invalid-characters',
        "That number has characters we can't dial. Use digits, spaces and + ( ) - . (and * or # to start a feature code).",
      ],
      [
        'a + in the middle',
        '415+555+0100',
        usSite,
        'invalid-characters',
        'Put + only at the start of an international number.',
      ],
      [
        'a # in the middle',
        '415#5550100',
        usSite,
        'invalid-characters',
        '* and # can only start a feature code (for example *72).',
      ],
      [
        'an unknown number',
        '(415) 555-010',
        usSite,
        'invalid-number',
        "That isn't a valid US phone number. Check the digits, or start an international number with + and the country code.",
      ],
      [
        'an unknown country code',
        '+999 1234 5678',
        usSite,
        'invalid-number',
        "That isn't a valid international number. Check the country code and the digits.",
      ],
      [
        'the outside prefix typed by hand',
        '9 1 415 555 0100',
        usSite,
        'invalid-number',
        "That isn't a valid phone number. Leave out the outside-line prefix (9): it is added for you.",
      ],
      ['punctuation only', '+() -', usSite, 'invalid-number', "That isn't a phone number: it has no digits."],
      [
        'a bad SIP URI',
        'sip:a b@c',
        usSite,
        'invalid-sip-uri',
        "That SIP address isn't valid. Use sip:name@host or sip:name@host:port, with no spaces, quotes, < > or ;parameters.",
      ],
      [
        'a denied number',
        '1-900-555-0100',
        settings({ dialPlan: { allow: [], deny: ['+1900'] } }),
        'denied-by-dial-plan',
        "Your organisation's dial plan blocks calls to numbers starting +1900.",
      ],
      [
        'a number outside the allow list',
        '+44 20 7946 0958',
        settings({ dialPlan: { allow: ['+1'], deny: [] } }),
        'denied-by-dial-plan',
        "Your organisation's dial plan doesn't allow calls to +44 20 7946 0958.",
      ],
      [
        'an unknown default country',
        '415 555 0100',
        settings({ defaultCountry: 'XX' }),
        'invalid-settings',
        "Dialing isn't set up correctly: the default country is not a known ISO country code. Ask your Salesforce administrator to check the dialing settings.",
      ],
    ])('refuses %s', (_, input, site, code, message) => {
      expect(prepareDial(input, site)).toEqual({ ok: false, code, message });
    });

    test('refuses an input that is not a string at all, as from an unchecked message', () => {
      expect(refusal(prepareDial(undefined as unknown as string, usSite)).code).toBe('empty');
      expect(refusal(prepareDial({ toString: () => '911' } as unknown as string, usSite)).code).toBe('empty');
    });
  });

  describe('injection attempts', () => {
    test.each([
      ['CR/LF header injection', '4155550100\r\nVia: SIP/2.0/UDP evil', 'invalid-characters'],
      ['a bare LF', '4155550100\nX: y', 'invalid-characters'],
      ['a NUL byte', '4155550100\u0000', 'invalid-characters'],
      ['a tab', '415\t555 0100', 'invalid-characters'],
      ['a Unicode line separator', '415\u2028555 0100', 'invalid-characters'],
      ['a C1 next-line', '415\u0085555 0100', 'invalid-characters'],
      ['closing the Request-URI', '4155550100>;tag=evil', 'invalid-characters'],
      ['a URI parameter', '4155550100;user=phone', 'invalid-characters'],
      ['a To tag', '4155550100;tag=abc', 'invalid-characters'],
      ['a quoted display name', '"Boss" <sip:4155550100@evil.com>', 'invalid-characters'],
      ['a header list', '4155550100, sip:evil@evil.com', 'invalid-characters'],
      ['markup', '<script>alert(1)</script>', 'invalid-characters'],
      ['a full-width angle bracket', '4155550100＞', 'invalid-characters'],
      ['a SIP URI with a CR/LF', 'sip:alice@example.com\r\nVia: x', 'invalid-characters'],
      ['a SIP URI closing its brackets', 'sip:alice@example.com>;tag=1', 'invalid-sip-uri'],
      ['a SIP URI with headers', 'sip:alice@example.com?Call-ID=1', 'invalid-sip-uri'],
      ['an escaped CR/LF in a SIP URI', 'sip:alice%0d%0a@example.com', 'invalid-sip-uri'],
      ['an overlong SIP URI', `sip:alice@${'a'.repeat(60)}.com`, 'too-long'],
      ['an overlong number', '4'.repeat(10_000), 'too-long'],
    ])('refuses %s', (_, input, code) => {
      expect(refusal(prepareDial(input, usSite)).code).toBe(code);
    });
  });

  describe('dial plan', () => {
    const plan = (allow: string[], deny: string[]): DialingSettings =>
      settings({ defaultCountry: 'US', extensionLengths: [4], dialPlan: { allow, deny } });

    test.each<[string, string[], string[], string, boolean]>([
      ['an empty plan allows everything', [], [], '+44 20 7946 0958', true],
      ['a deny prefix blocks matching numbers', [], ['+1900'], '1-900-555-0100', false],
      ['a deny prefix leaves others alone', [], ['+1900'], '415 555 0100', true],
      ['deny matches the E.164 form however the number was typed', [], ['+44'], '011 44 20 7946 0958', false],
      ['an allow list admits its prefixes', ['+1'], [], '415 555 0100', true],
      ['an allow list refuses everything else', ['+1'], [], '+44 20 7946 0958', false],
      ['deny wins over allow', ['+1'], ['+1900'], '+1 900 555 0100', false],
      ['a longer allow prefix does not beat a deny', ['+1900555'], ['+1900'], '+1 900 555 0100', false],
      ['admins may write prefixes without + or with separators', [], ['1 (900)'], '1-900-555-0100', false],
      ['blank entries are ignored', [''], [' '], '+44 20 7946 0958', true],
    ])('%s', (_, allow, deny, input, allowed) => {
      const result = prepareDial(input, plan(allow, deny));
      expect(result.ok ? 'allowed' : result.code).toBe(allowed ? 'allowed' : 'denied-by-dial-plan');
    });

    test('lets extensions, feature codes and emergency numbers bypass the PSTN dial plan', () => {
      const strict = plan(['+1415'], ['+1']);
      expect(prepareDial('1234', strict).ok).toBe(true);
      expect(prepareDial('*72', strict).ok).toBe(true);
      expect(prepareDial('911', strict).ok).toBe(true);
    });

    test('applies the plan to a SIP user that is a phone number', () => {
      expect(refusal(prepareDial('sip:+1-900-555-0100@trunk.example.com', plan([], ['+1900']))).code).toBe(
        'denied-by-dial-plan',
      );
      expect(refusal(prepareDial('sip:19005550100@trunk.example.com', plan([], ['+1900']))).code).toBe(
        'denied-by-dial-plan',
      );
      expect(prepareDial('sip:alice@example.com', plan(['+1415'], [])).ok).toBe(true);
    });

    test('refuses a numeric SIP user it cannot check while a plan is in force, and allows it otherwise', () => {
      expect(refusal(prepareDial('sip:914155550100@pbx.example.com', plan([], ['+1900'])))).toEqual({
        code: 'denied-by-dial-plan',
        message:
          "That SIP address looks like a phone number we can't check against your organisation's dial plan. Dial the number itself instead.",
      });
      expect(prepareDial('sip:914155550100@pbx.example.com', plan([], [])).ok).toBe(true);
      expect(prepareDial('sip:1234@pbx.example.com', plan([], ['+1'])).ok).toBe(true);
    });
  });

  describe('settings', () => {
    test.each<[string, Partial<DialingSettings>]>([
      ['an outside prefix with a comma', { outsidePrefix: '9,' }],
      ['a long-distance prefix with a letter', { longDistancePrefix: 'l' }],
      ['an international prefix with a +', { internationalPrefix: '+' }],
      ['an overlong prefix', { outsidePrefix: '123456789' }],
      ['an extension length of zero', { extensionLengths: [0] }],
      ['a fractional extension length', { extensionLengths: [3.5] }],
      ['a dial plan entry that is a country name', { dialPlan: { allow: ['US'], deny: [] } }],
      ['a dial plan entry with a parameter', { dialPlan: { allow: [], deny: ['+1;tag=x'] } }],
      ['a missing dial plan', { dialPlan: undefined as unknown as DialingSettings['dialPlan'] }],
      ['a country that is not a string', { defaultCountry: 1 as unknown as string }],
    ])('refuses every dial when the admin settings have %s', (_, overrides) => {
      expect(refusal(prepareDial('415 555 0100', settings(overrides))).code).toBe('invalid-settings');
    });

    test('reads admin prefixes and dial plan entries pasted with stray spaces and line breaks', () => {
      const pasted = settings({ outsidePrefix: ' 9\r\n', dialPlan: { allow: [], deny: ['+1 900\n', '\t'] } });
      expect(target(prepareDial('415 555 0100', pasted)).dialString).toBe('94155550100');
      expect(refusal(prepareDial('1 900 555 0100', pasted)).code).toBe('denied-by-dial-plan');
    });

    test('accepts a lower-case default country', () => {
      expect(target(prepareDial('020 7946 0958', settings({ defaultCountry: 'gb' }))).e164).toBe(
        '+442079460958',
      );
    });

    test('uses the defaults without extensions or prefixes', () => {
      expect(target(prepareDial('(415) 555-0100', defaultDialingSettings))).toEqual({
        kind: 'pstn',
        input: '(415) 555-0100',
        e164: '+14155550100',
        dialString: '4155550100',
        display: '(415) 555-0100',
      });
    });
  });
});
