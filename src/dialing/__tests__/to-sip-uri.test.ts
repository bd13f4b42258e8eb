import { DialingError, defaultDialingSettings, prepareDial, toSipUri } from '..';
import type { DialTarget, DialingErrorCode } from '..';

const site = { ...defaultDialingSettings, outsidePrefix: '9', extensionLengths: [4] };

function targetFor(input: string): DialTarget {
  const result = prepareDial(input, site);
  if (!result.ok) throw new Error(result.message);
  return result.target;
}

function errorCode(build: () => unknown): DialingErrorCode | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof DialingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('toSipUri', () => {
  test.each([
    ['(415) 555-0100', 'pbx.example.com', 'sip:94155550100@pbx.example.com'],
    ['+44 20 7946 0958', 'pbx.example.com', 'sip:+442079460958@pbx.example.com'],
    ['1234', 'PBX.Example.COM:5061', 'sip:1234@pbx.example.com:5061'],
    ['*72', '192.0.2.10', 'sip:*72@192.0.2.10'],
    ['#31#', '[2001:db8::1]:5060', 'sip:%2331%23@[2001:db8::1]:5060'],
    ['sips:alice@example.org:5061', 'pbx.example.com', 'sips:alice@example.org:5061'],
  ])('builds the Request-URI for %j on %j', (input, domain, uri) => {
    expect(toSipUri(targetFor(input), domain)).toBe(uri);
  });

  test('trims spaces around the domain from settings', () => {
    expect(toSipUri(targetFor('1234'), '  pbx.example.com ')).toBe('sip:1234@pbx.example.com');
  });

  test('never puts the post-dial extension into the URI', () => {
    expect(toSipUri(targetFor('+1 415 555 0100 ext. 99'), 'pbx.example.com')).toBe(
      'sip:94155550100@pbx.example.com',
    );
  });

  test.each([
    '',
    'sip:pbx.example.com',
    'pbx.example.com;transport=tcp',
    'pbx.example.com>',
    'pbx.example.com\r\nVia: x',
    'user@pbx.example.com',
    'pbx example.com',
    'pbx.example.com:99999',
    'pbx.example.com:',
    '"pbx.example.com"',
    'pbx.example.com?x=y',
    '[::1',
    `${'a'.repeat(250)}.com`,
  ])('refuses the domain %j with an invalid-domain error', (domain) => {
    expect(errorCode(() => toSipUri(targetFor('1234'), domain))).toBe('invalid-domain');
  });

  test('refuses a domain that is not a string', () => {
    expect(errorCode(() => toSipUri(targetFor('1234'), 42 as unknown as string))).toBe('invalid-domain');
  });

  test.each<[string, unknown]>([
    [
      'a pstn dialString with a header break',
      { kind: 'pstn', input: 'x', dialString: '1\r\nVia: x', display: 'x' },
    ],
    ['a pstn dialString closing the URI', { kind: 'pstn', input: 'x', dialString: '1>;tag=1', display: 'x' }],
    ['an extension with letters', { kind: 'extension', input: 'x', dialString: 'alice', display: 'x' }],
    ['a + inside a dialString', { kind: 'pstn', input: 'x', dialString: '1+2', display: 'x' }],
    ['an empty dialString', { kind: 'extension', input: '', dialString: '', display: '' }],
    ['an overlong dialString', { kind: 'pstn', input: 'x', dialString: '1'.repeat(49), display: 'x' }],
    ['a sip target without sipUri', { kind: 'sip', input: 'x', dialString: 'alice', display: 'x' }],
    [
      'a sip target with parameters',
      { kind: 'sip', input: 'x', dialString: 'a', sipUri: 'sip:a@example.com;maddr=evil.com', display: 'x' },
    ],
    [
      'a sip target with a quoted user',
      { kind: 'sip', input: 'x', dialString: 'a', sipUri: 'sip:"a"@example.com', display: 'x' },
    ],
    [
      'a sip target with an overlong user',
      { kind: 'sip', input: 'x', dialString: 'a', sipUri: `sip:${'a'.repeat(65)}@example.com`, display: 'x' },
    ],
    ['an unknown kind', { kind: 'tel', input: 'x', dialString: '1', display: 'x' }],
    ['no target at all', null],
  ])('refuses %s with an invalid-target error', (_, target) => {
    expect(errorCode(() => toSipUri(target as DialTarget, 'pbx.example.com'))).toBe('invalid-target');
  });

  test('reports errors as DialingError with a message that says what to do', () => {
    expect(() => toSipUri(targetFor('1234'), 'bad domain')).toThrow(
      new DialingError(
        'invalid-domain',
        'The SIP domain is not a plain host name or address with an optional port (for example pbx.example.com:5061). Fix the softphone settings.',
      ),
    );
  });
});
