// The leader's side of a follower's command: run on the real phone once. Results are remembered per request
// id, so a retransmitted command is answered again and not done twice; whether a command does anything is
// the statechart's call (a second "answer" is a no-op there).
import { MIRROR_VERSION, type AudioDevices, type MirrorCommand, type MirrorMessage } from './mirror-message';
import type { SoftphonePort } from './softphone-port';
import type { Result, TabContext } from './tab-context';

/** Results remembered per request id, so a retransmitted command is answered and not done twice. */
const REMEMBERED_RESULTS = 200;

/** Runs a follower's command on the real phone; resolves with what the follower asked for, if anything. */
async function execute(command: MirrorCommand, softphone: SoftphonePort): Promise<AudioDevices | undefined> {
  switch (command.kind) {
    case 'send':
      softphone.send(command.event);
      return;
    case 'dial':
      softphone.dial(command.number, {
        source: command.source,
        callId: command.callId,
        ...(command.record ? { record: command.record } : {}),
        ...(command.transfer ? { transfer: command.transfer } : {}),
      });
      return;
    case 'redirect':
      softphone.redirect(command.callId, command.number);
      return;
    case 'audioDevices':
      return softphone.audioDevices();
    case 'chooseAudioDevices':
      await softphone.chooseAudioDevices(command.choice);
      return;
  }
}

/** Answers each command message with its result, running it on `phone` the first time its request id comes. */
export function createCommandAnswers(
  tab: TabContext,
): (message: Extract<MirrorMessage, { type: 'command' }>, phone: SoftphonePort) => Promise<Result> {
  /** The results by request id (a promise while the command runs). */
  const results = new Map<string, Promise<Result>>();
  return (message, phone) => {
    const remembered = results.get(message.requestId);
    if (remembered) return remembered;
    const { requestId } = message;
    const answer = { version: MIRROR_VERSION, type: 'result', from: tab.tabId, to: message.from } as const;
    const result = execute(message.command, phone).then(
      (value): Result => ({ ...answer, requestId, ok: true, ...(value ? { value } : {}) }),
      (error: unknown): Result => ({
        ...answer,
        requestId,
        ok: false,
        error: { code: 'command-failed', message: error instanceof Error ? error.message : String(error) },
      }),
    );
    results.set(requestId, result);
    if (results.size > REMEMBERED_RESULTS) results.delete(results.keys().next().value as string);
    return result;
  };
}
