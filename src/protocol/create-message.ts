// The sending end: messages are built through the same checks that guard the receiving end.
import { SCHEMA_VERSION, type MessagePayloads, type MessageType, type SoftphoneMessage } from './messages';
import { createRequestId } from './request-id';
import type { ValidationResult } from './kit';
import { validateMessage } from './validate-message';

/** Builds the envelope and checks it; optional members left undefined are dropped from the copy. */
export function createMessage<T extends MessageType>(
  type: T,
  payload: MessagePayloads[T],
  requestId: string = createRequestId(),
): ValidationResult<SoftphoneMessage<T>> {
  return validateMessage({ version: SCHEMA_VERSION, type, requestId, payload }) as ValidationResult<
    SoftphoneMessage<T>
  >;
}
