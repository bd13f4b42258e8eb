// EMULATION of lightning/uiObjectInfoApi's getObjectInfo (the describe of an object, listing the fields
// the user can read), shared by the LWC Jest tests and the workbench, whose page answers from its UI API
// emulation (workbench/emulation/ui-api.ts).
import { ldsAdapter } from './lds-adapter.js';

export const getObjectInfo = ldsAdapter('getObjectInfo');
