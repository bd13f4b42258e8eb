// The sending end: messages are built through the same checks that guard the receiving end.
import type { MessagePayloads } from './message-payloads';
import type { MessageType } from './message-type';
import { createRequestId } from './request-id';
import { SCHEMA_VERSION } from './schema-version';
import type { SoftphoneMessage } from './softphone-message';
import type { ValidationResult } from './validation-result';
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
