import { createActor } from 'xstate';
import { SipPhone, type SipPhoneConfig } from '..';
import { createSipActors } from '../actors';
import { OwnedCall } from '../actors/owned-call';
import { DeviceLeg } from '../device-leg';

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

describe('deskphone mode’s code is its own static resource (softphoneDeskphone)', () => {
  const input = { callId: 'to-the-customer', direction: 'outgoing', mode: 'deskphone' } as const;
  const target = {
    kind: 'pstn',
    input: '+14155550100',
    dialString: '+14155550100',
    display: '+1 415-555-0100',
  } as const;

  test('without it, an outgoing deskphone call fails as not set instead of waiting for a device leg that never comes', async () => {
    const phone = new SipPhone(config);
    const sent: unknown[] = [];
    const device = { device: () => '+15550100', deviceLeg: () => undefined };
    const call = new OwnedCall(phone, input, (event) => sent.push(event), {
      now: Date.now,
      savedDialog: () => undefined,
      device,
    });

    call.dialDevice(target);

    expect(call.deviceLeg).toBeUndefined();
    expect(sent).toEqual([{ type: 'sip.device.failed', reason: 'device-not-set' }]);
    await phone.stop();
  });

  test('with it, the call’s leg to the agent’s device is the resource’s', async () => {
    const phone = new SipPhone(config);
    const device = { device: () => '+15550100', deviceLeg: () => DeviceLeg };
    const call = new OwnedCall(phone, input, () => undefined, {
      now: Date.now,
      savedDialog: () => undefined,
      device,
    });

    expect(call.deviceLeg).toBeInstanceOf(DeviceLeg);
    call.dispose();
    await phone.stop();
  });
});
