// Parses data/CHANGELOG.md into entries the Data page can render (pages never read files): each
// `## x.y.z — YYYY-MM-DD` heading starts an entry; `- ` bullets (with indented continuation lines)
// are its items. An item starting `vi:` or `en:` is in that language (the Data page shows each
// language its own items; an untagged item shows in both). Markdown code ticks and emphasis are
// dropped: the page shows plain text.

export interface ChangelogItem {
  lang: 'vi' | 'en' | null;
  text: string;
}

export interface ChangelogEntry {
  version: string;
  /** ISO date of the release, or '' when the heading has none. */
  date: string;
  items: ChangelogItem[];
}

function toItem(raw: string): ChangelogItem {
  const text = plain(raw);
  const tagged = /^(vi|en):\s*(.*)$/.exec(text);
  return tagged ? { lang: tagged[1] as 'vi' | 'en', text: tagged[2] } : { lang: null, text };
}

/** The items a page in `lang` shows: its own language and the untagged ones. */
export const itemsFor = (entry: ChangelogEntry, lang: 'vi' | 'en') => entry.items.filter((i) => i.lang === lang || i.lang === null);

const heading = /^##\s+\[?(\d+\.\d+\.\d+)\]?(?:\s*[—–-]+\s*(\d{4}-\d{2}-\d{2}))?\s*$/;

const plain = (s: string) => s.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\s+/g, ' ').trim();

export function parseChangelog(text: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let current: ChangelogEntry | null = null;
  let item: string | null = null;
  const flush = () => {
    if (current && item !== null && plain(item)) current.items.push(toItem(item));
    item = null;
  };
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    const h = heading.exec(raw.trim());
    if (h) {
      flush();
      current = { version: h[1], date: h[2] ?? '', items: [] };
      entries.push(current);
      continue;
    }
    if (/^#{1,2}\s/.test(raw)) {
      // Another top-level heading ends the entry.
      flush();
      current = null;
      continue;
    }
    if (!current) continue;
    const bullet = /^[-*]\s+(.*)$/.exec(raw);
    if (bullet) {
      flush();
      item = bullet[1];
    } else if (item !== null && /^\s+\S/.test(raw)) {
      item += ' ' + raw.trim();
    } else {
      flush();
    }
  }
  flush();
  return entries;
}
