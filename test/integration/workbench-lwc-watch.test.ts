// `npm start` rebuilds the LWC bundles on change (workbench/lwc/build-lwc.ts watchLwc): an edit inside a
// component, and a component added while it runs (a new `c/<name>` module), both reach the namespace's
// bundle (the `c` modules the page evaluates in their Lightning Web Security sandbox).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { watchLwc } from '../../workbench/lwc/build-lwc';
import { namespaceFile } from '../../workbench/lwc/namespace-bundle';
import { lwcNamespace } from '../../workbench/namespace';
import { packageNamespace } from '../../scripts/namespace';

let dir: string;
let stop: (() => Promise<void>) | undefined;

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

const component = (name: string, imports = '') =>
  `import { LightningElement } from 'lwc';\n${imports}\nexport default class ${name[0]?.toUpperCase()}${name.slice(1)} extends LightningElement {}\n`;

beforeEach(() => {
  // Inside the project (git-ignored): the LWC compiler resolves modules from the project's configuration.
  const scratch = resolve(__dirname, '../../workbench/.build');
  mkdirSync(scratch, { recursive: true });
  dir = mkdtempSync(join(scratch, 'lwc-watch-test-'));
});

afterEach(async () => {
  await stop?.();
  // A build the watcher had started may still be writing its output: retry the removal a few times.
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('rebuilds on an edit in a component and on a component added while watching', async () => {
  const lwcDir = join(dir, 'lwc');
  const outDir = join(dir, 'out');
  write(join(lwcDir, 'hello', 'hello.js'), component('hello'));
  write(join(lwcDir, 'hello', 'hello.html'), '<template><p>Hello one</p></template>\n');
  write(join(dir, 'entry.js'), "import * as c from 'workbench:namespace';\nexport { c };\n");
  const messages: string[] = [];
  const built = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const errors = messages.filter((m) => m.includes('error'));
        if (errors.length > 0) reject(new Error(errors.join('\n')));
        if (messages.filter((m) => m.startsWith('LWC rebuilt')).length >= count) resolve();
        // A hang guard, not a speed target: one build takes ~10 s alone, several times that on a loaded machine.
        else if (Date.now() - started > 60_000)
          reject(new Error(`no rebuild ${count}: ${messages.join('; ')}`));
        else return;
        clearInterval(poll);
      }, 50);
    });
  const output = () => readFileSync(join(outDir, namespaceFile(lwcNamespace(packageNamespace()))), 'utf8');

  stop = watchLwc({ page: join(dir, 'entry.js') }, (m) => messages.push(m), {
    lwcDir,
    outDir,
    roots: ['hello'],
  });
  await built(1);
  expect(output()).toContain('Hello one');

  write(join(lwcDir, 'hello', 'hello.html'), '<template><p>Hello two</p></template>\n');
  await built(2);
  expect(output()).toContain('Hello two');

  write(join(lwcDir, 'world', 'world.html'), '<template><p>World three</p></template>\n');
  write(join(lwcDir, 'world', 'world.js'), component('world'));
  write(
    join(lwcDir, 'hello', 'hello.js'),
    component('hello', "import World from 'c/world';\nexport { World };"),
  );
  await built(3);
  expect(messages).toContain('LWC bundles added or removed: reconfiguring the build');
  await new Promise((ok) => setTimeout(ok, 300));
  expect(output()).toContain('World three');
}, 200_000);
