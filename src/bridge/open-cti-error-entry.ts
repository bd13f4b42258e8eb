/** One entry of `errors` in an Open CTI response (documented: code, description, details for saveLog). */
export interface OpenCtiErrorEntry {
  code: string;
  description?: string;
  details?: unknown;
}
