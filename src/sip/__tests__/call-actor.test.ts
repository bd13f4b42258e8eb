import { createActor } from 'xstate';
import { SipPhone, type SipPhoneConfig } from '..';
import { createSipActors } from '../actors';

const config: SipPhoneConfig = {
  server: 'wss://pbx.example.com:8089/ws',
  aor: 'sip:alice@pbx.example.com',
  auth: { kind: 'digest', password: 'secret' },
};

describe('a call’s actor owns the events of its call', () => {
  test.each(['softphone', 'deskphone'] as const)(
    'in %s mode, calls add no listener to the phone’s stream of every event: each one hears its own leg and dialog, not a hub filtered by Call-ID',
    async (mode) => {
      const phone = new SipPhone(config);
      const subscribe = jest.spyOn(phone, 'subscribe');
      const on = jest.spyOn(phone, 'on');
      const { sipSession } = createSipActors(phone);
      const calls = (['incoming', 'outgoing'] as const).flatMap((direction) =>
        [1, 2].map((n) =>
          createActor(sipSession, {
            input: { callId: `${direction}-call-${n}-of-${mode}`, direction, mode },
          }).start(),
        ),
      );
      for (const call of calls) call.stop();
      expect(subscribe).not.toHaveBeenCalled();
      expect(on).not.toHaveBeenCalled();
      await phone.stop();
    },
  );
});
