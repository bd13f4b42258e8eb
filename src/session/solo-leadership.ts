// The host offers neither Web Locks nor BroadcastChannel: this tab is alone and leads (today's behaviour).
import { RoleHolder, type TabLeadership } from './tab-leadership';

export class SoloLeadership extends RoleHolder implements TabLeadership {
  start(): void {
    this.setRole('leader');
  }

  stop(): void {
    this.setRole('electing');
  }
}
