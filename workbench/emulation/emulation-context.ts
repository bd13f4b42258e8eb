// What every emulated Apex method and Open CTI service works with: the running user, the sample data,
// the local store, and the local SIP server standing in for the org's configured one.
import type { CallLogSwitch } from './apex/call-log-switch';
import type { LocalStore } from './local-store';
import type { SampleData, SampleUser } from './sample-data';
import type { WorkbenchOrigins } from '../origins';

/** The local SIP server (the workbench's Kamailio): where a blank SIP WebSocket URL/domain points. */
export interface LocalSipServer {
  wsUrl: string;
  domain: string;
}

export interface EmulationContext {
  sample: SampleData;
  store: LocalStore;
  sip: LocalSipServer;
  /** The secret Kamailio's auth_ephemeral was started with. */
  sipSecret: string;
  /** Unix milliseconds; tests replace it. */
  now: () => number;
  /**
   * TEST ONLY (never set by `npm start`, never in an org): the lifetime of minted SIP credentials, in
   * seconds, instead of the org's setting, which like the org's is held to 300..86400 s. Lets a browser test
   * run through several lifetimes in seconds without faking any clock.
   */
  testCredentialTtlSeconds?: number;
  /** TEST ONLY: refusals and races of the emulated call log (apex/call-log-switch.ts); off by default. */
  callLog: CallLogSwitch;
  /** The org's Lightning and Visualforce origins, once the server listens (workbench/origins.ts). */
  origins?: WorkbenchOrigins;
}

/** One call's context: the emulation plus the running user (UserInfo.getUserId()). */
export interface ApexCall extends EmulationContext {
  user: SampleUser;
}
