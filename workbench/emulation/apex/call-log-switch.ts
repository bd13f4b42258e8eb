// TEST-ONLY switches of the emulated SoftphoneCallLog (never part of the package, never in an org): what an
// org can do to a call log that no retry fixes (a validation rule, a field the agent may not edit, a deleted
// related record), and the interleaving of two saves of one call (a page reloaded during a save). Off by
// default; nothing in the workbench UI turns them on.

/** The org's refusals for good, as SoftphoneCallLog reports them. */
export type CallLogRefusalKind = 'validation-rule' | 'field-access' | 'deleted-record';

export class CallLogSwitch {
  /** Every save is refused this way until cleared; 'deleted-record' only refuses saves related to a record. */
  refusal: CallLogRefusalKind | null = null;
  private interleaved: (() => void) | null = null;

  /** TEST ONLY: the org refuses call logs from now on (see CallLogRefusalKind). */
  refuse(kind: CallLogRefusalKind): void {
    this.refusal = kind;
  }

  /**
   * TEST ONLY: the next save of a call log runs `other` after its lookup found no Task and before it inserts
   * one, as another transaction committing in between would (the race the unique call key settles).
   */
  interleaveNext(other: () => void): void {
    this.interleaved = other;
  }

  /** Runs the interleaved save, once (called by the emulated SoftphoneCallLog between lookup and insert). */
  runInterleaved(): void {
    const other = this.interleaved;
    this.interleaved = null;
    other?.();
  }

  clear(): void {
    this.refusal = null;
    this.interleaved = null;
  }
}
