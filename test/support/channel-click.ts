// What another component of the org (a Call Button, or a rogue one) does: publish a valid clickToDial on the
// package's message channel, through the workbench's Lightning Message Service, with no click on any field.
import type { Page } from 'playwright-core';
import { createMessage, type ClickToDial } from '../../src/protocol';

/** `channelName` as the org names it (the fixture's `outside.messageChannel('Softphone__c')`). */
export async function publishClickOnChannel(
  page: Page,
  channelName: string,
  click: ClickToDial,
  messageId: string,
): Promise<void> {
  const built = createMessage('clickToDial', click, messageId);
  if (!built.ok) throw new Error('the test built an invalid message');
  await page.evaluate(
    ({ message, name }) => {
      const scope = (window.top as unknown as { __workbenchLmsScope: string }).__workbenchLmsScope;
      const channel = new BroadcastChannel(`workbench-lms:${scope}:${name}`);
      channel.postMessage(message);
      channel.close();
    },
    { message: built.value, name: channelName },
  );
}
