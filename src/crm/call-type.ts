/** Open CTI CALL_TYPE: which softphone-layout rules a search follows. */
export type CallType = 'INBOUND' | 'OUTBOUND' | 'INTERNAL';
