// Brittle on purpose: the statechart, the SIP adapter and the UI depend on exactly these names and values.
import * as dialing from '..';

describe('src/dialing public surface', () => {
  test('exports exactly the dialing API', () => {
    expect(Object.keys(dialing).sort()).toEqual([
      'DialingError',
      'afterNumberingPlans',
      'checkDestination',
      'defaultDialingSettings',
      'prepareDial',
      'provideNumberingPlans',
      'sanitiseDisplayName',
      'searchVariants',
      'toSipUri',
      'whenNumberingPlans',
    ]);
  });

  test('defaults to a US site with no prefixes, no extensions and no dial plan', () => {
    expect(dialing.defaultDialingSettings).toEqual({
      defaultCountry: 'US',
      outsidePrefix: '',
      longDistancePrefix: '',
      internationalPrefix: '',
      extensionLengths: [],
      dialPlan: { allow: [], deny: [] },
    });
  });

  test('freezes the defaults all the way down, so no caller can change them for everyone', () => {
    const defaults = dialing.defaultDialingSettings;
    expect(Object.isFrozen(defaults)).toBe(true);
    expect(Object.isFrozen(defaults.extensionLengths)).toBe(true);
    expect(Object.isFrozen(defaults.dialPlan)).toBe(true);
    expect(Object.isFrozen(defaults.dialPlan.allow)).toBe(true);
    expect(Object.isFrozen(defaults.dialPlan.deny)).toBe(true);
  });

  test('names its errors DialingError with a stable code', () => {
    const error = new dialing.DialingError('invalid-domain', 'Fix the softphone settings.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DialingError');
    expect(error.code).toBe('invalid-domain');
  });
});
