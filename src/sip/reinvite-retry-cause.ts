/** Why a re-INVITE is retried: 491 Request Pending (glare) or 500 with Retry-After. */
export interface ReinviteRetryCause {
  statusCode: 491 | 500;
  /** True when this phone generated the dialog's Call-ID (it placed the call). */
  isCallIdOwner: boolean;
  /** The Retry-After of a 500, in seconds. */
  retryAfterSec?: number;
  /** 1 for the first retry. */
  retry: number;
}
