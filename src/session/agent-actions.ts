// The agent's actions, in whichever tab they are taken: run on the real phone where this tab holds it, sent
// to the leader as commands where it follows.
import type { Follower } from './follower';
import type { Leader } from './leader';
import type { ForwardedEvent } from './mirror-message';
import { SessionError } from './session-error';
import { randomId } from './tab-context';
import type { TabSoftphone } from './tab-softphone';

export type AgentActions = Pick<
  TabSoftphone,
  'send' | 'dial' | 'redirect' | 'audioDevices' | 'chooseAudioDevices'
>;

export function createAgentActions(
  leader: Leader,
  follower: Follower,
  onError: (error: unknown) => void,
): AgentActions {
  return {
    send(event) {
      const phone = leader.phone ?? leader.handedOver;
      // The notes field flushes on pagehide too, after this page's phone was suspended (see Softphone.send).
      if (phone) return phone.send(event);
      if (event.type === 'ui.dial' || event.type === 'ui.redirect') {
        // The leader applies its own dialing rules: dial() and redirect() carry the number, not a result.
        return onError(new SessionError('command-failed', `${event.type} goes through dial() or redirect()`));
      }
      follower.forward({ kind: 'send', event: event as ForwardedEvent });
    },
    dial(number, dialOptions = {}) {
      if (leader.phone) return leader.phone.dial(number, dialOptions);
      // The follower names the call, so it can return the id the leader will dial with.
      const callId = randomId() + randomId();
      const { record, transfer } = dialOptions;
      const source = dialOptions.source ?? 'ui';
      follower.forward({
        kind: 'dial',
        callId,
        number,
        source,
        ...(record ? { record } : {}),
        ...(transfer ? { transfer } : {}),
      });
      return callId;
    },
    redirect(callId, number) {
      if (leader.phone) return leader.phone.redirect(callId, number);
      follower.forward({ kind: 'redirect', callId, number });
    },
    async audioDevices() {
      if (leader.phone) return leader.phone.audioDevices();
      const devices = await follower.request({ kind: 'audioDevices' });
      if (!devices) throw new SessionError('command-failed', 'no device list');
      return devices;
    },
    async chooseAudioDevices(choice) {
      if (leader.phone) return leader.phone.chooseAudioDevices(choice);
      await follower.request({ kind: 'chooseAudioDevices', choice });
    },
  };
}
