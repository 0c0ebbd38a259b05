/**
 * Which inits the final image holds, at which paths, and how they got there
 * (facts §8): OS packages (apt → /usr/bin/tini, apk → /sbin/tini), a release
 * binary fetched by ADD/curl/wget, a COPY from the context or from another
 * stage, or the base image itself (denoland/deno ships /tini).
 */
import path from 'node:path';
import { splitRawWords } from '../dockerfile/parse.js';
import { resolvePath } from '../dockerfile/stages.js';
import { initName } from './launchers.js';
/** OS package → installed paths, per package manager (facts §8). */
const PACKAGE_PATHS = {
    apt: {
        tini: [{ path: '/usr/bin/tini' }, { path: '/usr/bin/tini-static' }],
        'dumb-init': [{ path: '/usr/bin/dumb-init' }],
        catatonit: [{ path: '/usr/bin/catatonit', unverified: true }],
    },
    apk: {
        tini: [{ path: '/sbin/tini' }],
        'tini-static': [{ path: '/sbin/tini-static' }],
        'dumb-init': [{ path: '/usr/bin/dumb-init' }],
        catatonit: [{ path: '/usr/bin/catatonit', unverified: true }],
    },
    dnf: {
        tini: [{ path: '/usr/bin/tini', unverified: true }],
        'tini-static': [{ path: '/usr/bin/tini-static', unverified: true }],
        'dumb-init': [{ path: '/usr/bin/dumb-init', unverified: true }],
        catatonit: [{ path: '/usr/libexec/catatonit/catatonit', unverified: true }],
    },
};
PACKAGE_PATHS.yum = PACKAGE_PATHS.dnf;
PACKAGE_PATHS.microdnf = PACKAGE_PATHS.dnf;
const INSTALL_COMMANDS = {
    'apt-get': { manager: 'apt', verbs: ['install'] },
    apt: { manager: 'apt', verbs: ['install'] },
    aptitude: { manager: 'apt', verbs: ['install'] },
    apk: { manager: 'apk', verbs: ['add'] },
    dnf: { manager: 'dnf', verbs: ['install'] },
    yum: { manager: 'yum', verbs: ['install'] },
    microdnf: { manager: 'microdnf', verbs: ['install'] },
    tdnf: { manager: 'dnf', verbs: ['install'] },
};
/** Every init in the image built by `stage` (its own steps, its FROM ancestors, its base image). */
export function installedInits(stage, depth = 0) {
    if (depth > 32)
        return [];
    const found = [];
    if (stage.base.kind === 'stage')
        found.push(...installedInits(stage.base.stage, depth + 1));
    else if (stage.base.kind === 'image')
        found.push(...fromImage(stage.base.image));
    for (const run of stage.runs)
        found.push(...fromRun(run.text, run.instruction, stage));
    for (const copy of stage.copies)
        found.push(...fromCopy(copy, depth));
    return found;
}
function fromImage(image) {
    return image.inits.map((i) => ({
        name: i.name,
        path: i.path,
        via: `the base image ${image.ref?.raw ?? image.description}`,
        instruction: null,
        fact: '§7',
    }));
}
/** Package installs and downloads in a RUN command (tokens, not a full shell parse). */
function fromRun(text, instruction, stage) {
    const found = [];
    for (const command of splitCommands(text)) {
        const words = command.filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
        const program = path.posix.basename(words[0] ?? '');
        const install = INSTALL_COMMANDS[program];
        if (install) {
            const verbIndex = words.findIndex((w, i) => i > 0 && install.verbs.includes(w));
            if (verbIndex < 0)
                continue;
            const manager = install.manager;
            for (const word of words.slice(verbIndex + 1)) {
                if (word.startsWith('-'))
                    continue;
                const pkg = word.replace(/[=<>~].*$/, '');
                const paths = PACKAGE_PATHS[manager]?.[pkg];
                for (const p of paths ?? []) {
                    const name = pkg.startsWith('tini') ? 'tini' : pkg;
                    found.push({
                        name,
                        path: p.path,
                        via: `${program} ${install.verbs[0]} ${word}`,
                        instruction,
                        fact: '§8',
                        ...(p.unverified ? { unverified: true } : {}),
                    });
                }
            }
            continue;
        }
        if (program === 'curl' || program === 'wget') {
            const url = words.find((w) => /^https?:\/\//.test(w));
            const name = url ? initFromUrl(url) : null;
            if (!url || !name)
                continue;
            const outFlag = program === 'curl' ? ['-o', '--output'] : ['-O', '--output-document'];
            let dest = null;
            const bundled = program === 'curl' ? /^-[a-zA-Z]*o$/ : /^-[a-zA-Z]*O$/;
            for (let i = 1; i < words.length; i++) {
                const w = words[i];
                if (bundled.test(w))
                    dest = words[i + 1] ?? null;
                for (const f of outFlag) {
                    if (w === f)
                        dest = words[i + 1] ?? null;
                    else if (w.startsWith(`${f}=`))
                        dest = w.slice(f.length + 1);
                    else if (f.length === 2 && w.startsWith(f) && w.length > 2)
                        dest = w.slice(2);
                }
            }
            if (dest && dest !== '-') {
                found.push({ name, path: resolvePath(stage.config.workdir, dest), via: `${program} ${url}`, instruction, fact: '§8' });
            }
            continue;
        }
        if (program === 'pip' || program === 'pip3') {
            if (words.includes('install') && words.some((w) => w === 'dumb-init' || w.startsWith('dumb-init='))) {
                found.push({ name: 'dumb-init', path: '/usr/local/bin/dumb-init', via: `${program} install dumb-init`, instruction, fact: '§8', unverified: true });
            }
        }
    }
    return found;
}
/** Splits RUN text into simple commands at `&&`, `||`, `;`, `|` and newlines. */
function splitCommands(text) {
    const out = [];
    let current = [];
    for (const word of splitRawWords(text.replace(/\\\r?\n/g, ' ').replace(/([;&|]+)/g, ' $1 ').replace(/\r?\n/g, ' ; '))) {
        if (/^[;&|]+$/.test(word)) {
            if (current.length)
                out.push(current);
            current = [];
            continue;
        }
        current.push(word.replace(/^["']|["']$/g, ''));
    }
    if (current.length)
        out.push(current);
    return out;
}
function initFromUrl(url) {
    if (/krallin\/tini\/releases\/download\//.test(url))
        return 'tini';
    if (/Yelp\/dumb-init\/releases\/download\//.test(url))
        return 'dumb-init';
    const base = path.posix.basename(url);
    const name = initName(base);
    return name === 'tini' || name === 'dumb-init' ? name : null;
}
function fromCopy(copy, depth) {
    const found = [];
    for (const source of copy.sources) {
        const dest = copy.destIsDir ? path.posix.join(copy.dest, path.posix.basename(source)) : copy.dest;
        if (/^https?:\/\//.test(source)) {
            const name = initFromUrl(source);
            if (name)
                found.push({ name, path: dest, via: `ADD ${source}`, instruction: copy.instruction, fact: '§8' });
            continue;
        }
        if (copy.from.kind === 'stage') {
            const sourcePath = resolvePath('/', source);
            for (const init of installedInits(copy.from.stage, depth + 1)) {
                if (init.path === sourcePath || (sourcePath !== '/' && init.path.startsWith(`${sourcePath}/`))) {
                    const placed = init.path === sourcePath ? dest : path.posix.join(copy.dest, path.posix.relative(sourcePath, init.path));
                    found.push({ ...init, path: placed, via: `COPY --from=${copy.from.stage.name ?? copy.from.stage.index} (${init.via})`, instruction: copy.instruction });
                }
            }
            continue;
        }
        const name = initName(path.posix.basename(source));
        if (name === 'tini' || name === 'dumb-init' || name === 'catatonit') {
            const from = copy.from.kind === 'image' ? `COPY --from=${copy.from.ref}` : `${copy.keyword} ${source}`;
            found.push({ name, path: dest, via: from, instruction: copy.instruction, fact: '§8' });
        }
    }
    return found;
}
/** Where `program` (as written in ENTRYPOINT/CMD) points, given PATH. */
export function findInit(program, inits, pathDirs) {
    if (program.includes('/'))
        return inits.find((i) => i.path === program) ?? null;
    for (const dir of pathDirs) {
        const hit = inits.find((i) => i.path === path.posix.join(dir, program));
        if (hit)
            return hit;
    }
    return null;
}
//# sourceMappingURL=inits.js.map