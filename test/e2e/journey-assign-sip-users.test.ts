// Issue 15: the admin gives SIP users to many agents from Softphone Setup (the real softphoneSetup LWC with its
// SIP users section, the emulated SoftphoneSipUsers), and an agent's phone then signs in to the workbench's
// Kamailio with the SIP user it was given.
import type { Locator } from 'playwright-core';
import { button, open, until, useJourneys } from '../support/journeys';

const workbench = useJourneys();

const currentSipUser = (section: Locator, name: string) =>
  section.locator('[data-id="sip-users-row"]', { hasText: name }).locator('[data-id="sip-users-current"]');

test('the admin finds the agents, assigns SIP users to two at once, a SIP user already taken is refused, and the agent signs in with the new one', async () => {
  const admin = await open('/admin.html');
  const section = admin.locator('c-softphone-setup-sip-users');
  await section.getByRole('searchbox', { name: 'Find agents' }).fill('agent');
  await section.getByText('3 agents shown.').waitFor({ timeout: 15_000 });

  await section.getByLabel('New SIP user for Ada Agent', { exact: true }).fill('2001');
  await section.getByLabel('New SIP user for Ben Agent', { exact: true }).fill('2002');
  await expect(section.locator('[data-id="sip-users-selected"]').textContent()).resolves.toBe('2 selected');
  await button(section, 'sip-users-assign').click();
  await section
    .getByText('SIP users assigned: Ada Agent: 2001, Ben Agent: 2002.')
    .waitFor({ timeout: 10_000 });
  await expect(currentSipUser(section, 'Ada Agent').textContent()).resolves.toBe('2001');
  await expect(currentSipUser(section, 'Ben Agent').textContent()).resolves.toBe('2002');

  await section.getByLabel('New SIP user for Dee Agent', { exact: true }).fill('2001');
  await button(section, 'sip-users-assign').click();
  await expect(
    section.getByRole('alert').filter({ hasText: 'Nothing was saved.' }).textContent({ timeout: 10_000 }),
  ).resolves.toBe(
    'Nothing was saved. The SIP user 2001 already belongs to Ada Agent (ada.agent@workbench.example).',
  );
  await expect(currentSipUser(section, 'Dee Agent').textContent()).resolves.toBe('1003');

  const agent = await open('/agent.html?agent=1');
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  const registered = await until('Ada to register as 2001', async () => {
    const now = await workbench().sip.registrations();
    return now.has('2001') && now;
  });
  expect(registered.has('1001')).toBe(false);
});
