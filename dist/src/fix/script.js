/**
 * Remedy for an entrypoint script whose final command runs without exec
 * (facts §3 script-sh-noexec): `exec` in front of that command, in the
 * script itself. It is the fix when the command is the very last thing the
 * script runs and the script sets no trap (exec discards traps); otherwise
 * a suggestion.
 */
import { relativeTo } from '../context/files.js';
import { commandText } from '../model/queries.js';
import { mergeEdits } from './edits.js';
export function scriptExecRemedy(model, link) {
    const script = link.script;
    const final = script?.facts.final;
    if (!script || !final)
        return { suggest: [] };
    const read = model.files.read(script.hostPath);
    if (!read.ok)
        return { suggest: [] };
    // Each branch the script can end in gets its own exec (an if/case at the end).
    const targets = final.alternatives ? final.alternatives.filter((a) => a !== null) : [final];
    const edits = [];
    for (const target of targets) {
        if (target.exec)
            continue;
        const first = target.words[0];
        // A word with no text (what a broken script can leave) has no place for exec to go.
        if (target.compound || target.background || target.inPipeline || target.negated || !first || first.end <= first.start)
            return { suggest: [] };
        // After `FOO=1`, so that the assignment still reaches the program (`FOO=1 exec node …`).
        edits.push({ range: [first.start, first.start], text: 'exec ' });
    }
    if (edits.length === 0)
        return { suggest: [] };
    const fix = mergeEdits(read.text, edits, script.hostPath);
    const lastEnd = (final.calledVia ?? final).end;
    const runsMore = script.facts.commands.some((c) => c.start >= lastEnd);
    const where = `${relativeTo(model.contextDir, script.hostPath)} line ${final.line}`;
    const command = commandText(final.argv.map((w) => w ?? '…'));
    const safe = !runsMore && script.facts.traps.length === 0 && !final.alternatives && !final.calledVia;
    if (safe)
        return { fix, suggest: [] };
    const caveats = [
        script.facts.traps.length > 0 ? `the script's trap (line ${script.facts.traps[0]?.line}) no longer runs, since exec replaces the shell` : '',
        runsMore ? 'the commands after it no longer run' : '',
    ].filter(Boolean);
    return {
        suggest: [{
                desc: `Put exec in front of \`${command}\` (${where}) so the program replaces the script's shell${caveats.length ? `; ${caveats.join(', and ')}` : ''}`,
                fix,
            }],
    };
}
//# sourceMappingURL=script.js.map