// Generates docs/call-states.md from the phone and call statecharts in src/call.
// `npx tsx scripts/generate-call-states.ts` writes it; `--check` exits non-zero when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { callMachine, phoneMachine } from '../src/call';

export const CALL_STATES_DOC_PATH = join(__dirname, '..', 'docs', 'call-states.md');

interface TransitionLike {
  eventType: string;
  target?: readonly AnyStateNode[];
  guard?: unknown;
  actions: readonly unknown[];
  reenter?: boolean;
}

type GuardLike = ((...args: never[]) => unknown) & {
  check?: unknown;
  guards?: unknown[];
  stateValue?: unknown;
};

function describeParams(params: unknown): string {
  if (params === undefined || typeof params === 'function') return '';
  if (typeof params !== 'object' || params === null) return String(params);
  const entries = Object.entries(params as Record<string, unknown>);
  const type = entries.find(([k]) => k === 'type');
  if (type) return String(type[1]);
  return entries
    .map(([k, v]) => (Array.isArray(v) ? `${k}: ${v.join('|')}` : `${k}: ${String(v)}`))
    .join(', ');
}

function describeGuard(guard: unknown): string {
  if (guard === undefined) return '';
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as GuardLike;
    if (g.name === 'stateIn') return `in ${String(g.stateValue)}`;
    if (g.name === 'not') return `!${describeGuard(g.guards?.[0])}`;
    if (g.name === 'and') return (g.guards ?? []).map((x) => describeGuard(x)).join(' && ');
    if (g.name === 'or') return (g.guards ?? []).map((x) => describeGuard(x)).join(' || ');
    return g.name || 'inline';
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    const shown = describeParams(params);
    return shown ? `${type}(${shown})` : type;
  }
  return 'inline';
}

function describeAction(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'object' && action !== null && 'type' in action) {
    const { type, params } = action as { type: string; params?: unknown };
    const shown = describeParams(params);
    return shown ? `${type}(${shown})` : type;
  }
  if (typeof action === 'function') return action.name || 'inline';
  return 'inline';
}

/** `xstate.after.maxHold.call…` → `after maxHold`; done/error events of invoked actors, likewise. */
function describeEvent(eventType: string): string {
  if (eventType === '') return 'always';
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (after) return `after ${after[1]}`;
  const done = /^xstate\.done\.actor\.(.+)$/.exec(eventType);
  if (done) return `done: ${done[1]}`;
  const error = /^xstate\.error\.actor\.(.+)$/.exec(eventType);
  if (error) return `error: ${error[1]}`;
  return eventType;
}

function children(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states);
}

function transitionsOf(node: AnyStateNode): TransitionLike[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])] as TransitionLike[];
}

function relativeName(from: AnyStateNode, to: AnyStateNode, machine: AnyStateMachine): string {
  if (to === from) return '(self)';
  return to.path.length === 0 ? machine.id : to.path.join('.');
}

function stateKind(node: AnyStateNode): string {
  const kinds: string[] = [];
  if (node.type === 'parallel') kinds.push('parallel');
  if (node.type === 'final') kinds.push('final');
  if ((node.always ?? []).length > 0 && transitionsOf(node).every((t) => t.eventType === ''))
    kinds.push('transient');
  return kinds.length > 0 ? ` _(${kinds.join(', ')})_` : '';
}

/** XState starts `after` timers with a delayed raise on entry; the `after` lines already show them. */
function isTimerStart(action: unknown): boolean {
  if (typeof action !== 'function' || action.name !== 'raise') return false;
  const event = (action as { event?: { type?: unknown } }).event;
  return typeof event?.type === 'string' && event.type.startsWith('xstate.after.');
}

function stateDetails(node: AnyStateNode): string[] {
  const lines: string[] = [];
  const tags = [...node.tags];
  if (tags.length > 0) lines.push(`tags: ${tags.map((t) => `\`${t}\``).join(', ')}`);
  const entry = (node.entry as unknown[]).filter((a) => !isTimerStart(a)).map(describeAction);
  if (entry.length > 0) lines.push(`entry: ${entry.map((a) => `\`${a}\``).join(', ')}`);
  const invoked = (node.invoke as Array<{ id: string; src: unknown }>).map(
    (i) => `\`${typeof i.src === 'string' ? i.src : i.id}\` (id \`${i.id}\`)`,
  );
  if (invoked.length > 0) lines.push(`runs: ${invoked.join(', ')}`);
  return lines;
}

function transitionLine(node: AnyStateNode, t: TransitionLike, machine: AnyStateMachine): string {
  const guard = describeGuard(t.guard);
  const targets = (t.target ?? []).map((target) => relativeName(node, target, machine));
  const actions = t.actions.map(describeAction);
  let line = `\`${describeEvent(t.eventType)}\``;
  if (guard) line += ` [${guard}]`;
  line += targets.length > 0 ? ` → ${targets.map((x) => `\`${x}\``).join(', ')}` : ' (stays)';
  if (t.reenter) line += ' (re-entered)';
  if (actions.length > 0) line += ` / ${actions.join(', ')}`;
  return line;
}

function renderStates(node: AnyStateNode, machine: AnyStateMachine, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const name = node.path.length === 0 ? machine.id : node.key;
  const initial =
    node.parent?.type === 'compound' && node.parent.initial?.target?.[0] === node ? ' (initial)' : '';
  out.push(`${indent}- **${name}**${initial}${stateKind(node)}`);
  for (const detail of stateDetails(node)) out.push(`${indent}  - ${detail}`);
  for (const t of transitionsOf(node)) out.push(`${indent}  - ${transitionLine(node, t, machine)}`);
  for (const child of children(node)) renderStates(child, machine, depth + 1, out);
}

function mermaidId(node: AnyStateNode): string {
  return [node.machine.id, ...node.path].join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

function renderMermaid(node: AnyStateNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const kids = children(node);
  const label = node.path.length === 0 ? node.machine.id : node.key;
  if (kids.length === 0) {
    out.push(`${indent}state "${label}" as ${mermaidId(node)}`);
    return;
  }
  out.push(`${indent}state "${label}" as ${mermaidId(node)} {`);
  kids.forEach((child, i) => {
    if (node.type === 'parallel' && i > 0) out.push(`${indent}  --`);
    if (node.type === 'compound' && node.initial?.target?.[0] === child) {
      out.push(`${indent}  [*] --> ${mermaidId(child)}`);
    }
    renderMermaid(child, depth + 1, out);
    if (child.type === 'final') out.push(`${indent}  ${mermaidId(child)} --> [*]`);
  });
  out.push(`${indent}}`);
}

function renderMermaidTransitions(machine: AnyStateMachine, out: string[]): void {
  const walk = (node: AnyStateNode) => {
    for (const t of transitionsOf(node)) {
      for (const target of t.target ?? []) {
        if (node.path.length === 0 || target.path.length === 0) continue;
        const label = describeEvent(t.eventType) + (t.guard ? ` [${describeGuard(t.guard)}]` : '');
        out.push(
          `  ${mermaidId(node)} --> ${mermaidId(target)} : ${label.replace(/[^\w .!&|()[\],-]/g, '')}`,
        );
      }
    }
    children(node).forEach(walk);
  };
  walk(machine.root);
}

function renderEvents(machine: AnyStateMachine): string[] {
  const byOrigin = new Map<string, string[]>();
  for (const type of [...new Set(machine.events)].sort()) {
    if (type === '' || type.startsWith('xstate.')) continue;
    const origin = type.split('.')[0] ?? type;
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), type]);
  }
  return [...byOrigin.entries()].map(
    ([origin, types]) => `- **${origin}**: ${types.map((t) => `\`${t}\``).join(', ')}`,
  );
}

function renderMachine(title: string, exportName: string, machine: AnyStateMachine, intro: string): string[] {
  const out: string[] = [
    `## ${title} (\`${exportName}\`)`,
    '',
    intro,
    '',
    '### Events it accepts, by origin',
    '',
  ];
  out.push(...renderEvents(machine), '', '### States, with the events, guards and actions of each', '');
  renderStates(machine.root, machine, 0, out);
  out.push('', '### Diagram', '', '```mermaid', 'stateDiagram-v2');
  renderMermaid(machine.root, 1, out);
  renderMermaidTransitions(machine, out);
  out.push('```', '');
  return out;
}

export function renderCallStatesDoc(): string {
  const out = [
    '# Call states',
    '',
    '<!-- Generated by `npx tsx scripts/generate-call-states.ts` from src/call; do not edit by hand. -->',
    '',
    'The phone and call statecharts of `src/call`, generated from the machines themselves. A unit test',
    'fails when this file is stale: run `npx tsx scripts/generate-call-states.ts` after changing a machine.',
    '',
    'Reading the lists: each state shows its tags, entry actions and the actors it runs while active, then',
    'one line per transition: `event` [guard] → target / actions. `after X` is a timer named X (its',
    'duration comes from settings), `done: X` / `error: X` the result of the actor with id X, `always` a',
    'transition taken as soon as its guard holds. Transitions declared on a parent apply in all its',
    'children unless a child handles the event itself.',
    '',
    ...renderMachine(
      'Phone',
      'phoneMachine',
      phoneMachine,
      'Registration, mode, agent availability, lines (one spawned call machine per call), and the ' +
        'consultation and conference that span several calls. The UI sends every event here, including ' +
        'those about one call (with its `callId`): the phone routes them, holding the call that has the ' +
        'audio first when another call is to be answered, resumed or dialled.',
    ),
    ...renderMachine(
      'Call',
      'callMachine',
      callMachine,
      'One SIP session leg, from the first SIP message to the end of wrap-up, in three parallel regions: ' +
        'who the caller is (contact), the call itself (progress) and its log. `sip.*` events come from ' +
        'its `sipSession` actor; `phone.*` events from the phone machine.',
    ),
  ];
  return out.join('\n');
}

export function readCommittedCallStatesDoc(): string {
  try {
    return readFileSync(CALL_STATES_DOC_PATH, 'utf8');
  } catch {
    return '';
  }
}

function main(argv: string[]): number {
  const rendered = renderCallStatesDoc();
  if (argv.includes('--check')) {
    if (readCommittedCallStatesDoc() === rendered) return 0;
    console.error(
      'docs/call-states.md is stale: run `npx tsx scripts/generate-call-states.ts` and commit it.',
    );
    return 1;
  }
  writeFileSync(CALL_STATES_DOC_PATH, rendered);
  console.log(`wrote ${CALL_STATES_DOC_PATH}`);
  return 0;
}

if (process.argv[1]?.endsWith('generate-call-states.ts')) process.exitCode = main(process.argv.slice(2));
