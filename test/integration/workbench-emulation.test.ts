// Contract tests of the workbench's emulated Apex (workbench/emulation): every @AuraEnabled method of the
// package is emulated; each answer, read through the browser runtime the compiled LWC use
// (workbench/lwc/runtime/apex.js), has the shape of the Apex DTO read from force-app's Apex source; the LWC
// tests' Apex fixtures (force-app/**/lwc/**/__tests__/data/<method>.json) have that same shape, so the
// emulation and the unit-test mocks cannot drift apart; failures have Lightning's { body: { message } } shape.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { searchVariants } from '../../src/dialing';
import { dtoMembers, readApexContract, shapeProblems } from '../../workbench/emulation/apex-contract';
import { APEX_EMULATIONS } from '../../workbench/emulation/apex-controllers';
import { packageNamespace } from '../../scripts/namespace';
import { apexPath } from '../../workbench/namespace';
import { apexMethod } from '../../workbench/lwc/runtime/apex.js';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

const contract = readApexContract();
const SIP = { wsUrl: 'ws://127.0.0.1:5066', domain: 'softphone.test' };
const SECRET = 'contract-test-secret-0123456789';
const PACKAGE_CLASSES = [
  'SoftphoneSettingsController',
  'SoftphoneCredentials',
  'SoftphoneContactSearch',
  'SoftphoneCallLog',
  'SoftphoneFavorites',
  'SoftphoneOrigins',
  'SoftphoneRecents',
  'SoftphoneSetupController',
  'SoftphoneSipUsers',
];

let dataDir: string;
let web: WorkbenchServer;

/** Calls an emulated Apex method as a page of sample user `user` does (the compiled LWC's runtime). */
async function apex(className: string, method: string, params: Record<string, unknown> = {}, user = '1') {
  (globalThis as unknown as { location: URL }).location = new URL(`${web.url}/agent.html?agent=${user}`);
  return apexMethod(apexPath(packageNamespace(), className, method), false)(params);
}

async function apexError(
  className: string,
  method: string,
  params: Record<string, unknown> = {},
  user = '1',
) {
  try {
    await apex(className, method, params, user);
  } catch (error) {
    return error as { body: { message: string }; status: number };
  }
  throw new Error(`${className}.${method} did not fail`);
}

function expectShape(className: string, method: string, value: unknown): void {
  const owner = contract[className];
  const signature = owner?.methods[method];
  if (!owner || !signature) throw new Error(`no contract for ${className}.${method}`);
  expect(shapeProblems(value, signature.returnType, owner, contract)).toEqual([]);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-emulation-'));
  web = await startWorkbenchServer({ sip: SIP, sipSecret: SECRET, dataDir });
});

afterAll(async () => {
  await web.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Apex contract read from force-app', () => {
  test('lists every @AuraEnabled method of the package, and each one is emulated', () => {
    expect(Object.keys(contract).sort()).toEqual([...PACKAGE_CLASSES].sort());
    for (const [className, apexClass] of Object.entries(contract)) {
      expect(Object.keys(APEX_EMULATIONS[className] ?? {}).sort()).toEqual(
        Object.keys(apexClass.methods).sort(),
      );
    }
  });

  test("the LWC tests' Apex fixtures have the shape of the Apex method they stand for", () => {
    const lwcDir = resolve(__dirname, '../../force-app/main/default/lwc');
    const fixtures = readdirSync(lwcDir).flatMap((bundle) => {
      const dir = join(lwcDir, bundle, '__tests__', 'data');
      try {
        return readdirSync(dir).map((file) => join(dir, file));
      } catch {
        return [];
      }
    });
    let checked = 0;
    for (const file of fixtures) {
      const method =
        file
          .split('/')
          .pop()
          ?.replace(/\.json$/, '') ?? '';
      const owner = Object.values(contract).find((c) => c.methods[method]);
      if (!owner) continue;
      const problems = shapeProblems(
        JSON.parse(readFileSync(file, 'utf8')),
        owner.methods[method]?.returnType ?? '',
        owner,
        contract,
      );
      expect({ file, problems }).toEqual({ file, problems: [] });
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

/**
 * Lightning leaves null members out of the Apex objects it returns (apex-controllers.ts withoutNulls): the
 * wrap-up times per direction and record type are null until an admin sets them, as in the sample org.
 */
const UNSET_IN_SAMPLE_ORG = [
  'workTimerInboundSeconds',
  'workTimerOutboundSeconds',
  'workTimerContactSeconds',
  'workTimerLeadSeconds',
  'workTimerAccountSeconds',
  'workTimerUnknownSeconds',
];

describe('emulated SoftphoneSettingsController', () => {
  test('getSettings sets every member, the blank SIP server pointing at the local Kamailio', async () => {
    const settings = (await apex('SoftphoneSettingsController', 'getSettings')) as Record<string, unknown>;
    expectShape('SoftphoneSettingsController', 'getSettings', settings);
    const members = dtoMembers('Settings', contract.SoftphoneSettingsController!, contract);
    expect(Object.keys(settings).sort()).toEqual(
      members.filter((m) => !UNSET_IN_SAMPLE_ORG.includes(m)).sort(),
    );
    expect(settings).toMatchObject({
      mode: 'Softphone',
      sipWebSocketUrl: SIP.wsUrl,
      sipDomain: SIP.domain,
      extensionLengths: [4],
      dialPlanDeny: ['+1900', '+1976'],
      searchUserExtensions: true,
    });
  });
});

describe('emulated SoftphoneCredentials', () => {
  test("getSipCredentials signs the agent's own SIP user like /api/sip-credentials", async () => {
    const credentials = (await apex('SoftphoneCredentials', 'getSipCredentials')) as Record<string, unknown>;
    expectShape('SoftphoneCredentials', 'getSipCredentials', credentials);
    expect(credentials).toMatchObject({
      sipUser: '1001',
      domain: SIP.domain,
      webSocketUrl: SIP.wsUrl,
      ttlSeconds: 3600,
    });
    const username = String(credentials.username);
    expect(username).toBe(`${String(credentials.expiresAt)}:1001`);
    const expiresAt = Number(credentials.expiresAt);
    expect(credentials.password).toBe(
      ephemeralCredentials(SECRET, '1001', 3600, (expiresAt - 3600) * 1000).password,
    );
  });

  test('refuses a user without a SIP user with the Apex message', async () => {
    const error = await apexError('SoftphoneCredentials', 'getSipCredentials', {}, 'admin');
    expect(error.body.message).toMatch(/^Your phone has no SIP user yet/);
    expect(error.status).toBe(500);
  });

  test("getStorageKey derives each user's own 256-bit key as the Apex does, SIP user or not", async () => {
    const key = await apex('SoftphoneCredentials', 'getStorageKey');
    expectShape('SoftphoneCredentials', 'getStorageKey', key);
    // The Apex's derivation (SoftphoneCredentialsTest has the Node.js vector of it).
    const expected = createHmac('sha256', SECRET)
      .update(`softphone-storage-key:v1:${web.emulation.sample.organization.Id}:005WB0000000001YAA`)
      .digest('base64');
    expect(key).toBe(expected);
    expect(Buffer.from(String(key), 'base64')).toHaveLength(32);
    await expect(apex('SoftphoneCredentials', 'getStorageKey')).resolves.toBe(key);
    await expect(apex('SoftphoneCredentials', 'getStorageKey', {}, '2')).resolves.not.toBe(key);
    await expect(apex('SoftphoneCredentials', 'getStorageKey', {}, 'admin')).resolves.toEqual(
      expect.any(String),
    );
  });
});

describe('emulated SoftphoneContactSearch', () => {
  test.each([
    ['4155550102', ['Bob Martin', 'Carol Diaz']],
    ['+14155550101', ['Alice Nguyen']],
    ['(312) 555-0103', ['Erin Walsh']],
    ['4155550105', []],
    ['4155550199', []],
  ])('searchByPhone(%s) with the core variants finds %j', async (phone, names) => {
    const matches = (await apex('SoftphoneContactSearch', 'searchByPhone', {
      phone,
      variants: searchVariants(phone, 'US'),
    })) as { name: string }[];
    expectShape('SoftphoneContactSearch', 'searchByPhone', matches);
    expect(matches.map((m) => m.name)).toEqual(names);
  });

  test('a match carries the matched number, its account and every number of the record', async () => {
    const matches = (await apex('SoftphoneContactSearch', 'searchByPhone', {
      phone: '+14155550102',
      variants: ['(212) 555-0152'],
    })) as Record<string, unknown>[];
    const carol = matches.find((m) => m.name === 'Carol Diaz');
    expect(carol).toEqual({
      id: '003WB0000000003YAA',
      name: 'Carol Diaz',
      objectType: 'Contact',
      phone: '415-555-0102',
      title: 'Buyer',
      accountName: 'Initech',
      accountId: '001WB0000000002YAA',
      phones: [
        { label: 'Business Phone', field: 'Phone', value: '415-555-0102' },
        { label: 'Asst. Phone', field: 'AssistantPhone', value: '(212) 555-0152' },
      ],
    });
  });

  test('an extension finds the colleague (Search_User_Extensions__c is on in the sample settings)', async () => {
    const matches = (await apex('SoftphoneContactSearch', 'searchByPhone', {
      phone: '1002',
      variants: [],
    })) as Record<string, unknown>[];
    expect(matches).toEqual([
      expect.objectContaining({
        name: 'Ben Agent',
        objectType: 'User',
        phone: '1002',
        accountName: 'Workbench Org',
      }),
    ]);
  });

  test('searchByName matches name prefixes, numbers, and refuses text over 80 characters', async () => {
    const byName = (await apex('SoftphoneContactSearch', 'searchByName', { term: 'ali ngu' })) as {
      name: string;
    }[];
    expectShape('SoftphoneContactSearch', 'searchByName', byName);
    expect(byName.map((m) => m.name)).toEqual(['Alice Nguyen']);
    const byNumber = (await apex('SoftphoneContactSearch', 'searchByName', { term: '415 555 0102' })) as {
      name: string;
    }[];
    expect(byNumber.map((m) => m.name)).toEqual(['Bob Martin', 'Carol Diaz']);
    await expect(apex('SoftphoneContactSearch', 'searchByName', { term: 'a' })).resolves.toEqual([]);
    const error = await apexError('SoftphoneContactSearch', 'searchByName', { term: 'x'.repeat(81) });
    expect(error.body.message).toBe('The search text is too long: use at most 80 characters.');
  });
});

describe('emulated SoftphoneCallLog and SoftphoneRecents', () => {
  const input = {
    callId: 'contract-call-1@softphone.test',
    direction: 'Inbound',
    phoneNumber: '4155550102',
    displayName: 'Carol Diaz',
    durationSeconds: 42,
    disposition: 'Resolved',
    notes: 'Wants a callback on Friday',
    whoId: '003WB0000000003YAA',
    whatId: '001WB0000000002YAA',
  };

  test('logCall creates the Task once and updates it on retry (same Call-ID)', async () => {
    const first = (await apex('SoftphoneCallLog', 'logCall', { input })) as {
      taskId: string;
      created: boolean;
    };
    expectShape('SoftphoneCallLog', 'logCall', first);
    expect(first.created).toBe(true);
    const again = (await apex('SoftphoneCallLog', 'logCall', {
      input: { ...input, notes: 'Callback Friday 10am' },
    })) as {
      taskId: string;
      created: boolean;
    };
    expect(again).toEqual({ taskId: first.taskId, created: false });
    const task = web.emulation.tasks().find((t) => t.Id === first.taskId);
    expect(task).toMatchObject({
      Subject: 'Inbound call from Carol Diaz',
      TaskSubtype: 'Call',
      CallType: 'Inbound',
      CallObject: input.callId,
      CallDurationInSeconds: 42,
      CallDisposition: 'Resolved',
      Description: 'Callback Friday 10am',
      WhoId: input.whoId,
      WhatId: input.whatId,
      Status: 'Completed',
      OwnerName: 'Ada Agent',
    });
  });

  test('the test-only fault switch fails the next calls as Apex errors or a lost connection, writing nothing, then lets them through', async () => {
    const faulty = { ...input, callId: 'fault-switch-call@softphone.test' };
    web.emulation.apex.faults.failNext('SoftphoneCallLog', 'logCall', 1, 'apex-error');
    const apexFailure = await apexError('SoftphoneCallLog', 'logCall', { input: faulty });
    expect(apexFailure).toMatchObject({
      status: 500,
      body: { message: expect.stringMatching(/UNABLE_TO_LOCK_ROW/) },
    });
    web.emulation.apex.faults.failNext('SoftphoneCallLog', 'logCall', 1, 'network');
    expect(await apexError('SoftphoneCallLog', 'logCall', { input: faulty })).toMatchObject({ status: 503 });
    expect(web.emulation.tasks().filter((t) => t.CallObject === faulty.callId)).toEqual([]);
    expect(web.emulation.apex.faults.failed.get('SoftphoneCallLog.logCall')).toBe(2);
    await apex('SoftphoneCallLog', 'logCall', { input: faulty });
    expect(web.emulation.tasks().filter((t) => t.CallObject === faulty.callId)).toHaveLength(1);
    web.emulation.apex.faults.clear();
  });

  test('a lead keeps its WhoId and loses the WhatId; bad input fails with the Apex messages', async () => {
    const lead = (await apex('SoftphoneCallLog', 'logCall', {
      input: {
        callId: 'contract-call-2',
        direction: 'Outbound',
        whoId: '00QWB00000000012AA',
        whatId: '001WB0000000001YAA',
      },
    })) as { taskId: string };
    expect(web.emulation.tasks().find((t) => t.Id === lead.taskId)).toMatchObject({
      WhoId: '00QWB00000000012AA',
      Subject: 'Outbound call to an unknown number',
    });
    expect(web.emulation.tasks().find((t) => t.Id === lead.taskId)?.WhatId).toBeUndefined();
    await expect(
      apexError('SoftphoneCallLog', 'logCall', { input: { callId: 'x', direction: 'Sideways' } }),
    ).resolves.toMatchObject({
      body: {
        message: "INVALID_INPUT: This call can't be logged: its direction must be Inbound or Outbound.",
      },
    });
    await expect(
      apexError('SoftphoneCallLog', 'logCall', {
        input: { callId: 'x', direction: 'Inbound', whoId: '001WB0000000001YAA' },
      }),
    ).resolves.toMatchObject({
      body: {
        message:
          "RELATED_RECORD: This call can't be logged: the person it is related to must be a contact or a lead.",
      },
    });
    await expect(apexError('SoftphoneCallLog', 'logCall', {})).resolves.toMatchObject({
      body: { message: "INVALID_INPUT: This call can't be logged: the call details are missing." },
    });
  });

  test('logMissedCall records a missed call once; listRecents shows it first, as Missed', async () => {
    const missed = (await apex('SoftphoneCallLog', 'logMissedCall', {
      input: {
        callId: 'contract-missed-1',
        phoneNumber: '4155550199',
        direction: 'Outbound',
        durationSeconds: 30,
      },
    })) as { taskId: string; created: boolean };
    expect(missed.created).toBe(true);
    await expect(
      apex('SoftphoneCallLog', 'logMissedCall', { input: { callId: 'contract-missed-1' } }),
    ).resolves.toEqual({
      taskId: missed.taskId,
      created: false,
    });
    const recents = (await apex('SoftphoneRecents', 'listRecents', { limitCount: 2 })) as Record<
      string,
      unknown
    >[];
    expectShape('SoftphoneRecents', 'listRecents', recents);
    expect(recents).toHaveLength(2);
    expect(recents[0]).toMatchObject({
      taskId: missed.taskId,
      kind: 'Missed',
      internal: false,
      phoneNumber: '4155550199',
      name: '4155550199',
      durationSeconds: 0,
    });
    // Another agent's recents are their own.
    await expect(apex('SoftphoneRecents', 'listRecents', { limitCount: null }, '2')).resolves.toEqual([]);
  });

  test('a parameter of the wrong type is refused the way Lightning refuses it', async () => {
    const error = await apexError('SoftphoneRecents', 'listRecents', { limitCount: 'many' });
    expect(error).toMatchObject({
      status: 400,
      body: { message: "Value provided is invalid for action parameter 'limitCount' of type 'Integer'" },
    });
  });
});

describe('emulated SoftphoneFavorites', () => {
  test('add (idempotent), list, reorder and remove, for the running user only', async () => {
    const alice = (await apex('SoftphoneFavorites', 'addFavorite', {
      label: 'Alice',
      phoneNumber: '(415) 555-0101',
      relatedRecordId: '003WB0000000001YAA',
    })) as Record<string, unknown>;
    expectShape('SoftphoneFavorites', 'addFavorite', alice);
    expect(alice).toMatchObject({
      label: 'Alice',
      phoneNumber: '(415) 555-0101',
      relatedRecordId: '003WB0000000001YAA',
      sortOrder: 0,
    });
    await expect(
      apex('SoftphoneFavorites', 'addFavorite', { label: 'Again', phoneNumber: '(415) 555-0101' }),
    ).resolves.toEqual(alice);
    const ben = (await apex('SoftphoneFavorites', 'addFavorite', { label: null, phoneNumber: '1002' })) as {
      id: string;
    };
    const reordered = (await apex('SoftphoneFavorites', 'reorderFavorites', { favoriteIds: [ben.id] })) as {
      id: string;
      sortOrder: number;
    }[];
    expectShape('SoftphoneFavorites', 'reorderFavorites', reordered);
    expect(reordered.map((f) => [f.id, f.sortOrder])).toEqual([
      [ben.id, 0],
      [alice.id, 1],
    ]);
    await expect(apex('SoftphoneFavorites', 'listFavorites', {}, '2')).resolves.toEqual([]);
    await expect(
      apexError('SoftphoneFavorites', 'removeFavorite', { favoriteId: ben.id }, '2'),
    ).resolves.toMatchObject({
      body: { message: 'This favorite no longer exists: refresh your favorites.' },
    });
    await expect(apex('SoftphoneFavorites', 'removeFavorite', { favoriteId: ben.id })).resolves.toBeNull();
    await expect(apex('SoftphoneFavorites', 'listFavorites')).resolves.toEqual([{ ...alice, sortOrder: 1 }]);
    await expect(
      apexError('SoftphoneFavorites', 'addFavorite', { phoneNumber: 'call me' }),
    ).resolves.toMatchObject({
      body: {
        message: "This favorite can't be saved: enter a phone number or extension of at most 40 characters.",
      },
    });
  });
});

describe('emulated SoftphoneSetupController', () => {
  test('only the admin reads and saves the org settings, validated like the Apex', async () => {
    await expect(apexError('SoftphoneSetupController', 'getOrgSettings')).resolves.toMatchObject({
      body: { message: expect.stringMatching(/^Only softphone admins can view or change these settings/) },
    });
    const current = (await apex('SoftphoneSetupController', 'getOrgSettings', {}, 'admin')) as Record<
      string,
      unknown
    >;
    expectShape('SoftphoneSetupController', 'getOrgSettings', current);
    expect(Object.keys(current).sort()).toEqual(
      dtoMembers('OrgSettings', contract.SoftphoneSetupController!, contract)
        .filter((m) => !UNSET_IN_SAMPLE_ORG.includes(m))
        .sort(),
    );
    expect(current).toMatchObject({
      sipWebSocketUrl: '',
      extensionLengths: '4',
      canEdit: true,
      sipSecretSet: true,
    });
    const bad = await apexError(
      'SoftphoneSetupController',
      'saveOrgSettings',
      { settings: { ...current, sipWebSocketUrl: 'ws://insecure', maxLines: 9 } },
      'admin',
    );
    expect(bad.body.message).toBe(
      'The settings were not saved. The SIP WebSocket URL must be a secure address such as wss://sip.example.com:443. The number of lines must be a whole number from 1 to 4.',
    );
    const saved = (await apex(
      'SoftphoneSetupController',
      'saveOrgSettings',
      { settings: { ...current, outsidePrefix: '9', maxLines: 3 } },
      'admin',
    )) as Record<string, unknown>;
    expect(saved).toMatchObject({ outsidePrefix: '9', maxLines: 3 });
    await expect(apex('SoftphoneSettingsController', 'getSettings')).resolves.toMatchObject({
      outsidePrefix: '9',
      maxLines: 3,
    });
    await expect(
      apex('SoftphoneSetupController', 'saveSipSecret', { secret: 'short' }, 'admin').catch(
        (e: { body: { message: string } }) => e.body.message,
      ),
    ).resolves.toMatch(/^The shared secret was not saved: use 16 to 255 characters without spaces/);
    await expect(
      apex('SoftphoneSetupController', 'saveSipSecret', { secret: 'a-long-enough-shared-secret' }, 'admin'),
    ).resolves.toBeNull();
  });
});

describe('the local store', () => {
  test('logged Tasks, favorites and settings survive a restart of the server', async () => {
    const before = web.emulation.tasks().map((t) => t.Id);
    await web.close();
    web = await startWorkbenchServer({ sip: SIP, sipSecret: SECRET, dataDir });
    expect(web.emulation.tasks().map((t) => t.Id)).toEqual(before);
    await expect(apex('SoftphoneFavorites', 'listFavorites')).resolves.toHaveLength(1);
    await expect(apex('SoftphoneSettingsController', 'getSettings')).resolves.toMatchObject({
      outsidePrefix: '9',
    });
  });
});

describe('the emulated new-Contact form', () => {
  const save = (fields: Record<string, unknown>) =>
    fetch(`${web.url}/api/workbench/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });

  test('saves a Contact the phone search then finds, and keeps it across a restart', async () => {
    const response = await save({ FirstName: ' Dana ', LastName: 'Scully', Phone: '4155550188' });
    expect(response.status).toBe(201);
    const { id, name } = (await response.json()) as { id: string; name: string };
    expect(id).toMatch(/^003[A-Za-z0-9]{15}$/);
    expect(name).toBe('Dana Scully');
    const find = async () =>
      (
        (await apex('SoftphoneContactSearch', 'searchByPhone', {
          phone: '+14155550188',
          variants: searchVariants('+14155550188', 'US'),
        })) as { id: string; name: string }[]
      ).map((m) => [m.id, m.name]);
    await expect(find()).resolves.toEqual([[id, 'Dana Scully']]);

    await web.close();
    web = await startWorkbenchServer({ sip: SIP, sipSecret: SECRET, dataDir });
    await expect(find()).resolves.toEqual([[id, 'Dana Scully']]);
  });

  test.each([
    [{ FirstName: 'No' }, 'REQUIRED_FIELD_MISSING'],
    [{ LastName: '   ' }, 'REQUIRED_FIELD_MISSING'],
    [{ LastName: 'x'.repeat(81) }, 'STRING_TOO_LONG'],
    [{ LastName: 'Ok', Phone: 42 }, 'INVALID_TYPE'],
  ])('refuses %j with %s and saves nothing', async (fields, code) => {
    const response = await save(fields);
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({ code, message: expect.any(String) });
  });
});

describe('emulated SoftphoneSipUsers', () => {
  const ADA = '005WB0000000001YAA';
  const BEN = '005WB0000000002YAA';
  const DEE = '005WB0000000004YAA';
  const message = (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (e: { body: { message: string } }) => e.body.message,
    );

  test('only the admin searches users by name or user name, with their SIP users', async () => {
    await expect(message(apex('SoftphoneSipUsers', 'searchAgents', { query: '' }))).resolves.toMatch(
      /^Only softphone admins can view or change these settings/,
    );
    const page = await apex('SoftphoneSipUsers', 'searchAgents', { query: ' agent ' }, 'admin');
    expectShape('SoftphoneSipUsers', 'searchAgents', page);
    expect(page).toEqual({
      agents: [
        { userId: ADA, name: 'Ada Agent', username: 'ada.agent@workbench.example', sipUser: '1001' },
        { userId: BEN, name: 'Ben Agent', username: 'ben.agent@workbench.example', sipUser: '1002' },
        { userId: DEE, name: 'Dee Agent', username: 'dee.agent@workbench.example', sipUser: '1003' },
      ],
      more: false,
      pageSize: 50,
    });
    await expect(
      apex('SoftphoneSipUsers', 'searchAgents', { query: 'WANDA.admin' }, 'admin'),
    ).resolves.toMatchObject({ agents: [{ name: 'Wanda Admin', sipUser: '' }] });
  });

  test('assigns SIP users all or nothing, refuses clashes naming the users, and the phone signs in with the new one', async () => {
    const assign = (assignments: { userId: string; sipUser: string }[]) =>
      apex('SoftphoneSipUsers', 'assignSipUsers', { assignments }, 'admin');
    await expect(
      message(
        assign([
          { userId: ADA, sipUser: '2001' },
          { userId: BEN, sipUser: '1003' },
        ]),
      ),
    ).resolves.toBe(
      'Nothing was saved. The SIP user 1003 already belongs to Dee Agent (dee.agent@workbench.example).',
    );
    await expect(
      message(
        assign([
          { userId: ADA, sipUser: 'Desk' },
          { userId: BEN, sipUser: 'desk' },
          { userId: DEE, sipUser: ' ' },
        ]),
      ),
    ).resolves.toBe(
      'Nothing was saved. Type a SIP user for Dee Agent. The SIP user Desk is typed for more than one agent: Ada Agent, Ben Agent.',
    );
    await expect(apex('SoftphoneCredentials', 'getSipCredentials')).resolves.toMatchObject({
      sipUser: '1001',
    });

    const saved = await assign([
      { userId: ADA, sipUser: ' 2001 ' },
      { userId: BEN, sipUser: '1001' },
    ]);
    expectShape('SoftphoneSipUsers', 'assignSipUsers', saved);
    expect(saved).toMatchObject([
      { userId: ADA, sipUser: '2001' },
      { userId: BEN, sipUser: '1001' },
    ]);
    await expect(apex('SoftphoneCredentials', 'getSipCredentials')).resolves.toMatchObject({
      sipUser: '2001',
    });
    await expect(apex('SoftphoneCredentials', 'getSipCredentials', {}, '2')).resolves.toMatchObject({
      sipUser: '1001',
    });
  });
});
