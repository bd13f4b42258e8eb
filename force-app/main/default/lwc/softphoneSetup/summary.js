// What agents will get with these settings, in sentences an admin can check at a glance.
import { LABELS, format } from './labels';
import { CALL_OPTION_LABELS } from './call-option-labels';

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
  sentences.push(
    settings.clickToDialEnabled
      ? CALL_OPTION_LABELS.summaryClickToDialOn
      : CALL_OPTION_LABELS.summaryClickToDialOff,
  );
  if (settings.callNotesEnabled === false) sentences.push(CALL_OPTION_LABELS.summaryNoNotes);
  if (isBlank(settings.sipWebSocketUrl) || isBlank(settings.sipDomain) || !sipSecretSet) {
    sentences.push(LABELS.summaryNotConnected);
  }
  return sentences;
}
