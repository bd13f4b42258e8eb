// utility → bridge `screenPop`: the documented Open CTI screenPop types and their params.
import type { FieldValue } from './field-value';

export type ScreenPopTarget =
  /** A record page. */
  | { type: 'SOBJECT'; params: { recordId: string } }
  /** A relative Lightning URL, e.g. "/lightning/o/Case/home". */
  | { type: 'URL'; params: { url: string } }
  /** An object's home, e.g. scope "Account". */
  | { type: 'OBJECTHOME'; params: { scope: string } }
  | { type: 'LIST'; params: { listViewId: string; scope: string } }
  /** The search page; Salesforce needs at least 3 characters. */
  | { type: 'SEARCH'; params: { searchString: string } }
  /** The new-record form of `entityName`, prefilled with `defaultFieldValues`. */
  | {
      type: 'NEW_RECORD_MODAL';
      params: { entityName: string };
      defaultFieldValues?: Record<string, FieldValue>;
    }
  /** A screen flow (API 49.0+) with its input variables. */
  | {
      type: 'FLOW';
      params: {
        flowDevName: string;
        flowArgs?: { name: string; type: string; value: string | number | boolean }[];
      };
    };
