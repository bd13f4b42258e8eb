export interface WrapOpenCtiOptions {
  /** How long an Open CTI call may take before it fails with TIMEOUT. Default 8 s (below the utility's 10 s). */
  timeoutMs?: number;
}
