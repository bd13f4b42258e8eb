// Issue 13, "nothing doubled": saves of one call racing each other through the workbench's HTTP Apex
// (what the compiled LWC call) make one Task, and the notes of the save begun last win; and the emulated
// org's refusals for good (call-log-switch.ts) reach the softphone as coded messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallLogError } from '../../src/crm/call-log-error';
import { SoftphoneCallLog } from '../../workbench/emulation/apex/call-log';
import { packageNamespace } from '../../scripts/namespace';
import { apexPath } from '../../workbench/namespace';
import { apexMethod } from '../../workbench/lwc/runtime/apex.js';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

let dataDir: string;
let web: WorkbenchServer;

/** SoftphoneCallLog.logCall over HTTP, as the agent's page (sample user 1) calls it. */
async function logCall(input: Record<string, unknown>): Promise<{ taskId: string; created: boolean }> {
  (globalThis as unknown as { location: URL }).location = new URL(`${web.url}/agent.html?agent=1`);
  return (await apexMethod(
    apexPath(packageNamespace(), 'SoftphoneCallLog', 'logCall'),
    false,
  )({ input })) as {
    taskId: string;
    created: boolean;
  };
}

async function refusal(input: Record<string, unknown>): Promise<string> {
  try {
    await logCall(input);
  } catch (error) {
    return (error as { body: { message: string } }).body.message;
  }
  throw new Error('the save was not refused');
}

const tasksOf = (callId: string) => web.emulation.tasks().filter((t) => t.CallObject === callId);

const call = (callId: string, notes: string, savedAt: number) => ({
  callId,
  direction: 'Inbound',
  phoneNumber: '4155550102',
  durationSeconds: 42,
  notes,
  savedAt,
  whoId: '003WB0000000003YAA',
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'call-log-races-'));
  web = await startWorkbenchServer({
    sip: { wsUrl: 'ws://127.0.0.1:5066', domain: 'softphone.test' },
    sipSecret: 'races-test-secret-0123456789',
    dataDir,
  });
});

afterEach(() => web.emulation.context.callLog.clear());

afterAll(async () => {
  await web.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('saves of one call racing', () => {
  test('ten saves of the same call at once make exactly one Task, and it holds the notes of the save begun last', async () => {
    const saves = Array.from({ length: 10 }, (_, i) =>
      call('race-10@softphone.test', `notes v${i}`, 1_000 + i),
    );

    const results = await Promise.all([...saves].reverse().map((input) => logCall(input)));

    expect(tasksOf('race-10@softphone.test')).toHaveLength(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.taskId)).size).toBe(1);
    expect(tasksOf('race-10@softphone.test')[0]).toMatchObject({
      Description: 'notes v9',
      Softphone_Saved_At__c: 1_009,
    });
  });

  test("the old tab's save finishing after the new leader's neither doubles the Task nor brings back its older notes", async () => {
    const newLeader = await logCall(
      call('reload@softphone.test', 'Disputes invoice 42; send a credit note', 2_000),
    );
    const oldTab = await logCall(call('reload@softphone.test', 'Disputes invoice 42', 1_000));

    expect(oldTab).toEqual({ taskId: newLeader.taskId, created: false });
    expect(tasksOf('reload@softphone.test')).toEqual([
      expect.objectContaining({
        Description: 'Disputes invoice 42; send a credit note',
        Softphone_Saved_At__c: 2_000,
      }),
    ]);
    // A save begun later still updates the Task.
    await logCall(call('reload@softphone.test', 'Credit note sent', 3_000));
    expect(tasksOf('reload@softphone.test')[0]?.Description).toBe('Credit note sent');
  });

  test('a save whose lookup missed the Task another save was inserting loses the insert (unique call key) and updates that Task', () => {
    const { context } = web.emulation;
    const as = { ...context, user: web.emulation.user('1') };
    const first = call('interleaved@softphone.test', 'first', 1_000);
    const second = call('interleaved@softphone.test', 'second, begun later', 2_000);
    let winner: { taskId: string; created: boolean } | undefined;
    context.callLog.interleaveNext(() => {
      winner = SoftphoneCallLog.logCall(as, { input: first });
    });

    const loser = SoftphoneCallLog.logCall(as, { input: second });

    expect(winner?.created).toBe(true);
    expect(loser).toEqual({ taskId: winner?.taskId, created: false });
    expect(tasksOf('interleaved@softphone.test')).toEqual([
      expect.objectContaining({ Description: 'second, begun later', Softphone_Saved_At__c: 2_000 }),
    ]);
  });

  test('a missed call racing its answered log keeps the answered one', () => {
    const { context } = web.emulation;
    const as = { ...context, user: web.emulation.user('1') };
    context.callLog.interleaveNext(() => {
      SoftphoneCallLog.logCall(as, {
        input: call('missed-race@softphone.test', 'answered elsewhere', 1_000),
      });
    });

    const missed = SoftphoneCallLog.logMissedCall(as, { input: { callId: 'missed-race@softphone.test' } });

    expect(missed.created).toBe(false);
    expect(tasksOf('missed-race@softphone.test')).toEqual([
      expect.objectContaining({ Description: 'answered elsewhere', CallDurationInSeconds: 42 }),
    ]);
  });
});

describe("the emulated org's refusals for good", () => {
  test.each([
    ['validation-rule', 'VALIDATION_RULE', /Notes must name the order number/],
    ['field-access', 'NO_ACCESS', /permission to edit the Task field "Comments" \(Task\.Description\)/],
    ['deleted-record', 'RELATED_RECORD', /related to was deleted/],
  ] as const)(
    '%s: refused with code %s, nothing written, typed as permanent by the softphone',
    async (kind, code, words) => {
      web.emulation.context.callLog.refuse(kind);
      const callId = `refused-${kind}@softphone.test`;

      const message = await refusal(call(callId, 'Wants a refund', 1_000));

      expect(
        message.startsWith(`${code}: This call can't be logged: `) ||
          message.startsWith(`${code}: You can't log`),
      ).toBe(true);
      expect(message).toMatch(words);
      expect(tasksOf(callId)).toEqual([]);
      const typed = CallLogError.from(new Error(message));
      expect(typed).toMatchObject({ code, permanent: true, relatedRecord: code === 'RELATED_RECORD' });
    },
  );

  test('a deleted related record refuses only saves related to it: saved without it, the call is logged with its notes', async () => {
    web.emulation.context.callLog.refuse('deleted-record');
    const { whoId: _dropped, ...withoutRecord } = call('deleted@softphone.test', 'Wants a refund', 1_000);

    await refusal(call('deleted@softphone.test', 'Wants a refund', 1_000));
    const saved = await logCall({ ...withoutRecord, savedAt: 2_000 });

    expect(saved.created).toBe(true);
    expect(tasksOf('deleted@softphone.test')).toEqual([
      expect.not.objectContaining({ WhoId: expect.anything() }),
    ]);
    expect(tasksOf('deleted@softphone.test')[0]?.Description).toBe('Wants a refund');
  });
});
