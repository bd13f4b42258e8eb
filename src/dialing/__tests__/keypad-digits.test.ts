import { keypadDigits } from '../keypad-digits';

describe('keypadDigits', () => {
  test('maps every letter, in either case, to its E.161 keypad digit', () => {
    expect(keypadDigits('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('22233344455566677778889999');
    expect(keypadDigits('abcdefghijklmnopqrstuvwxyz')).toBe('22233344455566677778889999');
  });

  test('leaves digits and every other character as they are', () => {
    expect(keypadDigits('+1 (800) FLOWERS-é*#')).toBe('+1 (800) 3569377-é*#');
  });
});
