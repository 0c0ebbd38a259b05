/** What a rule reports as its change: one fix (applied by --fix) and suggestions (picked by a person). */
import { DEFAULT_FIX_TYPE } from '../rule.js';
/**
 * A finding that an init in the Dockerfile and a handler in the program can
 * both fix: `fixType` (unset: DEFAULT_FIX_TYPE) picks the fix, the other becomes a suggestion. On its
 * own each keeps its default nature: the init is a fix (Dockerfile only,
 * the container then stops at once), the handler a suggestion (it changes
 * the program's code).
 */
export function initOrHandler(fixType, init, handler) {
    const preferred = (fixType ?? DEFAULT_FIX_TYPE) === 'handler' ? handler ?? init : init;
    const others = [init, handler].filter((s) => s !== null && s !== preferred);
    return preferred ? { fix: preferred.fix, suggest: others } : { suggest: others };
}
//# sourceMappingURL=remedy.js.map