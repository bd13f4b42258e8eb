// EMULATION of SoftphoneOrigins: the emulated org's Visualforce origin (workbench/origins.ts), where Apex asks
// DomainCreator.getVisualforceHostname for the package's namespace.
import type { ApexCall } from '../emulation-context';

export const SoftphoneOrigins = {
  visualforceOrigin(call: ApexCall): string {
    if (!call.origins) throw new Error('The workbench server is not listening yet: no Visualforce origin');
    return call.origins.visualforce;
  },
};
