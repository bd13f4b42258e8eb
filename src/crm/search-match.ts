/** One record a searchAndScreenPop found, as the softphone layout shows it. */
export interface SearchMatch {
  id: string;
  /** API name of the record's object (Open CTI's "RecordType"). */
  objectType?: string;
  name?: string;
  /** The other display fields of the softphone layout, API name → text. */
  fields: Record<string, string>;
}
