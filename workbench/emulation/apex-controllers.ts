// EMULATION of the package's Apex controllers for the workbench. Each method returns what the real
// @AuraEnabled method returns (same DTO shape), from the workbench's local data instead of an org.
import type { KamailioServer } from '../../scripts/sip-server/kamailio';

export class ApexError extends Error {
  constructor(
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}

export type ApexMethod = (params: Record<string, unknown>) => unknown;

export interface EmulationContext {
  sip: KamailioServer;
}

export function apexControllers(ctx: EmulationContext): Record<string, Record<string, ApexMethod>> {
  return {
    SoftphoneSettingsController: {
      // Same members and defaults as SoftphoneSettingsController.Settings, pointed at the local Kamailio.
      getSettings: () => ({
        mode: 'Softphone',
        sipWebSocketUrl: ctx.sip.wsUrl,
        sipDomain: ctx.sip.domain,
        iceServers: '[]',
        maxHoldSeconds: 120,
        workTimerSeconds: 60,
        wrapUpRequired: false,
        outsidePrefix: '',
        longDistancePrefix: '',
        internationalPrefix: '',
        defaultCountry: 'US',
        deviceNumber: '',
        textReplies: [
          "Can't talk now. I'll call you back shortly.",
          "I'm on another call. Please send me an email.",
          'Please call me back in a few minutes.',
        ],
      }),
    },
  };
}
