import { REQUEST_TYPES } from './message-type';

export type RequestType = (typeof REQUEST_TYPES)[number];

export function isRequestType(type: string): type is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(type);
}
