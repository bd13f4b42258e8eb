// The bridge↔utility message schema on the Softphone__c channel (envelope, message types, payloads, results,
// limits, error codes), in one file because its parts change together: a change here changes both hosts, and
// SCHEMA_VERSION with it if an old peer could misread the new shape.

// The LMS envelope version. Bump it only for a breaking change: both hosts drop any other version.

export const SCHEMA_VERSION = 1;

export type SchemaVersion = typeof SCHEMA_VERSION;

// Every message type on the Softphone__c channel, grouped by who sends it.

/** Sent on the sender's own initiative (never a reply): by the Open CTI bridge, or a list view's call list. */
export const EVENT_TYPES = ['clickToDial', 'bridgeStatus', 'recordShown', 'callList'] as const;

/** Sent by the utility; the bridge answers each with one `response` carrying the same requestId. */
export const REQUEST_TYPES = [
  'screenPop',
  'screenPopDeferred',
  'searchAndScreenPop',
  'saveLog',
  'setPanelVisibility',
  'getCallCenterSettings',
  'getBridgeStatus',
] as const;

export const MESSAGE_TYPES = [...EVENT_TYPES, ...REQUEST_TYPES, 'response'] as const;

/**
 * What a Visualforce page (the Open CTI bridge, a list button's page) may post to the utility's window: one way
 * only, checked for trust, origin and schema on receipt (ADR 0007). Anything else from Visualforce is dropped.
 */
export const VISUALFORCE_TYPES = ['clickToDial', 'bridgeStatus', 'callList'] as const;

export type VisualforceMessageType = (typeof VISUALFORCE_TYPES)[number];

export function isVisualforceType(type: string): type is VisualforceMessageType {
  return (VISUALFORCE_TYPES as readonly string[]).includes(type);
}

export type MessageType = (typeof MESSAGE_TYPES)[number];

export type RequestType = (typeof REQUEST_TYPES)[number];

export function isRequestType(type: string): type is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(type);
}

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
  /** Records of one call list (a list view's selection). */
  callListLength: 200,
});

// The envelope on the Softphone__c message channel: its four fields are the channel's four fields.

export type SoftphoneMessage<T extends MessageType = MessageType> = {
  [K in T]: {
    version: SchemaVersion;
    type: K;
    /** Requests: chosen by the utility, echoed by the response. Events: a fresh id per message. */
    requestId: string;
    payload: MessagePayloads[K];
  };
}[T];

// Message type → payload: the one table both hosts build and check messages against.

export interface MessagePayloads {
  clickToDial: ClickToDial;
  bridgeStatus: BridgeStatus;
  recordShown: RecordShown;
  callList: CallListRequest;
  screenPop: ScreenPopTarget;
  screenPopDeferred: ScreenPopDeferredRequest;
  searchAndScreenPop: SearchAndScreenPopRequest;
  saveLog: SaveLogRequest;
  setPanelVisibility: PanelVisibilityRequest;
  getCallCenterSettings: EmptyRequest;
  getBridgeStatus: EmptyRequest;
  response: BridgeResponse;
}

// Request type → the `result` of its successful response.

export interface RequestResults {
  screenPop: null;
  screenPopDeferred: null;
  searchAndScreenPop: SearchAndScreenPopResult;
  saveLog: SaveLogResult;
  setPanelVisibility: null;
  getCallCenterSettings: CallCenterSettings;
  getBridgeStatus: BridgeStatus;
}

// bridge → utility: the agent clicked a phone number in Salesforce (Open CTI onClickToDial payload).

export interface ClickToDial {
  /** The number as shown on the record; the utility normalises it with the dialing rules. */
  number: string;
  /** The record the number belongs to (15 or 18 character id). */
  recordId?: string;
  /** That record's name, plain text (never rendered as HTML). */
  recordName?: string;
  /** API name of the record's object, e.g. "Contact". */
  objectType?: string;
  /** Person accounts: the account behind the clicked number. */
  accountId?: string;
  /** Person accounts: the contact behind the clicked number. */
  contactId?: string;
  /** Present only in orgs with person accounts. */
  personAccount?: boolean;
  /** Comma-separated parameters set on lightning-click-to-dial. */
  params?: string;
}

// bridge → utility: the agent landed on a record page (Open CTI onNavigationChange with a record), e.g.
// the record they just created from the softphone's "New contact" form.

export interface RecordShown {
  /** 15 or 18 character id. */
  recordId: string;
  /** API name of the record's object, e.g. "Contact". */
  objectType: string;
  /** The record's name, plain text (never rendered as HTML). */
  recordName?: string;
}

// list view → utility: the records the agent selected in a list view, to be called one at a time in this
// order (the Softphone Call List page of the list button, docs/deploy.md step 11).

export interface CallListRequest {
  /** Each entry as a click on the record's number would send it. */
  entries: ClickToDial[];
}

/** connecting: Open CTI is starting. ready: requests are served. error: the bridge cannot serve requests. */
export type BridgeState = 'connecting' | 'ready' | 'error';

// bridge → utility (event and getBridgeStatus result): what the bridge can do right now.

export interface BridgeStatus {
  state: BridgeState;
  /** True once Open CTI enabled click-to-dial and the bridge relays clicks. */
  clickToDial: boolean;
  /** Absent until the call center settings were read. */
  settings?: CallCenterSettings;
  /** The latest problem, for the agent (also set while ready, e.g. click-to-dial refused). */
  error?: BridgeFailure;
}

// The phone settings an admin keeps on the call center definition, as the bridge read them.

export interface CallCenterSettings {
  /** reqInternalName of the agent's call center. */
  callCenterName?: string;
  /** softphone: audio in the browser; deskphone: the agent's own device carries the audio. */
  mode: 'softphone' | 'deskphone';
  sip: {
    /** wss:// URL of the SIP server. */
    webSocketUrl?: string;
    /** SIP domain of the agents' addresses. */
    domain?: string;
  };
  /** Prefixes as digits, * and # only ("" for none). */
  dialing: {
    outsidePrefix: string;
    longDistancePrefix: string;
    internationalPrefix: string;
  };
}

// utility → bridge `screenPop`: the documented Open CTI screenPop types and their params.

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

/** Open CTI CALL_TYPE: which softphone-layout rules a search follows. */
export type CallType = 'INBOUND' | 'OUTBOUND' | 'INTERNAL';

/** A value of one Salesforce field in saveLog or default field values. */
export type FieldValue = string | number | boolean | null;

// utility → bridge `searchAndScreenPop`: search the softphone layout's objects and pop as it says.

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

/** utility → bridge `screenPopDeferred`: perform the pop a deferred searchAndScreenPop prepared. */
export interface ScreenPopDeferredRequest {
  popToken: string;
}

// utility → bridge `saveLog`: create (entityApiName) or update (Id) one record through Open CTI.

export interface SaveLogRequest {
  /** Exactly one of `entityApiName` (create) or `Id` (update), plus field API names → values. */
  value: { entityApiName?: string; Id?: string; [field: string]: FieldValue | undefined };
}

/** utility → bridge `setPanelVisibility`: open (true) or minimise (false) the Open CTI softphone panel. */
export interface PanelVisibilityRequest {
  visible: boolean;
}

/** Payload of requests that need no argument (getCallCenterSettings, getBridgeStatus): exactly `{}`. */
export type EmptyRequest = Record<string, never>;

/** One record a searchAndScreenPop found, as the softphone layout shows it. */
export interface SearchMatch {
  id: string;
  /** API name of the record's object (Open CTI's "RecordType"). */
  objectType?: string;
  name?: string;
  /** The other display fields of the softphone layout, API name → text. */
  fields: Record<string, string>;
}

/** Result of `searchAndScreenPop`. */
export interface SearchAndScreenPopResult {
  matches: SearchMatch[];
  /** Deferred searches only: hand it to `screenPopDeferred` to perform the prepared pop. */
  popToken?: string;
}

/** Result of `saveLog`: the id of the record created or updated, when Salesforce returned it. */
export interface SaveLogResult {
  recordId?: string;
}

// bridge → utility `response`: the answer to one request (same requestId in the envelope).

export type BridgeResponse<Result = unknown> =
  { ok: true; result: Result } | { ok: false; error: BridgeFailure };

// Stable codes of a failed request: Open CTI's own four, then the bridge's and the client's.

export const BRIDGE_ERROR_CODES = [
  'INVALID_PARAM',
  'GENERIC_ERROR',
  'SERVER_ERROR',
  'SOFTPHONE_CONTAINER_ERROR',
  /** Open CTI (or the bridge) did not answer in time. */
  'TIMEOUT',
  /** No bridge to talk to: Open CTI did not load, or the message could not be sent. */
  'BRIDGE_UNAVAILABLE',
  /** A deferred screen pop whose token the bridge no longer holds. */
  'EXPIRED',
  /** The utility tried to send a request that breaks the schema; it never left the utility. */
  'INVALID_REQUEST',
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** Why a request failed: a stable code and a message written for the agent. */
export interface BridgeFailure {
  code: BridgeErrorCode;
  message: string;
}
