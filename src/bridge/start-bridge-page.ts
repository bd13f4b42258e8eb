// Wires the Visualforce page: Open CTI from the page's window, the bridge, and its status element.
import { BRIDGE_STATUS_TAG, type BridgeStatusElement } from './status-element/bridge-status';
import type { BridgePageEnv, LightningWindow } from './bridge-page-env';
import { SoftphoneBridge } from './softphone-bridge';
import { wrapOpenCti } from './wrap-open-cti';

export const OPEN_CTI_MISSING =
  'Open CTI did not load. This page works only inside the phone utility of Lightning Experience: check that you are assigned to a Softphone call center, then reload.';

function statusElement(document: Document): BridgeStatusElement {
  const found = document.querySelector(BRIDGE_STATUS_TAG);
  if (found) return found;
  const created = document.createElement(BRIDGE_STATUS_TAG);
  document.body.append(created);
  return created;
}

export const LIGHTNING_ORIGIN_MISSING =
  'This page does not know the Lightning address it belongs to, so clicks on phone numbers cannot reach the phone. Tell your administrator: the Softphone bridge page is not the package’s own.';

/**
 * The Lightning origin the page's controller rendered (DomainCreator.getLightningHostname()), the only
 * target the bridge posts to; undefined unless it is an https origin (or http on a loopback host, the workbench).
 */
export function lightningOrigin(document: Document): string | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="softphone-lightning-origin"]')?.content;
  try {
    const url = new URL(content ?? '');
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.origin !== content || (url.protocol !== 'https:' && !loopback)) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function showError(element: BridgeStatusElement, message: string): void {
  element.state = 'error';
  element.clickToDial = false;
  element.message = message;
}

/** Posts to the Lightning window only: never to '*', so no other page can read a click. */
const postTo = (parent: LightningWindow, origin: string) => (message: unknown) =>
  parent.postMessage(message, origin);

/** The switch the Visualforce page rendered from Softphone_Settings__c; off unless it says "true". */
export function clickToDialSwitch(document: Document): boolean {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="softphone-click-to-dial"]');
  return meta?.content.trim().toLowerCase() === 'true';
}

export async function startBridgePage(env: BridgePageEnv): Promise<SoftphoneBridge | undefined> {
  const element = statusElement(env.document);
  const raw = env.window.sforce?.opencti;
  if (!raw) {
    env.logger.error(
      'sforce.opencti is missing: opencti_min.js did not load or the page is not in the Open CTI iframe',
    );
    showError(element, OPEN_CTI_MISSING);
    return undefined;
  }
  const origin = lightningOrigin(env.document);
  if (!origin || !env.window.parent) {
    env.logger.error('No Lightning origin on the page (meta softphone-lightning-origin): nothing is posted');
    showError(element, LIGHTNING_ORIGIN_MISSING);
    return undefined;
  }
  const bridge = new SoftphoneBridge({
    openCti: wrapOpenCti(raw, env.timeoutMs === undefined ? {} : { timeoutMs: env.timeoutMs }),
    logger: env.logger,
    post: postTo(env.window.parent, origin),
    clickToDial: env.clickToDial ?? clickToDialSwitch(env.document),
    onStatus: (status) => {
      element.state = status.state;
      element.clickToDial = status.clickToDial;
      element.message = status.error?.message ?? '';
    },
  });
  await bridge.start();
  return bridge;
}
