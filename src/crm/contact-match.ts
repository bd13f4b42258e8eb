// The contact types belong to the statecharts (src/call/customer.ts); crm re-exports them for its port.
export type { ContactMatch, ContactObjectType } from '../call/customer';
