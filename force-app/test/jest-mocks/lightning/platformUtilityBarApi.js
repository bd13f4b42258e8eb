/**
 * Project-wide mock of lightning/platformUtilityBarApi (LWC utility bar API, API 61.0+).
 * Every method is a jest.fn resolving like the platform does; emit a utility id with
 * EnclosingUtilityId.emit('utility-1').
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const EnclosingUtilityId = createTestWireAdapter(jest.fn());

export const open = jest.fn(() => Promise.resolve(true));
export const minimize = jest.fn(() => Promise.resolve(true));
export const updateUtility = jest.fn(() => Promise.resolve(true));
export const updatePanel = jest.fn(() => Promise.resolve(true));
export const enableModal = jest.fn(() => Promise.resolve(true));
export const enablePopout = jest.fn(() => Promise.resolve(true));
export const getInfo = jest.fn((utilityId) =>
  Promise.resolve({
    id: utilityId,
    isLoaded: true,
    utilityLabel: 'Softphone',
    utilityIcon: 'call',
    utilityHighlighted: false,
    utilityVisible: false,
    panelHeaderLabel: 'Softphone',
    panelHeaderIcon: 'call',
    panelHeight: 480,
    panelWidth: 340,
  }),
);
export const getAllUtilityInfo = jest.fn(() => Promise.resolve([]));
// Resolves to true once registered; the platform returns the same shape.
export const onUtilityClick = jest.fn(() => Promise.resolve(true));
