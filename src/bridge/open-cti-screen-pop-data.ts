/** SCREEN_POP_DATA of a deferred searchAndScreenPop: kept in the bridge and handed back to screenPop as is. */
export interface OpenCtiScreenPopData {
  type: string;
  params: Record<string, unknown>;
}
