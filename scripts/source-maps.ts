// Each minified static resource ships with its source map as a second static resource, `<name>Source`
// (docs/adr/0008-source-mapped-static-resources.md): the map carries every original file (sourcesContent), so a
// security reviewer or a developer reads the exact TypeScript behind what agents run, while agents download
// only the minified script plus one comment line. The comment is relative: a static resource's URL is
// /resource/<version>/<name>, so the browser resolves the map as /resource/<version>/<name>Source.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { namespaced, packageNamespace } from './namespace';

const root = resolve(__dirname, '..');

/** The static resource that holds `<name>`'s source map. */
export const sourceResourceName = (name: string): string => `${name}Source`;

/** The namespace a resource is prefixed with in the org (`ns__name`), from the build's one namespace input. */
export const namespacePrefix = (): string => namespaced(packageNamespace(), '');

/** The last line of a static resource's script: where the browser's developer tools find its map. */
export const sourceMapComment = (name: string, prefix = namespacePrefix()): string =>
  `\n//# sourceMappingURL=${prefix}${sourceResourceName(name)}\n`;

interface SourceMap {
  version: number;
  sources: string[];
  sourcesContent?: (string | null)[];
  file?: string;
}

/**
 * Turns esbuild's `<outfile>.map` into the `<name>Source.json` static resource (sources named from the
 * repository root: src/…, node_modules/…) and points the script at it.
 */
export function attachSourceMap(outfile: string, name: string): void {
  const mapFile = `${outfile}.map`;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
  const dir = resolve(outfile, '..');
  map.sources = map.sources.map((source) => relative(root, resolve(dir, source)));
  map.file = `${name}.js`;
  writeFileSync(resolve(dir, `${sourceResourceName(name)}.json`), JSON.stringify(map));
  rmSync(mapFile);
  writeFileSync(outfile, readFileSync(outfile, 'utf8').trimEnd() + sourceMapComment(name));
}
