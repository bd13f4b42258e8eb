// EMULATION of lightning/platformUtilityBarApi (LWC utility bar API, API 61.0+), shared by the LWC Jest
// tests and the workbench. Every call resolves like the platform's (Jest spies, so tests assert the calls);
// the page carries out the requests (the workbench's utility bar, workbench/client/shell/utility-bar.ts)
// and says whether the panel is open. Tests emit a utility id with EnclosingUtilityId.emit('utility-1').
import { notifyHost, spy, utilityVisibleInHost, wireAdapter } from './host.js';

export const EnclosingUtilityId = wireAdapter();

function request(action, utilityId, options) {
  notifyHost('utility', { action, utilityId, options });
  return Promise.resolve(true);
}

export const open = spy((utilityId, options) => request('open', utilityId, options));
export const minimize = spy((utilityId) => request('minimize', utilityId));
export const updateUtility = spy((utilityId, options) => request('update', utilityId, options));
export const updatePanel = spy((utilityId, options) => request('updatePanel', utilityId, options));
export const enableModal = spy(() => Promise.resolve(true));
export const enablePopout = spy((utilityId, enabled, options) =>
  request('popout', utilityId, { ...options, enabled }),
);
export const getAllUtilityInfo = spy(() => Promise.resolve([]));
// Resolves to true once registered; the platform returns the same shape.
export const onUtilityClick = spy(() => Promise.resolve(true));
export const getInfo = spy((utilityId) =>
  Promise.resolve({
    id: utilityId,
    isLoaded: true,
    utilityLabel: 'Softphone',
    utilityIcon: 'call',
    utilityHighlighted: false,
    utilityVisible: utilityVisibleInHost(utilityId),
    panelHeaderLabel: 'Softphone',
    panelHeaderIcon: 'call',
    panelHeight: 480,
    panelWidth: 340,
  }),
);
