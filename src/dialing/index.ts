// Public surface of src/dialing: number normalisation, admin prefixes, dial plan, SIP URI building.
export type * from './dial-types';
