// A connected call's SIP dialog as plain data: what another page of the same agent needs to take the call
// back with an INVITE carrying Replaces (RFC 3891) after a reload. It is persisted by the host (session
// storage), so it is read back as untrusted input: every field is checked before it reaches a header.
import { Core, type Session } from 'sip.js';
import { InvalidArgumentError } from './errors';
import { parseSipUri } from './target-uri';

export interface DialogSnapshot {
  /** The call's id in the phone and the CRM: the first SIP Call-ID, kept across every take-back. */
  callId: string;
  /** The SIP Call-ID of the dialog that carries the call now (a take-back starts a new dialog). */
  sipCallId: string;
  /** Our tag (From of our requests) and the far end's tag, as this side sees the dialog. */
  localTag: string;
  remoteTag: string;
  /** The far end's Contact: the Request-URI of the take-back INVITE (Kamailio routes its alias or GRUU). */
  remoteTarget: string;
  /** The far end's address (To of the take-back INVITE) and ours. */
  remoteUri: string;
  localUri: string;
  /** Record-Route set and our last CSeq, for the record (a take-back is a new dialog and uses neither). */
  routeSet: string[];
  localCSeq: number | null;
}

const TOKEN = /^[A-Za-z0-9.!%*_+`'~@:-]{1,128}$/;
const MAX_ROUTES = 10;

/** The dialog of an established session, or undefined when it has none yet (or any more). */
export function snapshotDialog(callId: string, session: Session): DialogSnapshot | undefined {
  const dialog = session.dialog;
  if (!(dialog instanceof Core.SessionDialog) || dialog.early) return undefined;
  return {
    callId,
    sipCallId: dialog.callId,
    localTag: dialog.localTag,
    remoteTag: dialog.remoteTag,
    remoteTarget: dialog.remoteTarget.toString(),
    remoteUri: dialog.remoteURI.toString(),
    localUri: dialog.localURI.toString(),
    routeSet: [...dialog.routeSet],
    localCSeq: dialog.localSequenceNumber ?? null,
  };
}

function text(value: unknown, what: string, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new InvalidArgumentError(`The saved call cannot be taken back: its ${what} is not valid.`);
  }
  return value;
}

function uri(value: unknown, what: string): string {
  return parseSipUri(text(value, what, /^sips?:\S{1,256}$/i)).toString();
}

/** Checks a snapshot read back from storage; throws InvalidArgumentError naming the bad field. */
export function parseDialogSnapshot(value: unknown): DialogSnapshot {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError('The saved call cannot be taken back: it is not a dialog snapshot.');
  }
  const v = value as Record<string, unknown>;
  const routes = Array.isArray(v.routeSet) ? v.routeSet.slice(0, MAX_ROUTES) : [];
  const cseq = typeof v.localCSeq === 'number' && Number.isSafeInteger(v.localCSeq) ? v.localCSeq : null;
  return {
    callId: text(v.callId, 'call id', TOKEN),
    sipCallId: text(v.sipCallId, 'SIP Call-ID', TOKEN),
    localTag: text(v.localTag, 'local tag', TOKEN),
    remoteTag: text(v.remoteTag, 'remote tag', TOKEN),
    remoteTarget: uri(v.remoteTarget, 'remote target'),
    remoteUri: uri(v.remoteUri, 'remote address'),
    localUri: uri(v.localUri, 'local address'),
    routeSet: routes.filter((r): r is string => typeof r === 'string' && /^<sips?:[^\s<>]{1,256}>$/i.test(r)),
    localCSeq: cseq,
  };
}

/**
 * The Replaces header naming the old dialog from the far end's side (RFC 3891 §3): its to-tag is the far
 * end's own tag (our remote tag), its from-tag ours.
 */
export function replacesHeader(snapshot: DialogSnapshot): string {
  return `Replaces: ${snapshot.sipCallId};to-tag=${snapshot.remoteTag};from-tag=${snapshot.localTag}`;
}
