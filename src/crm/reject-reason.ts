/** Why a message was refused; the detail string says which field. */
export type RejectReason =
  /** Not an envelope at all (other channel data, missing or extra envelope fields). */
  | 'malformed'
  | 'unsupported-version'
  | 'unknown-type'
  | 'invalid-request-id'
  /** The envelope is fine but the payload breaks its type's schema. */
  | 'invalid-payload';
