// Destinations the network chooses (3xx Contacts, Refer-To) are judged by the same dial plan as typed numbers.
import { checkDestination, defaultDialingSettings } from '..';

const settings = {
  ...defaultDialingSettings,
  extensionLengths: [4],
  dialPlan: { allow: [], deny: ['+1900'] },
};

describe('checkDestination', () => {
  it.each(['sip:19002345678@pbx.example.com', 'sip:+19002345678@pbx.example.com:5060', 'sip:9002345678@pbx'])(
    'refuses %s with the dial plan’s reason',
    (uri) => {
      expect(checkDestination(uri, settings)).toEqual({
        ok: false,
        code: 'denied-by-dial-plan',
        message: "Your organisation's dial plan blocks calls to numbers starting +1900.",
      });
    },
  );

  it.each(['sip:18005550100@pbx', 'sip:queue-sales@pbx', 'sip:1002@softphone.test'])(
    'lets %s be called',
    (uri) => {
      expect(checkDestination(uri, settings)).toBeNull();
    },
  );

  it('only the dial plan refuses: a destination is not judged as the agent’s typing', () => {
    expect(checkDestination('sip:@pbx', settings)).toBeNull();
    expect(checkDestination('sip:19002345678@pbx', defaultDialingSettings)).toBeNull();
  });
});
