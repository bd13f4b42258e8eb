// The LMS envelope version. Bump it only for a breaking change: both hosts drop any other version.

export const SCHEMA_VERSION = 1;

export type SchemaVersion = typeof SCHEMA_VERSION;
