import type { SearchMatch } from '../protocol';
import type { OpenCtiScreenPopData } from './open-cti-screen-pop-data';

/** searchAndScreenPop's returnValue, checked: the matching records and, when deferred, the prepared pop. */
export interface OpenCtiSearchResult {
  matches: SearchMatch[];
  screenPopData?: OpenCtiScreenPopData;
}
