import { SipError } from './sip-error';

export class AddressIncompleteError extends SipError {
  readonly code = 'address-incomplete' as const;

  constructor(message = 'The number is incomplete. Check it and dial again.', statusCode?: number) {
    super(message, statusCode);
  }
}
