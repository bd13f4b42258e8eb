// The bridge↔utility message schema on the Softphone__c channel and the Visualforce door (envelope, message
// types, payloads, limits, error codes), in one file because its parts change together: a change here changes both hosts, and
// SCHEMA_VERSION with it if an old peer could misread the new shape.

// The LMS envelope version. Bump it only for a breaking change: both hosts drop any other version.

export const SCHEMA_VERSION = 1;

export type SchemaVersion = typeof SCHEMA_VERSION;

/**
 * Every message is an event, sent on the sender's own initiative and never answered: by the Open CTI bridge,
 * a list view's call list or the Call Button. Nothing crosses towards Visualforce (ADR 0007).
 */
export const MESSAGE_TYPES = ['clickToDial', 'bridgeStatus', 'callList'] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

// Upper bounds of every field on the channel: anything longer is refused, never truncated.

export const SCHEMA_LIMITS = Object.freeze({
  /** requestId: [A-Za-z0-9_-], 1 to this many characters. */
  idLength: 64,
  /** Salesforce Phone fields hold at most 40 characters. */
  phoneNumberLength: 40,
  /** Record names, labels and display fields. */
  nameLength: 255,
  /** Open CTI click-to-dial `params`. */
  paramsLength: 1024,
  /** The SIP server's wss:// URL in the call center settings. */
  urlLength: 2048,
  /** API names of objects, fields and flows. */
  apiNameLength: 80,
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
    /** A fresh id per message, for the logs of both hosts. */
    requestId: string;
    payload: MessagePayloads[K];
  };
}[T];

// Message type → payload: the one table both hosts build and check messages against.

export interface MessagePayloads {
  clickToDial: ClickToDial;
  bridgeStatus: BridgeStatus;
  callList: CallListRequest;
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

/** A value of one Salesforce field in saveLog or default field values. */
export type FieldValue = string | number | boolean | null;

// Stable codes of what failed in the bridge: Open CTI's own four, then the bridge's.

export const BRIDGE_ERROR_CODES = [
  'INVALID_PARAM',
  'GENERIC_ERROR',
  'SERVER_ERROR',
  'SOFTPHONE_CONTAINER_ERROR',
  /** Open CTI (or the bridge) did not answer in time. */
  'TIMEOUT',
  /** No bridge to talk to: Open CTI did not load, or the message could not be sent. */
  'BRIDGE_UNAVAILABLE',
] as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

/** What failed in the bridge (in its status): a stable code and a message written for the agent. */
export interface BridgeFailure {
  code: BridgeErrorCode;
  message: string;
}
