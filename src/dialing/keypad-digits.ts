// Vanity numbers: the letters on an ITU E.161 keypad (1-800-FLOWERS is 1-800-356-9377).

/** Keys 2 to 9, in order. */
const KEYS = ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'];

/** Replaces ASCII letters (either case) by their keypad digit; leaves every other character alone. */
export function keypadDigits(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) =>
    String(KEYS.findIndex((key) => key.includes(letter.toUpperCase())) + 2),
  );
}
