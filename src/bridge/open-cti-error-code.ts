// Open CTI's documented error codes, plus TIMEOUT when its callback never came.

export const OPEN_CTI_ERROR_CODES = [
  'INVALID_PARAM',
  'GENERIC_ERROR',
  'SERVER_ERROR',
  'SOFTPHONE_CONTAINER_ERROR',
  'TIMEOUT',
] as const;

export type OpenCtiErrorCode = (typeof OPEN_CTI_ERROR_CODES)[number];
