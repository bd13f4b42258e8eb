// EMULATION of SoftphoneCredentials: getSipCredentials gives Kamailio auth_ephemeral credentials for the running
// user's own SIP user, signed with the secret the workbench started Kamailio with — the same scheme (and
// the same function) as the workbench's /api/sip-credentials.
import { createHmac } from 'node:crypto';
import { ephemeralCredentials } from '../../../scripts/sip-server/kamailio';
import { AuraHandledException } from '../apex-error';
import type { ApexCall } from '../emulation-context';
import { effectiveSettings } from './settings-controller';
import { SIP_USER, sipUserOf } from './sip-users';

export interface SipCredentials {
  username: string;
  password: string;
  sipUser: string;
  domain: string;
  webSocketUrl: string;
  ttlSeconds: number;
  expiresAt: number;
}

export const SoftphoneCredentials = {
  getSipCredentials(call: ApexCall): SipCredentials {
    const sipUser = sipUserOf(call, call.user);
    if (sipUser === '') {
      throw new AuraHandledException(
        'Your phone has no SIP user yet. Ask your Salesforce admin to set "SIP User" for you in Softphone Settings.',
      );
    }
    if (!SIP_USER.test(sipUser)) {
      throw new AuraHandledException(
        "Your SIP user in Softphone Settings contains characters a phone address can't use. Ask your Salesforce admin to correct it.",
      );
    }
    const settings = effectiveSettings(call);
    // TEST ONLY override (see EmulationContext): an org always uses the admin's 300..86400 s setting.
    const ttlSeconds = call.testCredentialTtlSeconds ?? settings.credentialTtlSeconds;
    const { username, password } = ephemeralCredentials(call.sipSecret, sipUser, ttlSeconds, call.now());
    return {
      username,
      password,
      sipUser,
      domain: settings.sipDomain,
      webSocketUrl: settings.sipWebSocketUrl,
      ttlSeconds,
      expiresAt: Number(username.split(':')[0]),
    };
  },

  /**
   * EMULATION of SoftphoneCredentials.getStorageKey: the key that seals the running user's calls and drafts
   * in browser storage, derived from the same secret and inputs as the Apex.
   */
  getStorageKey(call: ApexCall): string {
    return createHmac('sha256', call.sipSecret)
      .update(`softphone-storage-key:v1:${call.sample.organization.Id}:${call.user.Id}`)
      .digest('base64');
  },
};
