/** Where src/crm and src/bridge write diagnostics (they never use console directly). */
export interface CrmLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
