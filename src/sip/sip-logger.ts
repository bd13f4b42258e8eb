/** Where src/sip writes its diagnostics (it never uses console). */
export interface SipLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
