export const id = 937;
export const ids = [937];
export const modules = {

/***/ 3937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildProgram: () => (/* binding */ buildProgram),
  cliMessage: () => (/* binding */ cliMessage),
  main: () => (/* binding */ main),
  unknownEnvWarnings: () => (/* binding */ unknownEnvWarnings)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/cli-secrets.ts
/**
 * CLI secrets come from the environment (`TOKEN_ACTION_*`) or from files, never from argv: the
 * command line of every process is readable by every user of the machine (`ps`,
 * `/proc/PID/cmdline`), and CI systems echo it. A secret given as a flag is refused (exit 2) with
 * the variable to use instead; `--NAME-file PATH` reads it from a file.
 */



/** Inputs that hold a secret: never accepted as a flag value. */
const SECRET_INPUTS = ['issuer-token', 'token', 'github-token', 'circleci-token', 'gitlab-token', 'github-app-private-key'];
/** `--NAME-file` alternatives (`--token-file` is taken: it is where a minted token is written). */
const SECRET_FILE_INPUTS = ['issuer-token', 'github-token', 'circleci-token', 'gitlab-token', 'github-app-private-key'];
const MAX_SECRET_FILE_BYTES = 64 * 1024;
function envName(input) {
    return `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`;
}
function camel(flag) {
    return flag.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
}
/** Adds the hidden-from-nothing `--NAME-file` options. */
function addSecretFileOptions(cmd) {
    for (const name of SECRET_FILE_INPUTS)
        cmd.addOption(new esm/* Option */.c$(`--${name}-file <path>`, `read ${name} from this file (or set ${envName(name)})`));
}
/** A secret passed as a flag is refused, naming the variable (and file flag) to use instead. Only the flag's name is shown, never its value. */
function refuseSecretFlags(cmd) {
    for (const name of SECRET_INPUTS) {
        if (cmd.getOptionValueSource(camel(name)) !== 'cli')
            continue;
        const file = SECRET_FILE_INPUTS.includes(name) ? ` or --${name}-file PATH` : '';
        throw new errors/* ConfigError */.xL(name, `is not accepted as a command-line flag (--${name}): other users of the machine can read a command line (ps, /proc/PID/cmdline) and CI logs echo it; set ${envName(name)}${file} instead`);
    }
}
/** Reads `--NAME-file` secrets into `inputs` (a file flag wins over the variable, as any flag does). */
function readSecretFiles(opts, inputs) {
    for (const name of SECRET_FILE_INPUTS) {
        const path = opts[camel(`${name}-file`)];
        if (typeof path !== 'string' || !path)
            continue;
        const input = `${name}-file`;
        let text;
        try {
            if ((0,external_node_fs_.statSync)(path).size > MAX_SECRET_FILE_BYTES)
                throw new errors/* ConfigError */.xL(input, `${path} is larger than ${MAX_SECRET_FILE_BYTES} bytes: not a token or key file`);
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (err) {
            if (err instanceof errors/* ConfigError */.xL)
                throw err;
            throw new errors/* ConfigError */.xL(input, `cannot read ${path}: ${err.code ?? 'unreadable'}`);
        }
        // A file usually ends with a newline; the value does not (a PEM key keeps its inner lines).
        const value = name === 'github-app-private-key' ? text : text.trim();
        if (!value.trim())
            throw new errors/* ConfigError */.xL(input, `${path} is empty`);
        inputs[name] = value;
    }
}

// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(9148);
// EXTERNAL MODULE: ./src/plan.ts + 2 modules
var src_plan = __webpack_require__(1538);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(5540);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The CLI front end (`token-action`, dist/cli.js) for CircleCI, GitLab and any shell: the same inputs
 * as the Action, as `--kebab-name` flags or `TOKEN_ACTION_UPPER_SNAKE` variables. It never prints a
 * token: CircleCI and GitLab only mask values they already know, so masking cannot be relied on.
 * Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.
 */







// Bundled into dist at build time: `--version` needs no package.json next to the bundle.

const write = (stream) => (line) => stream.write(`${line}\n`);
const stderr = write(process.stderr);
const log = { info: stderr, warning: (l) => stderr(`warning: ${l}`), error: (l) => stderr(`error: ${l}`) };
/** Flags that may be repeated; their values are joined one per line. */
const MULTI_LINE = ['destinations', 'token-permissions', 'token-projects'];
/** Conventional variables of the CI systems, used when neither flag nor TOKEN_ACTION_* is set. */
const FALLBACK_ENV = {
    'circleci-token': ['CIRCLE_TOKEN', 'CIRCLECI_TOKEN'],
    'gitlab-token': ['GITLAB_TOKEN'],
    'github-token': ['GITHUB_TOKEN'],
};
/** Inputs that are yes/no: a bare flag means true. */
const YES_NO = {
    'dry-run': 'plan only: mint, write and revoke nothing',
    'revoke-first': 'a leaked token: revoke the rotation set first, then mint and write the replacement',
    'fail-on-findings': 'audit: exit 1 when the review has findings',
};
const COMMANDS = [
    { name: 'rotate', mode: 'rotate', summary: 'mint a token, write it everywhere, then revoke the tokens it replaces' },
    { name: 'create', mode: 'create', summary: 'mint a token and write it everywhere; revoke nothing' },
    { name: 'distribute', mode: 'distribute', summary: 'verify a given --token and write it everywhere (rwx, hawzu, static)' },
    { name: 'ephemeral', mode: 'ephemeral', summary: 'mint a short-lived token; --token-file receives it' },
    { name: 'plan', dryRun: true, summary: 'dry run: preflight and due check; say what would be created or updated' },
    { name: 'audit', mode: 'audit', summary: 'review the rotation set: age, expiry, last use, and findings (--fail-on-findings exits 1)' },
];
const EXAMPLES = `
Examples:
  # Seed an RWX token into a CircleCI context and a GitLab group (tokens from CIRCLE_TOKEN / GITLAB_TOKEN)
  TOKEN_ACTION_TOKEN="$NEW_RWX_ACCESS_TOKEN" token-action distribute --issuer rwx \\
    --destinations circleci:context/gh/acme/rwx --destinations gitlab:group/acme

  # Rotate a Rack Gateway token when it is older than 6 months
  TOKEN_ACTION_ISSUER_TOKEN=... token-action rotate --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-role cicd --rotate-if-older-than 6m \\
    --destinations gitlab:project/acme/api --report-file report.json

Every flag can also be set as TOKEN_ACTION_<NAME> (e.g. TOKEN_ACTION_DESTINATIONS, one per line).
Secrets are never flags (a command line is visible to every user): set TOKEN_ACTION_ISSUER_TOKEN,
TOKEN_ACTION_TOKEN, TOKEN_ACTION_GITHUB_TOKEN, TOKEN_ACTION_CIRCLECI_TOKEN, TOKEN_ACTION_GITLAB_TOKEN,
TOKEN_ACTION_GITHUB_APP_PRIVATE_KEY, or use --issuer-token-file, --github-token-file, ... PATH.
Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.`;
function cli_envName(input) {
    return `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`;
}
const HYPHENATED_INPUTS = new RegExp(`(?<![\\w-])(${src_plan.INPUT_NAMES.filter((n) => n.includes('-')).join('|')})(?![\\w-])`, 'g');
/**
 * Plan errors speak in action inputs (`issuer: is required`, `use mode distribute`); from the CLI they
 * name the flag, its variable and the command instead. Quoted values are left as they are.
 */
function cliMessage(err) {
    const input = err.input;
    if (!src_plan.INPUT_NAMES.includes(input))
        return err.message;
    const rule = err.message.slice(input.length + 2);
    const text = rule
        .replace(/\bmode (\w+) is impossible/g, '`token-action $1` is impossible')
        .replace(/\b(use it with|use) mode (\w+)/g, '$1 `token-action $2`')
        .replace(/\bin (\w+) mode\b/g, 'with `token-action $1`')
        .replace(/\(mode is (\w+)\)/g, '(the command is $1)')
        .replace(/pass it as `token`/g, 'pass it with --token (or TOKEN_ACTION_TOKEN)')
        .replace(/`([a-z-]+)`/g, (m, name) => (src_plan.INPUT_NAMES.includes(name) ? `--${name}` : m))
        .split(/("[^"]*")/)
        .map((part, i) => (i % 2 ? part : part.replace(HYPHENATED_INPUTS, '--$1')))
        .join('');
    // Outside `plan` the mode is the command, so its errors name the command, not a flag.
    if (input === 'mode' && !/is not a mode/.test(text))
        return text;
    return /^is\b/.test(text) ? `--${input} (or ${cli_envName(input)}) ${text}` : `--${input}: ${text}`;
}
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_v, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}
/** TOKEN_ACTION_* variables that name no input: a typo would otherwise be silently ignored. */
function unknownEnvWarnings(env) {
    const known = src_plan.INPUT_NAMES.map(cli_envName);
    return Object.keys(env)
        .filter((name) => name.startsWith('TOKEN_ACTION_') && !known.includes(name))
        .sort()
        .map((name) => {
        const [closest] = known.map((k) => ({ k, d: editDistance(name, k) })).sort((x, y) => x.d - y.d);
        const near = closest && closest.d <= Math.max(2, Math.floor((name.length - 'TOKEN_ACTION_'.length) / 3));
        return `${name} is not a token-action variable and is ignored${near ? `; did you mean ${closest.k}?` : ' (see token-action --help)'}`;
    });
}
function readInputs(opts, env) {
    const inputs = {};
    for (const name of src_plan.INPUT_NAMES) {
        const key = name.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
        const value = opts[key];
        // Empty counts as unset, as in the Action: an orb exporting TOKEN_ACTION_CIRCLECI_TOKEN="${CIRCLE_TOKEN:-}" must not hide CIRCLECI_TOKEN.
        if (typeof value === 'string' && value !== '')
            inputs[name] = value;
        else if (value === true)
            inputs[name] = 'true';
        // An App id means the App authenticates: an ambient GITHUB_TOKEN is not a second, conflicting credential.
        else if (!(name === 'github-token' && opts.githubAppId))
            for (const fallback of FALLBACK_ENV[name] ?? [])
                inputs[name] ??= env[fallback];
    }
    return inputs;
}
async function execute(command, opts, cmd) {
    for (const warning of unknownEnvWarnings(process.env))
        log.warning(warning);
    const tokenFile = typeof opts.tokenFile === 'string' ? opts.tokenFile : undefined;
    let plan;
    try {
        refuseSecretFlags(cmd);
        const inputs = readInputs(opts, process.env);
        readSecretFiles(opts, inputs);
        // The command is the mode; only `plan` takes --mode / TOKEN_ACTION_MODE (the mode to plan). Elsewhere
        // they may repeat the command (a shared env file) but never contradict it.
        if (command.mode && inputs.mode && inputs.mode !== command.mode) {
            stderr(`error: --mode (or TOKEN_ACTION_MODE) is ${inputs.mode}, but the command is \`token-action ${command.name}\`: the command chooses the mode; drop --mode / unset TOKEN_ACTION_MODE, or run \`token-action ${inputs.mode}\``);
            return 2;
        }
        if (command.mode)
            inputs.mode = command.mode;
        if (command.dryRun)
            inputs['dry-run'] = 'true';
        plan = (0,src_plan.buildPlan)(inputs, process.env);
        // Checked before anything is minted: a path typo must not strand a fresh token.
        if (tokenFile)
            (0,files/* checkWritableFile */.N)('token-file', tokenFile);
        if (plan.reportFile)
            (0,files/* checkWritableFile */.N)('report-file', plan.reportFile);
    }
    catch (err) {
        stderr(`error: ${err instanceof errors/* ConfigError */.xL ? cliMessage(err) : (0,errors/* errorMessage */.gJ)(err)}`);
        return err instanceof errors/* ConfigError */.xL ? 2 : 1;
    }
    // The engine (undici, the lifecycle) loads only for a run: --help and bad input never parse it.
    const { cancelOnSignals, runPlan } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(283)]).then(__webpack_require__.bind(__webpack_require__, 5283));
    const controller = cancelOnSignals(log);
    const report = await runPlan(plan, {
        log,
        signal: controller.signal,
        onMinted: (token) => {
            // 0600 even over an existing file; a symlink at the path is replaced, never followed.
            if (tokenFile)
                (0,files/* writeFilePrivately */.s)(tokenFile, token.secret, 0o600);
        },
    });
    const out = write(process.stdout);
    if (opts.json)
        out(JSON.stringify(report, null, 2));
    else
        for (const line of (0,src_report/* summaryText */.g5)(report))
            out((0,sanitize/* sanitize */.aj)(line));
    if (plan.reportFile) {
        try {
            (0,files/* writeFilePrivately */.s)(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644);
        }
        catch (err) {
            log.warning(`report-file: could not write ${plan.reportFile}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return (0,src_report/* exitCode */.I$)(report);
}
function buildProgram(onExit) {
    const program = new esm/* Command */.uB('token-action')
        .description('Mint or rotate a scoped access token and write it into GitHub, CircleCI and GitLab secrets.')
        .version(package_namespaceObject.rE, '-V, --version', 'print the version (the npm package version)')
        // An unknown flag prints commander's error and its "Did you mean" line, then one hint - not 50 lines of help.
        .showHelpAfterError('(run token-action <command> --help for every flag)')
        .addHelpText('after', EXAMPLES);
    for (const command of COMMANDS) {
        const cmd = program.command(command.name).description(command.summary).addHelpText('after', EXAMPLES);
        for (const name of src_plan.INPUT_NAMES) {
            if (name === 'dry-run' && command.dryRun)
                continue;
            if (name === 'mode') {
                // plan: the mode to plan. Other commands are the mode: the flag is only read to catch a contradiction.
                const mode = command.dryRun ? new esm/* Option */.c$('--mode <mode>', `the mode to plan: ${src_plan.MODES.join(', ')} (default: rotate, or distribute for issuers that cannot mint)`) : new esm/* Option */.c$('--mode <mode>').hideHelp();
                cmd.addOption(mode.env(cli_envName(name)));
                continue;
            }
            // Yes/no inputs take an optional value: as plain boolean flags commander would read TOKEN_ACTION_DRY_RUN=false as true.
            const yesNo = YES_NO[name];
            const option = yesNo ? new esm/* Option */.c$(`--${name} [true|false]`, yesNo) : new esm/* Option */.c$(`--${name} <value>`, MULTI_LINE.includes(name) ? 'repeatable; one per line' : '');
            if (MULTI_LINE.includes(name))
                option.argParser((value, previous) => (previous ? `${previous}\n${value}` : value));
            // Still parsed (so a secret given as a flag is refused by name), never advertised.
            if (SECRET_INPUTS.includes(name))
                option.hideHelp();
            cmd.addOption(option.env(cli_envName(name)));
        }
        cmd.option('--json', 'print the JSON report instead of the summary');
        cmd.option('--token-file <path>', 'write the minted token to this file (mode 0600); it is never printed');
        addSecretFileOptions(cmd);
        cmd.action(async (opts, self) => onExit(await execute(command, opts, self)));
    }
    // Usage errors are bad input: exit 2, like an invalid value.
    program.exitOverride();
    for (const cmd of program.commands)
        cmd.exitOverride();
    return program;
}
async function main(argv) {
    const program = buildProgram((code) => {
        process.exitCode = code;
    });
    try {
        await program.parseAsync(argv);
    }
    catch (err) {
        if (err instanceof esm/* CommanderError */.b7) {
            process.exitCode = err.exitCode === 0 ? 0 : 2;
            return;
        }
        throw err;
    }
}


/***/ }),

/***/ 9148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ checkWritableFile),
/* harmony export */   s: () => (/* binding */ writeFilePrivately)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Files the front ends write: `report-file` (Action and CLI) and the CLI's `--token-file`. Both are
 * checked before anything is minted (so a typo in a path cannot strand a fresh token), and written
 * through a temporary file in the same directory, created 0600 and renamed into place: an existing
 * file of looser mode is replaced, and a symlink at the path is replaced, never followed.
 */




/** The file can be (re)written: its directory exists and is writable, and the path is not a directory. */
function checkWritableFile(input, path) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(full);
    let dirStat;
    try {
        dirStat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: the directory ${dir} does not exist`);
    }
    if (!dirStat.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: ${dir} is not a directory`);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(dir, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: the directory ${dir} is not writable`);
    }
    let existing;
    try {
        existing = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(full);
    }
    catch {
        return; // does not exist yet: fine
    }
    if (existing.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: it is a directory`);
}
/** Writes `data` to `path` with `mode` (default 0600) via a same-directory temporary file and a rename. */
function writeFilePrivately(path, data, mode = 0o600) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path);
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(full), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(full)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    // O_EXCL: the temporary name is fresh, so nothing (no planted symlink) is followed when creating it.
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(tmp, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW ?? 0), mode);
    try {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fchmodSync)(fd, mode); // exactly this mode, whatever the umask
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        // rename replaces the directory entry itself: an existing file keeps nothing of its mode, a symlink is not followed.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, full);
    }
    catch (err) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(tmp);
        }
        catch {
            // already gone
        }
        throw err;
    }
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   uT: () => (/* binding */ reportOutput)
/* harmony export */ });
/* unused harmony export OUTPUT_REPORT_MAX_CHARS */
/** 1 when the run failed; bad input (2) never gets as far as a report. */
function exitCode(report) {
    return report.outcome === 'failed' ? 1 : 0;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
const ICON = {
    created: '✅ created',
    updated: '✅ updated',
    unknown: '❓ unknown',
    failed: '❌ failed',
    'would create': '📝 would create',
    'would update': '📝 would update',
    'not written': '⏭️ not written',
};
function summaryMarkdown(r) {
    const out = [`### token-action: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.token)
        out.push(`${r.token.name ? `Token \`${r.token.name}\` (id \`${r.token.id}\`)` : 'The given token'}${r.token.verifiedAs ? `, verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? `, expires ${r.token.expiresAt}` : ''}, from ${r.issuer}${r.token.fingerprint ? `; fingerprint \`${r.token.fingerprint}\`` : ''}.`, '');
    if (r.origin)
        out.push(`Run: ${Object.entries(r.origin).map(([k, v]) => `${k} ${escapeCell(v)}`).join(', ')}`, '');
    if (r.error)
        out.push(`**Error:** ${escapeCell(r.error)}`, '');
    if (r.destinations.length) {
        out.push('| destination | secret | result | detail |', '|---|---|---|---|');
        for (const d of r.destinations) {
            const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
            out.push(`| \`${escapeCell(d.id)}\` | \`${d.name}\` | ${ICON[d.status]} | ${escapeCell(detail)} |`);
        }
        out.push('');
    }
    if (r.revokedIds.length)
        out.push(`Revoked previous tokens: ${r.revokedIds.map((i) => `\`${i}\``).join(', ')}`, '');
    if (r.keptIds.length)
        out.push(`Still valid (not revoked): ${r.keptIds.map((i) => `\`${i}\``).join(', ')}`, '');
    if (r.mayExist?.length)
        out.push(`May exist (a mint's answer was lost; check and revoke): ${r.mayExist.map((n) => `\`${n}\``).join(', ')}`, '');
    if (r.audit)
        out.push(...auditMarkdown(r.audit));
    for (const n of r.notes)
        out.push(`> ${n}`, '');
    return out.join('\n');
}
function auditMarkdown(a) {
    const out = [`**Rotation set:** ${a.tokens.length} valid token(s), ${a.findings.length} finding(s).`, ''];
    if (a.tokens.length) {
        out.push('| token | id | age | expires | last used | created by |', '|---|---|---|---|---|---|');
        for (const t of a.tokens)
            out.push(`| \`${escapeCell(t.name)}\`${t.newest ? ' (newest)' : ''} | \`${escapeCell(t.id)}\` | ${t.ageDays} d | ${t.expiresAt ?? 'never'} | ${t.lastUsedAt ?? '-'} | ${escapeCell(t.createdBy ?? '-')} |`);
        out.push('');
    }
    for (const f of a.findings)
        out.push(`- **${f.kind}** \`${escapeCell(f.name)}\`: ${escapeCell(f.detail)}`);
    if (a.findings.length)
        out.push('');
    return out;
}
function summaryText(r) {
    const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`];
    if (r.token)
        lines.push(`  token ${r.token.name ? `${r.token.name} (id ${r.token.id})` : '(given)'}${r.token.verifiedAs ? ` verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? ` expires ${r.token.expiresAt}` : ''}`);
    if (r.error)
        lines.push(`  error: ${r.error}`);
    for (const d of r.destinations) {
        const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
        lines.push(`  ${d.status.padEnd(12)} ${d.id} (${d.name})${detail ? `: ${detail}` : ''}`);
    }
    if (r.revokedIds.length)
        lines.push(`  revoked: ${r.revokedIds.join(', ')}`);
    if (r.keptIds.length)
        lines.push(`  still valid: ${r.keptIds.join(', ')}`);
    if (r.mayExist?.length)
        lines.push(`  may exist (check and revoke): ${r.mayExist.join(', ')}`);
    for (const t of r.audit?.tokens ?? [])
        lines.push(`  token ${t.name} (id ${t.id})${t.newest ? ' newest' : ''}: ${t.ageDays} days old, expires ${t.expiresAt ?? 'never'}, last used ${t.lastUsedAt ?? '-'}`);
    for (const f of r.audit?.findings ?? [])
        lines.push(`  finding ${f.kind}: ${f.name}: ${f.detail}`);
    for (const n of r.notes)
        lines.push(`  note: ${n}`);
    return lines;
}
/** Step outputs share a 1 MB limit per job; keep well under it. */
const OUTPUT_REPORT_MAX_CHARS = 512 * 1024;
/**
 * The report as the `report` output: whole when it fits, else with only the destinations that did
 * not succeed, their count, and where the whole report is (report-file).
 */
function reportOutput(r, reportFile) {
    const whole = JSON.stringify(r);
    if (whole.length <= OUTPUT_REPORT_MAX_CHARS)
        return whole;
    const notOk = r.destinations.filter((d) => d.status !== 'created' && d.status !== 'updated');
    const note = `report output truncated: ${r.destinations.length - notOk.length} of ${r.destinations.length} destinations succeeded and are omitted here${reportFile ? `; the whole report is in ${reportFile}` : '; set report-file for the whole report'}`;
    return JSON.stringify({ ...r, destinations: notOk.slice(0, 2000), notes: [...r.notes, note] });
}


/***/ })

};
