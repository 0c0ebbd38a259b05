/** Suggestions are never applied by --fix, so every format must show them for a person to pick one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatters } from '../../src/formatters/index.js';
import { messageWithSuggestions } from '../../src/formatters/findings.js';
import { context, message, result } from './helpers.js';

const DESC = 'Run the program under tini';

test('every format lists each suggestion of a finding', () => {
  const suggestions = [{ desc: DESC, fix: { range: [0, 0] as [number, number], text: 'x' } }, { desc: 'Add a SIGTERM listener', fix: { range: [0, 0] as [number, number], text: 'y' } }];
  const results = [result('Dockerfile', [message('unhandled-stop-signal', 1, 1, { suggestions })])];
  for (const [name, format] of Object.entries(formatters)) {
    const output = format(results, context({ Dockerfile: 'FROM node:22\nCMD ["node","a.js"]\n' }));
    for (const s of suggestions) assert.ok(output.includes(s.desc), `${name} does not list "${s.desc}":\n${output}`);
  }
});

test('text formats: one `Suggestion:` line per suggestion after the message; none without suggestions', () => {
  assert.equal(messageWithSuggestions(message('x', 1, 1, { message: 'm', suggestions: [{ desc: 'a', fix: { range: [0, 0], text: '' } }] })), 'm\nSuggestion: a');
  assert.equal(messageWithSuggestions(message('x', 1, 1, { message: 'm' })), 'm');
});
