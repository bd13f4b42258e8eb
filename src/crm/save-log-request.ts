// utility → bridge `saveLog`: create (entityApiName) or update (Id) one record through Open CTI.
import type { FieldValue } from './field-value';

export interface SaveLogRequest {
  /** Exactly one of `entityApiName` (create) or `Id` (update), plus field API names → values. */
  value: { entityApiName?: string; Id?: string; [field: string]: FieldValue | undefined };
}
