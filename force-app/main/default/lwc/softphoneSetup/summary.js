// What agents will get with these settings, in sentences an admin can check at a glance.
import { LABELS, format } from './labels';

const isBlank = (value) => value === undefined || value === null || String(value).trim() === '';

/** The summary sentences, most important first; `sipSecretSet` says whether a shared secret is stored. */
export function summaryOf(settings, sipSecretSet) {
  const deskphone = settings.mode === 'Deskphone';
  const sentences = [deskphone ? LABELS.summaryDeskphone : LABELS.summarySoftphone];
  if (deskphone) sentences.push(LABELS.summaryDevice);
  sentences.push(format(LABELS.summaryLines, settings.maxLines));
  if (settings.wrapUpRequired) sentences.push(LABELS.summaryWrapUpRequired);
  sentences.push(
    Number(settings.workTimerSeconds) > 0
      ? format(LABELS.summaryWorkTimer, settings.workTimerSeconds)
      : LABELS.summaryNoWorkTimer,
  );
  if (isBlank(settings.sipWebSocketUrl) || isBlank(settings.sipDomain) || !sipSecretSet) {
    sentences.push(LABELS.summaryNotConnected);
  }
  return sentences;
}
