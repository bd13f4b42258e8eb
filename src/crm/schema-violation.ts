// Thrown inside the schema checks and turned into a ValidationResult at their boundary; never escapes src/crm.
import type { RejectReason } from './reject-reason';

export class SchemaViolation extends Error {
  override readonly name = 'SchemaViolation';
  readonly reason: RejectReason;

  constructor(reason: RejectReason, detail: string) {
    super(detail);
    this.reason = reason;
  }
}
