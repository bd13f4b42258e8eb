import { sanitiseDisplayName } from '..';

describe('sanitiseDisplayName', () => {
  test.each([
    ['a plain name', 'Alice Smith', 'Alice Smith'],
    ['a quoted SIP display-name', '"Alice Smith"', 'Alice Smith'],
    ['accents and other scripts', 'Zoë Ørsted 王小明', 'Zoë Ørsted 王小明'],
    ['an apostrophe and a hyphen', "Seán O'Brien-Smith", "Seán O'Brien-Smith"],
    ['an emoji family joined by ZWJ', 'Ann 👨‍👩‍👧', 'Ann 👨‍👩‍👧'],
    ['CR/LF between words', 'Alice\r\nSmith', 'Alice Smith'],
    ['NUL, tab and DEL', 'A\u0000l\ti\u007fce', 'A l i ce'],
    ['runs of spaces', '  Alice \u00a0\u3000  Smith  ', 'Alice Smith'],
    ['a right-to-left override', 'Invoice\u202efdp.exe', 'Invoicefdp.exe'],
    ['bidi isolates and marks', '\u2066Bob\u2069\u200f', 'Bob'],
    ['zero-width spaces and a BOM', 'B\u200bo\ufeffb', 'Bob'],
    ['a script tag', '<script>alert(1)</script>Mallory', 'alert(1) Mallory'],
    ['an image tag', 'Eve<img src=x onerror=alert(1)>', 'Eve'],
    ['a stray angle bracket', 'a < b', 'a b'],
    ['something shaped like a tag', 'a <b> c', 'a c'],
    ['full-width angle brackets', '＜b＞Bold＜/b＞', 'Bold'],
    ['a SIP name-addr', '"Bob" <sip:bob@evil.com>', 'Bob'],
    ['piled-up combining marks', 'q\u0301\u0302\u0303\u0304\u0305\u0306o', 'q\u0301\u0302\u0303o'],
    ['a lone surrogate', 'Al\ud800ice', 'Alice'],
    ['private-use characters', 'Al\ue000ice', 'Alice'],
  ])('keeps a readable name from %s', (_, raw, expected) => {
    expect(sanitiseDisplayName(raw)).toBe(expected);
  });

  test.each([undefined, null, 42, {}, ['Alice'], '', '   ', '\r\n', '<b></b>', '\u202e'])(
    'falls back to an empty string for %j',
    (raw) => {
      expect(sanitiseDisplayName(raw)).toBe('');
    },
  );

  test('cuts a long name to the limit, ellipsis included', () => {
    const name = sanitiseDisplayName('A'.repeat(100));
    expect(name).toBe(`${'A'.repeat(63)}…`);
    expect([...name]).toHaveLength(64);
  });

  test('honours a custom limit and never leaves a space before the ellipsis', () => {
    expect(sanitiseDisplayName('Alice Smith-Jones', 7)).toBe('Alice…');
    expect(sanitiseDisplayName('Alice', 5)).toBe('Alice');
  });

  test('counts an emoji or an accented letter as one character, never splitting it', () => {
    expect(sanitiseDisplayName('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 2)).toBe('👨‍👩‍👧…');
    expect(sanitiseDisplayName('e\u0301e\u0301e\u0301', 2)).toBe('é…');
  });

  test('returns an empty string for a limit below one', () => {
    expect(sanitiseDisplayName('Alice', 0)).toBe('');
    expect(sanitiseDisplayName('Alice', -1)).toBe('');
  });

  test('stays fast and bounded on a hostile megabyte-long header', () => {
    const started = Date.now();
    const name = sanitiseDisplayName('<'.repeat(500_000) + 'x'.repeat(500_000));
    expect(Date.now() - started).toBeLessThan(500);
    expect([...name].length).toBeLessThanOrEqual(64);
  });
});
