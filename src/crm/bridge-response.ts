// bridge → utility `response`: the answer to one request (same requestId in the envelope).
import type { BridgeFailure } from './bridge-failure';

export type BridgeResponse<Result = unknown> =
  { ok: true; result: Result } | { ok: false; error: BridgeFailure };
