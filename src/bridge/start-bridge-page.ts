// Wires the Visualforce page: Open CTI from the page's window, the bridge, and its status element.
import { BRIDGE_STATUS_TAG, type BridgeStatusElement } from './status-element/bridge-status';
import type { BridgePageEnv } from './bridge-page-env';
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
    element.state = 'error';
    element.clickToDial = false;
    element.message = OPEN_CTI_MISSING;
    return undefined;
  }
  const bridge = new SoftphoneBridge({
    openCti: wrapOpenCti(raw, env.timeoutMs === undefined ? {} : { timeoutMs: env.timeoutMs }),
    logger: env.logger,
    ...(env.channelName ? { channelName: env.channelName } : {}),
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
