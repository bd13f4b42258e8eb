import type { ClickToDial } from '../protocol';

/** An Open CTI click payload as the schema sees it: the checked click, if any, and what was refused. */
export interface ClickConversion {
  click?: ClickToDial;
  /** Why the click or one of its fields was refused, one line each. */
  problems: string[];
}
