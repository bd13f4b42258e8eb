// Upper bounds of every field on the channel: anything longer is refused, never truncated.

export const SCHEMA_LIMITS = Object.freeze({
  /** requestId and popToken: [A-Za-z0-9_-], 1 to this many characters. */
  idLength: 64,
  /** Salesforce Phone fields hold at most 40 characters. */
  phoneNumberLength: 40,
  /** Record names, labels and display fields. */
  nameLength: 255,
  /** Open CTI click-to-dial `params` and searchAndScreenPop `queryParams`. */
  paramsLength: 1024,
  /** Relative URL of a URL screen pop. */
  urlLength: 2048,
  /** Search string of a SEARCH screen pop or of searchAndScreenPop. */
  searchLength: 255,
  /** Minimum search length Salesforce accepts for a SEARCH screen pop. */
  searchMinLength: 3,
  /** API names of objects, fields and flows. */
  apiNameLength: 80,
  /** A text field value (Task.Description holds 32,000 characters). */
  fieldValueLength: 32_000,
  /** Fields in one saveLog value or one set of default field values. */
  fieldCount: 50,
  /** Flow input variables of a FLOW screen pop. */
  flowArgCount: 20,
  /** Records returned by one searchAndScreenPop. */
  matchCount: 50,
  /** Display fields kept per search match. */
  matchFieldCount: 20,
  /** Agent-readable error message. */
  messageLength: 500,
  /** Call center internal name (reqInternalName). */
  callCenterNameLength: 40,
});
