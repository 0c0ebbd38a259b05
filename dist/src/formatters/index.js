import { formatCheckstyle } from './checkstyle.js';
import { formatCompact } from './compact.js';
import { formatGithub, formatGithubSummary } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
export const formatters = {
    stylish: formatStylish,
    json: formatJson,
    compact: formatCompact,
    sarif: formatSarif,
    github: formatGithub,
    gitlab: formatGitlab,
    checkstyle: formatCheckstyle,
    junit: formatJunit,
};
/** Markdown a format also appends to `$GITHUB_STEP_SUMMARY` when that is set (the complete list of findings). */
export const stepSummaries = {
    github: formatGithubSummary,
};
//# sourceMappingURL=index.js.map