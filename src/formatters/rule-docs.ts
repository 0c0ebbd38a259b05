/**
 * The rule doc pages (rules/<id>.md, shipped in the package) as SARIF wants
 * them: the page for help.markdown, a paragraph for fullDescription, the
 * "How to fix" section for help.text. The pages are static package data, so
 * reading them keeps the formatters a function of their input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-info.js';

export interface RuleDocText {
  /** The page without its title line. */
  markdown: string;
  /** First paragraph of "Why it matters", plain, at most 1024 characters (GitHub's limit). */
  why: string;
  /** "How to fix", plain. */
  howToFix: string;
}

const cache = new Map<string, RuleDocText | null>();

export function ruleDocText(ruleId: string): RuleDocText | null {
  if (!cache.has(ruleId)) cache.set(ruleId, readDoc(ruleId));
  return cache.get(ruleId) ?? null;
}

function readDoc(ruleId: string): RuleDocText | null {
  // Ids come from results; only ever read a page named like a rule.
  if (!/^[a-z0-9-]+$/.test(ruleId)) return null;
  let page: string;
  try {
    page = fs.readFileSync(path.join(packageRoot(), 'rules', `${ruleId}.md`), 'utf8');
  } catch {
    return null;
  }
  const markdown = page.replace(/^# .*\n+/, '').trim();
  const whyParagraph = section(markdown, 'Why it matters').split(/\n\s*\n/)[0] ?? '';
  return { markdown, why: truncate(plain(whyParagraph), 1024), howToFix: plain(section(markdown, 'How to fix')) };
}

/** The body of a `## heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const body = markdown.slice(start + heading.length + 4);
  const end = body.search(/^## /m);
  return (end < 0 ? body : body.slice(0, end)).trim();
}

/** Markdown emphasis, links and line wrapping removed (list items keep their lines); code spans keep their backticks. */
function plain(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/\n(?!\s*(?:[-*]|\d+\.) )\s*/g, ' ')
        .trim(),
    )
    .join('\n\n');
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut}…`;
}
