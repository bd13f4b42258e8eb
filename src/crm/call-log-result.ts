/** The Task a call was logged to. */
export interface CallLogResult {
  taskId: string;
}
