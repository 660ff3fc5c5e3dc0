// The `_headers` file (Netlify and Cloudflare Pages format): a path pattern on its own line, then its
// headers indented below it. Used by the local static server (Lighthouse, hardening tests) so that what
// is measured and tested is what the host sends, and by the tests that check the file itself.

export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
  /** `! Name` lines (Cloudflare): headers that an earlier rule set and this path must not send. */
  detach: string[];
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | null = null;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), headers: [], detach: [] };
      rules.push(current);
      continue;
    }
    if (!current) throw new Error(`_headers:${i + 1}: header before any path`);
    const body = line.trim();
    if (body.startsWith('!')) {
      current.detach.push(body.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = body.indexOf(':');
    if (colon <= 0) throw new Error(`_headers:${i + 1}: expected "Name: value", got "${body}"`);
    current.headers.push([body.slice(0, colon).trim(), body.slice(colon + 1).trim()]);
  }
  return rules;
}

/** `*` matches any run of characters (also none and across slashes), `:name` one path segment. */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers a path is served with: every matching rule applies, in file order; a header set by
 * several rules is sent once with the values joined by ", " (how both hosts combine them); `! Name`
 * removes a header set by an earlier rule. Keys are lower case.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return out;
}

/** Splits a Content-Security-Policy header (possibly several policies joined by ",") into directives. */
export function parseCsp(value: string): Map<string, string[]>[] {
  return value.split(',').map((policy) => {
    const directives = new Map<string, string[]>();
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
    }
    return directives;
  });
}
