// The probe's step codes in words an admin reads (custom labels), with an icon per outcome.
import { FIRST_RUN_LABELS as L, format } from './labels';

const TITLES = {
  websocket: L.probeStepWebsocket,
  tls: L.probeStepTls,
  credentials: L.probeStepCredentials,
  registration: L.probeStepRegistration,
};

const MESSAGES = {
  websocket_reachable: L.probeWebsocketReachable,
  websocket_unreachable: L.probeWebsocketUnreachable,
  websocket_invalidUrl: L.probeWebsocketInvalidUrl,
  websocket_blocked: L.probeWebsocketBlocked,
  tls_encrypted: L.probeTlsEncrypted,
  tls_unencrypted: L.probeTlsUnencrypted,
  tls_notEncrypted: L.probeTlsNotEncrypted,
  tls_unknown: L.probeTlsUnknown,
  credentials_accepted: L.probeCredentialsAccepted,
  credentials_refused: L.probeCredentialsRefused,
  credentials_notAsked: L.probeCredentialsNotAsked,
  registration_registered: L.probeRegistrationRegistered,
  registration_refused: L.probeRegistrationRefused,
  registration_noAnswer: L.probeRegistrationNoAnswer,
};

const OUTCOMES = {
  ok: { icon: 'utility:success', variant: 'success', text: L.probeOutcomeOk },
  warning: { icon: 'utility:warning', variant: 'warning', text: L.probeOutcomeWarning },
  failed: { icon: 'utility:error', variant: 'error', text: L.probeOutcomeFailed },
  skipped: { icon: 'utility:dash', variant: '', text: L.probeOutcomeSkipped },
};

/** One row per step, in the probe's order. */
export function probeRows(results) {
  return results.map(({ step, outcome, reason, detail }) => {
    const look = OUTCOMES[outcome] ?? OUTCOMES.skipped;
    const template = reason === 'notTried' ? L.probeNotTried : MESSAGES[`${step}_${reason}`];
    return {
      step,
      outcome,
      title: TITLES[step] ?? step,
      message: format(template ?? reason, detail ?? ''),
      icon: look.icon,
      variant: look.variant,
      outcomeText: look.text,
    };
  });
}
