// EMULATION of an org's two hosts (ADR 0007): the Lightning pages on 127.0.0.1 and the package's Visualforce
// pages (the Open CTI bridge, the list buttons' page) on localhost, both served by the one workbench server. The
// browser keeps the two origins apart as it keeps *.lightning.force.com and *--ns.vf.force.com apart, so a
// Visualforce page reaches the utility only by postMessage, and the utility's origin check is a real one.
// A namespaced org serves the package's pages from a host that names the namespace (`acme--ns.vf.force.com`):
// the workbench's is `workbench--<ns>.vf.localhost`, which the browser resolves to the loopback as any
// `*.localhost` name, so a check that accepted the unpackaged host would fail there.
export interface WorkbenchOrigins {
  /** DomainCreator.getLightningHostname() of the emulated org, as an origin. */
  lightning: string;
  /** DomainCreator.getVisualforceHostname(namespace) of the emulated org, as an origin. */
  visualforce: string;
}

/** The Visualforce host of the package's pages, for the org's namespace ('' unpackaged). */
export const visualforceHost = (namespace: string): string =>
  namespace ? `workbench--${namespace.toLowerCase()}.vf.localhost` : 'localhost';

export function workbenchOrigins(port: string | number, namespace: string): WorkbenchOrigins {
  return {
    lightning: `http://127.0.0.1:${port}`,
    visualforce: `http://${visualforceHost(namespace)}:${port}`,
  };
}
