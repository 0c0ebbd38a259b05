// A compact text form of the shell AST, so parser tests can be tables of input → expected shape.
import type { AndOr, Command, List, Redirect, Word } from '../../src/shell/parse.js';

/** Static words print as their value, in ‹› when quoting changed them; dynamic words print as {raw}. */
export function renderWord(w: Word): string {
  if (w.value === null) return `{${w.raw}}`;
  return w.value === w.raw ? w.value : `‹${w.value}›`;
}

function renderRedirect(r: Redirect): string {
  const fd = r.fd === null ? '' : String(r.fd);
  if (r.heredoc !== undefined) return `${fd}${r.op}${r.heredoc.delimiter}[${r.heredoc.body}]`;
  return `${fd}${r.op}${r.target === null ? '?' : renderWord(r.target)}`;
}

export function renderCommand(c: Command): string {
  const redirects = c.redirects.map((r) => ` ${renderRedirect(r)}`).join('');
  if (c.type === 'simple') {
    const parts = [
      ...c.assignments.map((a) => `${a.name}=${renderWord(a.value)}`),
      ...c.words.map(renderWord),
    ];
    return parts.join(' ') + (parts.length > 0 ? redirects : redirects.trimStart());
  }
  let head: string = c.type;
  if (c.name !== undefined) head += `:${c.name}`;
  if (c.type === 'case') {
    const subject = c.words?.[0];
    const items = (c.items ?? []).map((it) => `(${it.patterns.map(renderWord).join('|')}: ${renderList(it.body)})`);
    return `case[${subject === undefined ? '' : renderWord(subject)}]${items.join('')}${redirects}`;
  }
  if (c.words !== undefined) head += c.words === null ? '[]' : `[${c.words.map(renderWord).join(' ')}]`;
  if (c.type === 'function' && c.command !== undefined) return `${head} ${renderCommand(c.command)}`;
  return `${head}${c.body.map((l) => `(${renderList(l)})`).join('')}${redirects}`;
}

function renderAndOr(item: AndOr): string {
  const pipeline = (p: AndOr['first']): string => (p.negated ? '! ' : '') + p.commands.map(renderCommand).join(' | ');
  return [pipeline(item.first), ...item.rest.map((r) => `${r.op} ${pipeline(r.pipeline)}`)].join(' ');
}

export function renderList(list: List): string {
  return list.items.map((item) => renderAndOr(item) + (item.background ? ' &' : '')).join(' ; ');
}
