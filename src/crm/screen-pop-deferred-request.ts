/** utility → bridge `screenPopDeferred`: perform the pop a deferred searchAndScreenPop prepared. */
export interface ScreenPopDeferredRequest {
  popToken: string;
}
