// Why the phone could not register, typed so the UI can explain it.

export type RegistrationFailureReason = 'bad-credentials' | 'forbidden' | 'server-unreachable';

export const registrationFailureMessages: Readonly<Record<RegistrationFailureReason, string>> = {
  'bad-credentials':
    'The phone server refused your SIP user name or password. Ask your administrator to check them.',
  forbidden: 'The phone server does not allow this user to register. Ask your administrator.',
  'server-unreachable': 'The phone server cannot be reached. Check your network; the phone keeps retrying.',
};

/** Maps a REGISTER outcome to a reason (for the SIP adapter); undefined status means no response at all. */
export function registrationFailureReason(statusCode: number | undefined): RegistrationFailureReason {
  if (statusCode === 401 || statusCode === 407) return 'bad-credentials';
  if (statusCode === 403) return 'forbidden';
  return 'server-unreachable';
}
