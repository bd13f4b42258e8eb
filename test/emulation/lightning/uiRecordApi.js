// EMULATION of lightning/uiRecordApi's getRecord (the wire the softphone's call button uses), shared by
// the LWC Jest tests and the workbench, whose page answers from its UI API emulation
// (workbench/emulation/ui-api.ts).
import { ldsAdapter } from './lds-adapter.js';

export const getRecord = ldsAdapter('getRecord');
