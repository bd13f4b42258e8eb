import type { SearchMatch } from './search-match';

/** Result of `searchAndScreenPop`. */
export interface SearchAndScreenPopResult {
  matches: SearchMatch[];
  /** Deferred searches only: hand it to `screenPopDeferred` to perform the prepared pop. */
  popToken?: string;
}
