// EMULATION of an org's two hosts (ADR 0007): the Lightning pages on 127.0.0.1 and the package's Visualforce
// pages (the Open CTI bridge, the list buttons' page) on localhost, both served by the one workbench server. The
// browser keeps the two origins apart as it keeps *.lightning.force.com and *--ns.vf.force.com apart, so a
// Visualforce page reaches the utility only by postMessage, and the utility's origin check is a real one.
export interface WorkbenchOrigins {
  /** DomainCreator.getLightningHostname() of the emulated org, as an origin. */
  lightning: string;
  /** DomainCreator.getVisualforceHostname(namespace) of the emulated org, as an origin. */
  visualforce: string;
}

export function workbenchOrigins(port: string | number): WorkbenchOrigins {
  return { lightning: `http://127.0.0.1:${port}`, visualforce: `http://localhost:${port}` };
}
