import { searchVariants } from '..';

describe('searchVariants', () => {
  test('lists a US number in the forms people store it in, E.164 first', () => {
    expect(searchVariants('+1 415 555 0100', 'US')).toEqual([
      '+14155550100',
      '(415) 555-0100',
      '4155550100',
      '+1 415 555 0100',
      '14155550100',
    ]);
  });

  test('lists a UK number with and without its trunk 0', () => {
    expect(searchVariants('020 7946 0958', 'GB')).toEqual([
      '+442079460958',
      '020 7946 0958',
      '02079460958',
      '2079460958',
      '+44 20 7946 0958',
      '442079460958',
    ]);
  });

  test('lists a foreign number seen from another country the same way', () => {
    expect(searchVariants('+442079460958', 'US')).toEqual(searchVariants('020 7946 0958', 'GB'));
  });

  test.each([
    ['(415) 555-0100', 'US'],
    ['415.555.0100', 'US'],
    ['14155550100', 'US'],
    ['+1 (415) 555-0100 ext. 12', 'US'],
    ['tel:+1-415-555-0100;ext=12', 'US'],
    ['sip:+14155550100@trunk.example.com;user=phone', 'GB'],
    ['sips:+14155550100@trunk.example.com', 'GB'],
    ['011 1 415 555 0100', 'US'],
  ])('finds the same contact for caller ID %j on a %s site', (input, country) => {
    expect(searchVariants(input, country)[0]).toBe('+14155550100');
  });

  test('keeps the digits of a number it cannot place, plus the last ten', () => {
    expect(searchVariants('0049 30 123456 7890', 'XX')).toEqual(['0049301234567890', '1234567890']);
  });

  test('searches an extension by its digits only', () => {
    expect(searchVariants('1234', 'US')).toEqual(['1234']);
  });

  test.each([
    ['an empty string', ''],
    ['two digits', '12'],
    ['a name', 'Alice'],
    ['a SIP user that is a name', 'sip:alice@example.com'],
    ['a header injection', '4155550100\r\nVia: x'],
    ['markup', '<b>4155550100</b>'],
    ['an overlong input', '1'.repeat(65)],
    ['18 digits', '1'.repeat(18)],
    ['a non-string', 4155550100 as unknown as string],
  ])('returns no variants for %s', (_, input) => {
    expect(searchVariants(input, 'US')).toEqual([]);
  });

  test('returns at most eight distinct variants made of digits, spaces and + ( ) - only', () => {
    for (const input of ['+1 415 555 0100', '+44 20 7946 0958', '+81 3-1234-5678', '+54 9 11 2345 6789']) {
      const variants = searchVariants(input, 'US');
      expect(variants.length).toBeLessThanOrEqual(8);
      expect(new Set(variants).size).toBe(variants.length);
      for (const variant of variants) expect(variant).toMatch(/^[0-9+() -]+$/);
    }
  });
});
