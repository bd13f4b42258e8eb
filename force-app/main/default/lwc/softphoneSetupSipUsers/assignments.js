// The section's rules before anything goes to Apex: a numbering from a starting SIP user, and the problems of the
// selected rows. They mirror SoftphoneSipUsers (the server checks again, and also against every other user's SIP user).
import { format } from 'c/softphoneLabels';
import { LABELS } from './labels';

/** SoftphoneCredentials.SIP_USER: RFC 3261 unreserved characters, 64 at most. */
const SIP_USER = /^[A-Za-z0-9_.!~*'()+-]{1,64}$/;
const ENDS_IN_DIGITS = /^(.*?)([0-9]+)$/;

/** A decimal string plus one, as long as needed ("0099" → "0100", "99" → "100"): no precision limit. */
function increment(digits) {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}

/**
 * `count` SIP users from `start` on, the trailing number counting up with its leading zeros kept
 * ("ext098" → ext098, ext099, ext100); undefined when `start` is not a SIP user ending in digits.
 */
export function numbering(start, count) {
  const text = (start ?? '').trim();
  const parts = ENDS_IN_DIGITS.exec(text);
  if (!parts || !SIP_USER.test(text)) return undefined;
  const [, prefix, first] = parts;
  const sipUsers = [];
  let digits = first;
  for (let i = 0; i < count; i++) {
    sipUsers.push(`${prefix}${digits}`);
    digits = increment(digits);
  }
  return sipUsers;
}

/** A problem per selected row without a usable SIP user. */
function rowProblems(rows) {
  const problems = [];
  for (const row of rows) {
    const sipUser = row.draft.trim();
    if (sipUser === '') {
      problems.push({
        key: `blank-${row.userId}`,
        userIds: [row.userId],
        message: format(LABELS.typeFor, row.name),
      });
    } else if (!SIP_USER.test(sipUser)) {
      problems.push({
        key: `invalid-${row.userId}`,
        userIds: [row.userId],
        message: format(LABELS.invalid, sipUser, row.name),
      });
    }
  }
  return problems;
}

/** One problem per SIP user typed for more than one selected row (case does not make two SIP users different). */
function typedTwice(rows) {
  const groups = new Map();
  for (const row of rows) {
    const sipUser = row.draft.trim();
    if (sipUser === '') continue;
    const group = groups.get(sipUser.toLowerCase()) ?? { sipUser, rows: [] };
    group.rows.push(row);
    groups.set(sipUser.toLowerCase(), group);
  }
  return [...groups.values()]
    .filter((group) => group.rows.length > 1)
    .map((group) => ({
      key: `twice-${group.sipUser}`,
      userIds: group.rows.map((row) => row.userId),
      message: format(LABELS.twice, group.sipUser, group.rows.map((row) => row.name).join(', ')),
    }));
}

/** The problems of the selected rows ({ key, userIds, message }), none when they can be sent. */
export function assignmentProblems(selectedRows) {
  if (selectedRows.length === 0) return [{ key: 'none', userIds: [], message: LABELS.selectFirst }];
  return [...rowProblems(selectedRows), ...typedTwice(selectedRows)];
}
