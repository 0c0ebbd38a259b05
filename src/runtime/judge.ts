/**
 * Judging each deployment that starts PID 1 differently from the image's
 * verdict (an init, the stop signal, its entrypoint or command) on its own
 * chain. The image keeps its own findings; a deployment adds only findings
 * the image does not have (another rule, or another place), reported at the
 * deployment: in the compose file or manifest, prefixed with its name, so
 * every output format shows them. Its PID-1 report goes to the Dockerfile
 * result's `services`.
 */
import path from 'node:path';
import type { Pid1Report, ServiceReport } from '../types.js';
import type { RuntimeSettings } from '../model/model.js';
import { relativeTo } from '../context/files.js';
import type { LocatedMessage } from '../ignores/apply.js';
import { changesPid1 } from './settings.js';
import { settingReports } from './report.js';
import type { Deployment } from './types.js';

export interface Judgement {
  found: LocatedMessage[];
  pid1: Pid1Report;
}

/**
 * `image` are the settings of the image's own verdict and `imageFound` its
 * findings; `judge` lints the Dockerfile again with a deployment's settings;
 * `contextDir` makes paths relative as the rest of the report does.
 */
export async function judgeDeployments(
  image: RuntimeSettings,
  deployments: readonly Deployment[],
  imageFound: readonly LocatedMessage[],
  contextDir: string,
  judge: (settings: RuntimeSettings) => Promise<Judgement>,
): Promise<{ found: LocatedMessage[]; services: ServiceReport[] }> {
  const key = (m: LocatedMessage) => `${m.message.ruleId ?? ''}\u0000${m.file}\u0000${m.message.line}\u0000${m.message.column}`;
  const imageKeys = new Set(imageFound.map(key));
  const rel = (file: string) => relativeTo(contextDir, file);
  const found: LocatedMessage[] = [];
  const services: ServiceReport[] = [];
  for (const d of deployments) {
    const report: ServiceReport = {
      kind: d.kind,
      name: d.name,
      file: rel(d.loc.file),
      line: d.loc.start.line,
      settings: settingReports(d.settings, rel),
      judged: changesPid1(d.settings, image),
      notes: d.notes,
    };
    services.push(report);
    if (!report.judged) continue;
    const judgement = await judge(d.settings);
    report.pid1 = judgement.pid1;
    for (const item of judgement.found) {
      if (item.message.ruleId === null || imageKeys.has(key(item))) continue;
      // A finding already in the deployment's own file (its command line) stays there; the rest move to the deployment.
      if (item.file === d.loc.file) {
        found.push({ ...item, message: { ...item.message, message: `${d.label}: ${item.message.message}` } });
        continue;
      }
      const at = `${relativeTo(path.dirname(d.loc.file), item.file)}:${item.message.line}`;
      const { fix, suggestions } = item.message;
      found.push({
        file: d.loc.file,
        origin: { file: item.file, line: item.message.line },
        message: {
          ...item.message,
          // Edits still apply to the file they were made for.
          ...(fix ? { fix: { ...fix, file: fix.file ?? item.file } } : {}),
          ...(suggestions ? { suggestions: suggestions.map((s) => ({ ...s, fix: { ...s.fix, file: s.fix.file ?? item.file } })) } : {}),
          message: `${d.label}: ${item.message.message} (found at ${at} when run this way)`,
          line: d.loc.start.line,
          column: d.loc.start.column,
          endLine: d.loc.end.line,
          endColumn: d.loc.end.column,
        },
      });
    }
  }
  return { found, services };
}
