// Test connection: the probe's credentials from Apex (signed with the secret as typed, like an agent's), then
// the core's probe from this browser. The core comes from the same static resource the softphone loads.
import { loadScript } from 'lightning/platformResourceLoader';
import SOFTPHONE_CORE from '@salesforce/resourceUrl/softphoneCore';
import mintProbeCredentials from '@salesforce/apex/SoftphoneSetupController.mintProbeCredentials';

/** The four steps' results (see src/sip/connection-probe.ts); rejects only when the test could not start. */
export async function testConnection(component, { webSocketUrl, domain, secret }) {
  const credentials = await mintProbeCredentials({ secret });
  await loadScript(component, SOFTPHONE_CORE);
  return window.SoftphoneCore.probeConnection({
    webSocketUrl,
    domain,
    sipUser: credentials.sipUser,
    username: credentials.username,
    password: credentials.password,
    pageIsSecure: window.location.protocol === 'https:',
  });
}
