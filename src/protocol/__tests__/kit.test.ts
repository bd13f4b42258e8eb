// The kit's options exist for validators that speak in their own words (the tab mirror): each must change
// only the wording or the rule it names.
import { SchemaViolation, fields, matching, oneOf, text } from '../kit';

function detailOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (error instanceof SchemaViolation) return error.message;
    throw error;
  }
  throw new Error('the check accepted the value');
}

test('fields names an unexpected member unless told not to', () => {
  expect(detailOf(() => fields({ a: 1, b: 2 }, 'x', ['a']))).toBe('x has an unexpected member "b"');
  expect(detailOf(() => fields({ a: 1, b: 2 }, 'x', ['a'], [], { nameMembers: false }))).toBe(
    'x has an unexpected member',
  );
  expect(detailOf(() => fields({}, 'x', ['a'], [], { nameMembers: false }))).toBe('x has no a');
});

test('oneOf lists the options unless given its own problem', () => {
  expect(detailOf(() => oneOf('c', 'x', ['a', 'b']))).toBe('x must be one of a, b');
  expect(detailOf(() => oneOf('c', 'x', ['a', 'b'], { problem: 'is not allowed' }))).toBe('x is not allowed');
});

test('text refuses control characters unless they are allowed, and says its own problem', () => {
  expect(detailOf(() => text('a\u0007', 'x', { max: 5 }))).toBe('x must not contain control characters');
  expect(text('a\u0007\n', 'x', { max: 5, controls: true })).toBe('a\u0007\n');
  expect(detailOf(() => text('abcdef', 'x', { max: 5, controls: true, problem: 'is too long' }))).toBe(
    'x is too long',
  );
});

test('matching checks a pattern and reports the problem it is given', () => {
  expect(matching('a@b', 'x', /^[a-z@]+$/, 'must be an id')).toBe('a@b');
  expect(detailOf(() => matching(7, 'x', /^[a-z@]+$/, 'must be an id'))).toBe('x must be an id');
});
