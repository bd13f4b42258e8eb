// Caller names come from SIP From / P-Asserted-Identity headers: anyone can put anything there.

// Controls (including CR/LF/TAB), line and paragraph separators: become spaces, so words stay apart.
const BREAKS = /[\p{Cc}\u2028\u2029]/gu;
// Bidi overrides and isolates, zero-width spaces, BOM, tag characters, private use and lone surrogates:
// invisible or spoofing material. ZWJ and ZWNJ stay: emoji sequences and several scripts need them.
const INVISIBLE = /(?![\u200C\u200D])[\p{Cf}\p{Co}\p{Cs}]/gu;
const TAGS = /<[^<>]*>/g;
const MARKUP_CHARACTERS = /[<>]/g;
// More than three stacked combining marks is "Zalgo" text, drawn over the neighbouring lines.
const MARK_PILES = /(\p{M}{3})\p{M}+/gu;
const SPACES = /[\s\p{Z}]+/gu;
const ELLIPSIS = '…';

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters, so a cut never splits an emoji or a letter from its accent. */
function graphemes(text: string): string[] {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Returns a caller name safe to show as text: NFKC-folded, without control, bidi or invisible
 * characters, markup or angle brackets, with whitespace collapsed, at most `maxLength` characters
 * (user-perceived, an ending "…" included). Anything that is not a string, or nothing left, gives ''.
 */
export function sanitiseDisplayName(raw: unknown, maxLength = 64): string {
  if (typeof raw !== 'string') return '';
  const limit = Number.isFinite(maxLength) ? Math.floor(maxLength) : 64;
  if (limit < 1) return '';
  // Bound the work before any regular expression runs: a header can be kilobytes long.
  const bounded = raw.slice(0, Math.max(256, limit * 8));
  let text = bounded
    .normalize('NFKC')
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(TAGS, ' ')
    .replace(MARKUP_CHARACTERS, '')
    .replace(MARK_PILES, '$1')
    .replace(SPACES, ' ')
    .trim();
  // A SIP display-name is often still quoted: "Alice Smith".
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).trim();
  if (text.length <= limit) return text;
  const clusters = graphemes(text);
  if (clusters.length <= limit) return text;
  return (
    clusters
      .slice(0, limit - 1)
      .join('')
      .trimEnd() + ELLIPSIS
  );
}
