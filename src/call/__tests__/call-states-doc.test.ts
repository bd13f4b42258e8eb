// docs/call-states.md is generated from the machines: this fails when someone changed a machine and not the doc.
import type { AnyStateNode } from 'xstate';
import { readCommittedCallStatesDoc, renderCallStatesDoc } from '../../../scripts/generate-call-states';
import { callMachine } from '../call-machine';
import { phoneMachine } from '../phone-machine';

function stateKeys(node: AnyStateNode): string[] {
  return Object.values(node.states).flatMap((child) => [child.key, ...stateKeys(child)]);
}

describe('docs/call-states.md', () => {
  it('is up to date with the machines (run `npx tsx scripts/generate-call-states.ts` when this fails)', () => {
    expect(readCommittedCallStatesDoc()).toBe(renderCallStatesDoc());
  });

  it('lists every state and every event of both machines', () => {
    const doc = renderCallStatesDoc();
    for (const machine of [phoneMachine, callMachine]) {
      const events = (machine.events as readonly string[]).filter(
        (e) => e !== '' && !e.startsWith('xstate.'),
      );
      for (const type of events) expect(doc).toContain(`\`${type}\``);
      for (const key of stateKeys(machine.root)) expect(doc).toContain(`**${key}**`);
    }
  });
});
