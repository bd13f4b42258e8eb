// What every verify:metadata check returns, so the runner can print one uniform summary.
export interface StepResult {
  name: string;
  ok: boolean;
  /** One line for the summary, e.g. "2 classes parse and are formatted". */
  summary: string;
  /** Findings to print under the step, e.g. "force-app/.../X.cls:12 ApexCRUDViolation ...". */
  findings: string[];
  /** What to do about a failure, in one sentence. */
  fix?: string;
  ms: number;
}

/** A failure whose message already says what is wrong and how to fix it. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly findings: string[] = [],
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Times a check; turns a thrown CheckFailure (or any error) into a failed StepResult. */
export async function runStep(
  name: string,
  check: () => Promise<{ summary: string; findings?: string[] }>,
): Promise<StepResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { summary, findings = [] } = await check();
    return { name, ok: true, summary, findings, ms: elapsed() };
  } catch (error) {
    if (error instanceof CheckFailure) {
      return {
        name,
        ok: false,
        summary: error.message,
        findings: error.findings,
        ...(error.fix === undefined ? {} : { fix: error.fix }),
        ms: elapsed(),
      };
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { name, ok: false, summary: 'crashed', findings: message.split('\n'), ms: elapsed() };
  }
}
