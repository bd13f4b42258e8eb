// Registers <softphone-bridge-status> on import (once; harmless where custom elements do not exist).
import { BridgeStatusElement } from './bridge-status.component';

export { BridgeStatusElement };

export const BRIDGE_STATUS_TAG = 'softphone-bridge-status';

export function defineBridgeStatus(
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  if (registry && !registry.get(BRIDGE_STATUS_TAG)) registry.define(BRIDGE_STATUS_TAG, BridgeStatusElement);
}

defineBridgeStatus();

declare global {
  interface HTMLElementTagNameMap {
    'softphone-bridge-status': BridgeStatusElement;
  }
}
