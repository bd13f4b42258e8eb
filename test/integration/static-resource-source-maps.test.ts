// The static resources a security reviewer receives: each minified script names its source map, a JSON static
// resource of the package holding every original file, and agents download nothing more than that one comment.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundles, buildStaticResources, coreBuildOptions } from '../../scripts/build';
import { sourceMapComment, sourceResourceName } from '../../scripts/source-maps';
import { startWorkbenchServer } from '../../workbench/server';

const root = resolve(__dirname, '../..');
const STATIC_RESOURCES = resolve(root, 'force-app/main/default/staticresources');
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'static-resources-'));
  await buildStaticResources(outDir);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface SourceMap {
  version: number;
  file: string;
  sources: string[];
  sourcesContent: string[];
  mappings: string;
}

describe.each(bundles.map((b) => [b.name, b] as const))('the %s static resource', (name, bundle) => {
  const map = () =>
    JSON.parse(readFileSync(join(outDir, `${sourceResourceName(name)}.json`), 'utf8')) as SourceMap;

  test('is the minified build byte for byte, plus one line naming its source map resource', async () => {
    const { outputFiles } = await build({
      ...coreBuildOptions(resolve(root, bundle.entry), bundle.globalName),
      write: false,
      outfile: join(outDir, 'plain.js'),
    });
    const plain = outputFiles?.[0]?.text ?? '';
    expect(readFileSync(join(outDir, `${name}.js`), 'utf8')).toBe(plain.trimEnd() + sourceMapComment(name));
  });

  // A package that ships its own source maps (lit) is mapped back to its original TypeScript, which
  // its map carries: only the project's own files can be compared with the repository.
  test("has a source map that holds every original file, the project's exactly as in the repository", () => {
    const { version, file, sources, sourcesContent, mappings } = map();
    expect({ version, file }).toEqual({ version: 3, file: `${name}.js` });
    expect(sources).toContain(bundle.entry);
    expect(mappings.length).toBeGreaterThan(0);
    expect(sourcesContent).toHaveLength(sources.length);
    expect(sources.filter((source, i) => !sourcesContent[i])).toEqual([]);
    sources.forEach((source, i) => {
      if (!source.startsWith('src/')) return;
      expect({ source, content: sourcesContent[i] }).toEqual({
        source,
        content: readFileSync(resolve(root, source), 'utf8'),
      });
    });
  });

  test('ships the map as a JSON static resource of the package', () => {
    const meta = join(STATIC_RESOURCES, `${sourceResourceName(name)}.resource-meta.xml`);
    expect(existsSync(meta)).toBe(true);
    expect(readFileSync(meta, 'utf8')).toContain('<contentType>application/json</contentType>');
  });
});

describe('the workbench', () => {
  // Needs `npm run build` (npm test runs it first): the workbench serves force-app's static resources.
  test("resolves a script's sourceMappingURL as an org does, next to the script's own URL", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'workbench-data-'));
    const web = await startWorkbenchServer({
      sip: { wsUrl: 'ws://127.0.0.1:5066', domain: 'softphone.test' },
      sipSecret: 'source-map-test-secret-0123456789',
      dataDir,
    });
    try {
      const script = await fetch(`${web.url}/resources/softphoneCore`).then((r) => r.text());
      const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(script)?.[1] ?? '';
      const response = await fetch(new URL(mapUrl, `${web.url}/resources/softphoneCore`));
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toMatchObject({ version: 3, file: 'softphoneCore.js' });
    } finally {
      await web.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
