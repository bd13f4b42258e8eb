// The two peers of a call that reaches the agent on their own phone: the agent's device, registered for the
// agent's own number and answered by the test, and a customer who calls it. Kamailio's users for them
// come from here too, so a test file cannot configure one without the other.
import { useBaresip } from './baresip';
import type { Baresip } from './baresip';
import type { KamailioServer } from '../../scripts/sip-server/kamailio';

/** Digest users for useKamailio: the agent (the panel and the device share the AOR) and the caller 1001. */
export const AGENT_AND_CALLER_USERS = { agent: 'agent-pw', '1001': 'customer-pw' };

export interface AgentDeviceAndCaller {
  device: () => Baresip;
  caller: () => Baresip;
  /** After each test: both hang up whatever call they still have, and forget its events. */
  hangUpBoth(): Promise<void>;
}

export function useAgentDeviceAndCaller(server: () => KamailioServer): AgentDeviceAndCaller {
  const device = useBaresip(() => ({
    sip: server(),
    user: 'agent',
    password: AGENT_AND_CALLER_USERS.agent,
    answerMode: 'manual',
    name: 'agent-device',
  }));
  const caller = useBaresip(() => ({
    sip: server(),
    user: '1001',
    password: AGENT_AND_CALLER_USERS['1001'],
  }));
  return {
    device,
    caller,
    async hangUpBoth() {
      for (const peer of [device(), caller()]) {
        await peer.hangup().catch(() => undefined);
        peer.clearEvents();
      }
    },
  };
}
