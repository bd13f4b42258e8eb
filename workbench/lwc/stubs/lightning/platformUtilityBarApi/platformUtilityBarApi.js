// EMULATION of lightning/platformUtilityBarApi for the workbench: the shell's utility bar
// (workbench/client/utility-bar.js) listens for these requests on window.
function request(action, utilityId, options) {
  window.dispatchEvent(new CustomEvent('workbench:utility', { detail: { action, utilityId, options } }));
  return Promise.resolve(true);
}

export class EnclosingUtilityId {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback('softphone-utility');
  }
  update() {}
  disconnect() {}
}

export const open = (utilityId, options) => request('open', utilityId, options);
export const minimize = (utilityId) => request('minimize', utilityId);
export const updateUtility = (utilityId, options) => request('update', utilityId, options);
export const updatePanel = (utilityId, options) => request('updatePanel', utilityId, options);
export const enableModal = () => Promise.resolve(true);
export const enablePopout = () => Promise.resolve(true);
export const getAllUtilityInfo = () => Promise.resolve([]);
export const onUtilityClick = () => Promise.resolve(true);
export function getInfo(utilityId) {
  return Promise.resolve({
    id: utilityId,
    isLoaded: true,
    utilityLabel: 'Softphone',
    utilityIcon: 'call',
    utilityHighlighted: false,
    utilityVisible: document.querySelector('[data-utility-panel]')?.hidden === false,
    panelHeaderLabel: 'Softphone',
    panelHeaderIcon: 'call',
    panelHeight: 480,
    panelWidth: 340,
  });
}
