// Open CTI's click payload → the schema's ClickToDial. The number is required; any optional field the schema
// refuses is dropped (and reported) rather than losing the click.
import { createMessage, type ClickToDial } from '../protocol';
import type { ClickConversion } from './click-conversion';
import { isRecord } from './is-record';

const OPTIONAL = [
  'recordId',
  'recordName',
  'objectType',
  'accountId',
  'contactId',
  'personAccount',
  'params',
] as const satisfies readonly (keyof ClickToDial)[];

export function toClickToDial(received: unknown): ClickConversion {
  // Early Open CTI guides (API 38–44) show the fields under `returnValue`; current ones at the top level.
  const payload =
    isRecord(received) && received.number === undefined && isRecord(received.returnValue)
      ? received.returnValue
      : received;
  if (!isRecord(payload)) return { problems: ['the click payload is not an object'] };
  const raw = payload.number;
  const number =
    typeof raw === 'number' && Number.isFinite(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : raw;
  const base = createMessage('clickToDial', { number: number as string }, 'click');
  if (!base.ok) return { problems: [base.detail] };
  const click: ClickToDial = { ...base.value.payload };
  const problems: string[] = [];
  for (const field of OPTIONAL) {
    const value = payload[field];
    if (value === undefined || value === null || value === '') continue;
    const checked = createMessage('clickToDial', { ...click, [field]: value }, 'click');
    if (checked.ok) Object.assign(click, checked.value.payload);
    else problems.push(`${checked.detail} (dropped)`);
  }
  return { click, problems };
}
