// utility → bridge `searchAndScreenPop`: search the softphone layout's objects and pop as it says.
import type { CallType } from './call-type';
import type { FieldValue } from './field-value';

export interface SearchAndScreenPopRequest {
  /** What to search for, usually the caller's number. */
  searchParams: string;
  /** Query string handed to a Visualforce screen pop ("key=value&..."). */
  queryParams?: string;
  /** Prefill of the new-record form when nothing matches. */
  defaultFieldValues?: Record<string, FieldValue>;
  callType: CallType;
  /** true: search only; the result carries a popToken for a later `screenPopDeferred`. */
  deferred: boolean;
}
