import { errorMessage, reduceErrors } from 'c/softphoneErrors';

describe('c-softphone-errors', () => {
  it('reads Apex, LDS, UI API and JavaScript errors', () => {
    expect(
      reduceErrors([
        { body: { message: 'Apex' } },
        { body: { fieldErrors: { Phone: [{ message: 'Bad phone' }] }, pageErrors: [] } },
        { body: { output: { errors: [{ message: 'UI API' }], fieldErrors: {} } } },
        new TypeError('JavaScript'),
        { statusText: 'Server Error' },
        null,
      ]),
    ).toEqual(['Apex', 'Bad phone', 'UI API', 'JavaScript', 'Server Error']);
  });

  it('falls back when nothing readable is inside', () => {
    expect(errorMessage({}, 'Fallback')).toBe('Fallback');
    expect(errorMessage(undefined, 'Fallback')).toBe('Fallback');
    expect(errorMessage(new Error('  '), 'Fallback')).toBe('Fallback');
  });
});
