// The dial plan: E.164-prefix deny and allow lists. Deny wins; a non-empty allow list admits only its prefixes.

export interface DialPlanPrefixes {
  /** Normalised "+digits" prefixes. */
  allow: readonly string[];
  deny: readonly string[];
}

export type DialPlanVerdict =
  { ok: true } | { ok: false; rule: 'deny'; prefix: string } | { ok: false; rule: 'allow' };

export function checkDialPlan(e164: string, plan: DialPlanPrefixes): DialPlanVerdict {
  const denied = plan.deny.find((prefix) => e164.startsWith(prefix));
  if (denied !== undefined) return { ok: false, rule: 'deny', prefix: denied };
  if (plan.allow.length > 0 && !plan.allow.some((prefix) => e164.startsWith(prefix))) {
    return { ok: false, rule: 'allow' };
  }
  return { ok: true };
}
