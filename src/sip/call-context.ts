// One customer type, owned by the statecharts (src/call/customer.ts). The old name stays so the sip
// modules being split elsewhere keep their imports; new code imports `Customer` from src/call.
export type { Customer as CallContext } from '../call/customer';
