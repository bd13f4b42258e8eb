// The numbering plans arrive in their own static resource after the core: the moments before that.
import type * as DialingModule from '..';
import * as numberingPlans from '../numbering-plans-resource';

type Dialing = typeof DialingModule;

/** src/dialing as a fresh page has it: the core loaded, its numbering plans not yet. */
function freshDialing(): Dialing {
  let fresh: Dialing | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<Dialing>('..');
  });
  if (!fresh) throw new Error('src/dialing did not load');
  return fresh;
}

describe('numbering plans, their own static resource', () => {
  afterEach(() => jest.useRealTimers());

  test('before they arrive, a dial is refused in words, not guessed', () => {
    const dialing = freshDialing();
    expect(dialing.prepareDial('(415) 555-0100', dialing.defaultDialingSettings)).toEqual({
      ok: false,
      code: 'numbering-plans-loading',
      message: 'The phone is still loading the numbering plans. Try again in a moment.',
    });
  });

  test('before they arrive, a contact search uses the digits as written', () => {
    const dialing = freshDialing();
    expect(dialing.searchVariants('(415) 555-0100', 'US')).toEqual(['4155550100']);
  });

  test('a dial made before they arrive waits for them, in order, and is prepared with them', async () => {
    const dialing = freshDialing();
    const placed: string[] = [];
    const place = (number: string) => () => {
      const result = dialing.prepareDial(number, dialing.defaultDialingSettings);
      placed.push(result.ok ? (result.target.e164 ?? '') : result.code);
    };
    dialing.afterNumberingPlans(place('415 555 0100'));
    dialing.afterNumberingPlans(place('+44 20 7946 0000'));
    await Promise.resolve();
    expect(placed).toEqual([]);
    dialing.provideNumberingPlans(numberingPlans);
    await dialing.whenNumberingPlans();
    await Promise.resolve();
    expect(placed).toEqual(['+14155550100', '+442079460000']);
  });

  test('plans that never arrive: the waiting dial is refused after the wait, not kept forever', async () => {
    jest.useFakeTimers();
    const dialing = freshDialing();
    const results: string[] = [];
    dialing.afterNumberingPlans(() => {
      const result = dialing.prepareDial('415 555 0100', dialing.defaultDialingSettings);
      results.push(result.ok ? 'placed' : result.code);
    });
    await jest.advanceTimersByTimeAsync(9_999);
    expect(results).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(results).toEqual(['numbering-plans-loading']);
  });

  test('something that is not numbering plans is refused, and the first plans handed in stay', () => {
    const dialing = freshDialing();
    expect(() => dialing.provideNumberingPlans({ ...numberingPlans, metadata: { countries: 'no' } })).toThrow(
      TypeError,
    );
    expect(() => dialing.provideNumberingPlans(numberingPlans.metadata)).toThrow(TypeError);
    dialing.provideNumberingPlans(numberingPlans);
    dialing.provideNumberingPlans({
      ...numberingPlans,
      metadata: { countries: {}, country_calling_codes: {} },
    });
    expect(dialing.prepareDial('415 555 0100', dialing.defaultDialingSettings)).toMatchObject({ ok: true });
  });
});
