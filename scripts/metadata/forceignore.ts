// A small .forceignore matcher with gitignore semantics (what the Salesforce CLI applies), used to
// decide which source files must deploy and to recognise ignored files that leak into a conversion.

interface Rule {
  negated: boolean;
  regex: RegExp;
}

/** Converts one gitignore-style glob into a regular expression over a relative POSIX path. */
function globToRegExp(glob: string): RegExp {
  let pattern = glob;
  const directoryOnly = pattern.endsWith('/');
  if (directoryOnly) pattern = pattern.slice(0, -1);
  // A pattern with a slash (other than a trailing one) is anchored to the project root;
  // otherwise it matches a name at any depth.
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);

  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*' && pattern.charAt(i + 1) === '*') {
      if (pattern.charAt(i + 2) === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  // Matching a directory ignores everything below it, so allow any suffix after a slash.
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}(?:/.*)?$`);
}

export class ForceIgnore {
  private readonly rules: Rule[];

  constructor(readonly text: string) {
    this.rules = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const negated = line.startsWith('!');
        return { negated, regex: globToRegExp(negated ? line.slice(1) : line) };
      });
  }

  /** True when the path (relative to the project root, forward slashes) is ignored. Last matching rule wins. */
  ignores(relativePath: string): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.regex.test(relativePath)) ignored = !rule.negated;
    }
    return ignored;
  }
}
