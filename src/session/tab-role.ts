/** What this tab does for the agent's phone: `electing` until it knows, then it leads or follows. */
export type TabRole = 'electing' | 'leader' | 'follower';
