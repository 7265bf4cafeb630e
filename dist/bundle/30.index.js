export const id = 30;
export const ids = [30,740,359];
export const modules = {

/***/ 5030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildProgram: () => (/* binding */ buildProgram),
  cliMessage: () => (/* binding */ cliMessage),
  main: () => (/* binding */ main),
  revokeOutcome: () => (/* binding */ revokeOutcome),
  unknownEnvWarnings: () => (/* binding */ unknownEnvWarnings),
  usageError: () => (/* binding */ usageError)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/plan/inputs.ts
var plan_inputs = __webpack_require__(1846);
;// CONCATENATED MODULE: ./src/front/cli-secrets.ts
/**
 * CLI secrets come from the environment (`TOKEN_ACTION_*`) or from files, never from argv: the
 * command line of every process is readable by every user of the machine (`ps`,
 * `/proc/PID/cmdline`), and CI systems echo it. A secret given as a flag is refused (exit 2) with
 * the variable to use instead; `--NAME-file PATH` reads it from a file.
 */




/** Inputs that hold a secret: never accepted as a flag value. */
const SECRET_INPUTS = (0,plan_inputs/* inputsWhere */.tz)('secret');
/** `--NAME-file` alternatives (`--token-file` is taken: it is where a minted token is written). */
const SECRET_FILE_INPUTS = (0,plan_inputs/* inputsWhere */.tz)('file');
const MAX_SECRET_FILE_BYTES = 64 * 1024;
function envName(input) {
    return `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`;
}
function camel(flag) {
    return flag.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
}
/** Adds the `--NAME-file` options, under `heading` in the help; all are read, those `listed` are shown. */
function addSecretFileOptions(cmd, heading, listed) {
    for (const name of SECRET_FILE_INPUTS)
        cmd.addOption(new esm/* Option */.c$(`--${name}-file <path>`, `read ${name} from this file (or set ${envName(name)})`)
            .helpGroup(heading)
            .hideHelp(!listed(name)));
}
/** A secret passed as a flag is refused, naming the variable (and file flag) to use instead. Only the flag's name is shown, never its value. */
function refuseSecretFlags(cmd) {
    for (const name of SECRET_INPUTS) {
        if (cmd.getOptionValueSource(camel(name)) !== 'cli')
            continue;
        const file = SECRET_FILE_INPUTS.includes(name) ? ` or --${name}-file PATH` : '';
        // Named by the flag typed, not the input: the input's usual CLI form is its variable.
        throw new errors/* ConfigError */.xL(`--${name}`, `a secret is never a command-line flag: other users of the machine can read a command line (ps, /proc/PID/cmdline) and CI logs echo it; set ${envName(name)}${file} instead`);
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

;// CONCATENATED MODULE: ./src/front/cli-help.ts


const COMMANDS = [
    {
        name: 'rotate',
        mode: 'rotate',
        summary: 'mint a token, write it everywhere, then revoke the tokens it replaces',
        own: ['rotate-if-older-than', 'rotate-before-expiry', 'revoke-first'],
    },
    { name: 'create', mode: 'create', summary: 'mint a token and write it everywhere; revoke nothing', own: [] },
    {
        name: 'distribute',
        mode: 'distribute',
        summary: 'verify a given token (TOKEN_ACTION_TOKEN) and write it everywhere (rwx, hawzu, static)',
        own: ['shard'],
    },
    {
        name: 'ephemeral',
        mode: 'ephemeral',
        summary: 'mint a token for one command: `ephemeral [flags] -- CMD ARGS` runs CMD with it as $SECRET_NAME, then revokes it',
        own: [],
    },
    {
        name: 'plan',
        dryRun: true,
        summary: 'dry run: preflight and due check; say what would be created or updated',
        own: ['mode'],
    },
    {
        name: 'audit',
        mode: 'audit',
        summary: 'review the rotation set: age, expiry, last use, and findings (--fail-on-findings exits 1)',
        own: ['fail-on-findings'],
        shared: [
            'issuer',
            'issuer-url',
            'issuer-token',
            'token-name',
            'secret-name',
            'rotate-if-older-than',
            'rotate-before-expiry',
            'report-file',
        ],
    },
    {
        name: 'revoke',
        mode: 'audit',
        revoke: true,
        summary: 'revoke tokens of the rotation set by id (--token-id, repeatable; --force for ids outside the set)',
        own: [],
        shared: ['issuer', 'issuer-url', 'issuer-token', 'token-name', 'secret-name'],
    },
];
/** Shared inputs by what they configure, in the order a reader looks for them. */
const GROUPS = [
    { heading: 'Issuer', inputs: ['issuer', 'issuer-url'] },
    {
        heading: 'Token',
        inputs: ['token-name', 'token-role', 'token-permissions', 'token-projects', 'token-expires-in', 'secret-name'],
    },
    {
        heading: 'Rotation',
        inputs: ['rotate-if-older-than', 'rotate-before-expiry', 'revoke-first', 'fail-on-findings', 'mode'],
    },
    { heading: 'Destinations', inputs: ['destinations', 'shard', 'concurrency'] },
    { heading: 'GitHub', inputs: ['github-api-url', 'github-app-id'] },
    { heading: 'CircleCI', inputs: ['circleci-url'] },
    { heading: 'GitLab', inputs: ['gitlab-url'] },
    { heading: 'Output', inputs: ['dry-run', 'report-file'] },
];
/** Whether `command`'s help lists the input (it is read either way). */
function listedIn(command, input) {
    return !command.shared || command.own.includes(input) || command.shared.includes(input);
}
/** The help heading of an input's flag in `command`'s help: its own flags first, then the groups. */
function helpGroup(command, input) {
    if (command.own.includes(input))
        return `Options of ${command.name}:`;
    const group = GROUPS.find((g) => g.inputs.includes(input));
    return `${group?.heading ?? 'Other'} options:`;
}
/** Heading for the CLI-only flags (--json, --token-file, --NAME-file): output, or the command's own. */
const OUTPUT_GROUP = 'Output options:';
/** Examples per command, as a user types them; each runs against the emulators in the tests. */
const EXAMPLES = {
    distribute: `  # Seed an RWX token into a CircleCI context and a GitLab group (credentials from CIRCLE_TOKEN / GITLAB_TOKEN)
  TOKEN_ACTION_TOKEN="$NEW_RWX_ACCESS_TOKEN" token-action distribute --issuer rwx \\
    --destinations circleci:context/gh/acme/rwx --destinations gitlab:group/acme`,
    rotate: `  # Rotate a Rack Gateway token when it is older than 6 months
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action rotate --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --rotate-if-older-than 6mo --destinations gitlab:project/acme/api --report-file report.json`,
    create: `  # Mint a token and write it; nothing is revoked
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action create --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --destinations gitlab:project/acme/api`,
    plan: `  # What a rotation would do, changing nothing
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action plan --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-role cicd \\
    --destinations gitlab:project/acme/api`,
    audit: `  # Review a rotation set; exit 1 when something deserves a look (an empty set too: a typo in --token-name)
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action audit --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --fail-on-findings`,
    ephemeral: `  # A token that lives exactly as long as one command
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action ephemeral --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-role deployer --token-name ci-deploy \\
    -- sh -c 'test -n "$RACK_GATEWAY_API_TOKEN" && echo deployed'`,
    revoke: `  # Revoke one token of a rotation set by id (the audit lists the ids)
  TOKEN_ACTION_ISSUER_TOKEN="$RACK_GATEWAY_ADMIN_TOKEN" token-action revoke --issuer rack-gateway \\
    --issuer-url https://gateway.example.com --token-name ci-api --token-id "$TOKEN_ID"`,
};
/** The example of one command (every command has one). */
function exampleOf(command) {
    return EXAMPLES[command];
}
/** Where `command`'s secrets go: never flags (a command line is visible to every user of the machine). */
function secretsText(command) {
    return `Secrets are never flags (a command line is visible to every user): set them in the environment
or use the --NAME-file PATH flags:
${SECRET_INPUTS.filter((name) => listedIn(command, name))
        .map((name) => `  ${envName(name)}${SECRET_FILE_INPUTS.includes(name) ? ` (or --${name}-file PATH)` : ''}\n      ${(0,plan_inputs/* describeInput */.eG)(name)}`)
        .join('\n')}`;
}
const EXIT_CODES = 'Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.';
/** What follows a command's flags: its example, where secrets go, exit codes. */
function commandHelpAfter(command) {
    return `
Example:
${exampleOf(command.name)}

Every flag can also be set as TOKEN_ACTION_<NAME> (e.g. TOKEN_ACTION_DESTINATIONS, one per line).
${secretsText(command)}
${EXIT_CODES}`;
}
/** The flags most runs need, with a short gist each (the full words are in each command's help). */
const MOST_USED = [
    ['--issuer <kind>', 'rack-gateway, http, rwx, hawzu or static'],
    ['--issuer-url <url>', 'the issuer; https only, loopback excepted'],
    ['--token-name <name>', 'the rotation set (required outside CI for rotate, audit, revoke)'],
    ['--token-role <role>', 'e.g. cicd (Rack Gateway), or --token-permissions'],
    ['--destinations <dest>', 'repeatable: github:repo/O/R, circleci:context/gh/ORG/CTX, gitlab:group/PATH, ...'],
    ['--rotate-if-older-than <d>', 'rotate only when due, e.g. 90d, 6mo (durations: min h d w mo y)'],
    ['--report-file <path>', 'the JSON report; --json prints it instead of the summary'],
];
/** `token-action --help`: one screen. */
function rootHelp(program) {
    const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
    const flagWidth = Math.max(...MOST_USED.map(([f]) => f.length)) + 2;
    return `Usage: token-action <command> [flags]

${program.description()}

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}
  ${'help'.padEnd(width)}help COMMAND (or COMMAND --help): every flag of a command

Most used flags:
${MOST_USED.map(([flag, gist]) => `  ${flag.padEnd(flagWidth)}${gist}`).join('\n')}

Credentials come from the environment, never from flags: TOKEN_ACTION_ISSUER_TOKEN,
TOKEN_ACTION_TOKEN, GITHUB_TOKEN, CIRCLE_TOKEN, GITLAB_TOKEN (or TOKEN_ACTION_<NAME>), or
--NAME-file PATH. Every flag is also a TOKEN_ACTION_<NAME> variable.

Example:
${exampleOf('plan')}

  -V, --version  print the version        -h, --help  this help
${EXIT_CODES}
`;
}

// EXTERNAL MODULE: ./src/shared/files.ts
var files = __webpack_require__(8590);
// EXTERNAL MODULE: ./src/issuers/kinds.ts
var kinds = __webpack_require__(6471);
// EXTERNAL MODULE: ./src/issuers/check.ts
var check = __webpack_require__(5740);
// EXTERNAL MODULE: ./src/plan/plan.ts + 4 modules
var plan_plan = __webpack_require__(246);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(8850);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
;// CONCATENATED MODULE: ./src/front/ephemeral.ts
/**
 * `token-action ephemeral [flags] -- CMD ARGS...`: mints a token, runs CMD with it (and only it) in
 * `$SECRET_NAME`, and revokes the token however CMD ends, as `aws-vault exec` and `op run` do.
 *
 * From before the mint until the revoke is done, SIGINT, SIGTERM and SIGHUP are handled here: a signal
 * before CMD starts cancels the run and CMD never starts; a signal while CMD runs is passed on to it
 * once, and CMD is killed if it has not ended `graceMs` later; any further signal is absorbed, so the
 * revoke always runs (only SIGKILL can stop it - which is why an ephemeral token's default expiry is
 * short: 1 h where the issuer has expiry).
 */






const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Seconds CMD has to end after a signal was passed on, unless `--grace` says otherwise. */
const DEFAULT_GRACE_SECONDS = 10;
const ephemeral_envName = (input) => `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`;
/**
 * Every variable that may hold one of token-action's own credentials: each secret input of the inputs
 * table as TOKEN_ACTION_*, its `--NAME-file` path variable, and the CI systems' fallbacks
 * (GITHUB_TOKEN, CIRCLE_TOKEN, GITLAB_TOKEN, ...). Derived from the table, so a new secret input is
 * covered the day it is added.
 */
function credentialVariables() {
    return (0,plan_inputs/* inputsWhere */.tz)('secret').flatMap((name) => [ephemeral_envName(name), `${ephemeral_envName(name)}_FILE`, ...(0,plan_inputs/* envFallbacks */.t5)(name)]);
}
/**
 * CMD's environment: token-action's own, without any credential or TOKEN_ACTION_* input (`keep` passes
 * named ones on deliberately), plus the token as `name`.
 */
function childEnv(env, name, secret, keep) {
    const drop = new Set([...credentialVariables(), ...plan_inputs/* INPUT_NAMES */.Qh.map(ephemeral_envName)]);
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (!drop.has(k) || keep.includes(k))
            out[k] = v;
    out[name] = secret;
    return out;
}
/** `::add-mask::` as @actions/core writes it: the value's `%`, CR and LF escaped so it stays one command. */
function addMaskCommand(value) {
    return `::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
}
const signalNumber = (signal) => external_node_os_.constants.signals[signal] ?? 0;
class EphemeralSession {
    log;
    graceMs;
    terminal;
    /** Aborts the run (the mint and what follows) on the first signal. */
    controller = new AbortController();
    received;
    child;
    killTimer;
    onSignal = (signal) => this.receive(signal);
    constructor(log, graceMs, 
    /**
     * A terminal sends Ctrl-C (SIGINT) and a hang-up (SIGHUP) to the whole foreground process group,
     * CMD included: with a terminal, CMD stays in our group and those are not passed on again. Without
     * one, CMD gets a group of its own and every signal reaches it once, through us.
     */
    terminal = Boolean(process.stdin.isTTY)) {
        this.log = log;
        this.graceMs = graceMs;
        this.terminal = terminal;
        for (const s of SIGNALS)
            process.on(s, this.onSignal);
    }
    /** Handles one signal: the first cancels the run (or is passed on to CMD); later ones never stop the revoke. */
    receive(signal) {
        const first = !this.received;
        this.received ??= signal;
        if (first)
            this.controller.abort(new Error(`cancelled by ${signal}`));
        const running = this.child && this.child.exitCode === null && this.child.signalCode === null;
        if (!running) {
            this.log.warning(first
                ? `${signal} received: the command is not started; the token is revoked`
                : `${signal} received again: revoking the token first`);
            return;
        }
        const fromTerminal = this.terminal && signal !== 'SIGTERM';
        this.log.warning(`${signal} received: ${fromTerminal ? 'the command got it from the terminal too' : 'passing it on to the command'} (killed if it has not ended in ${this.graceMs / 1000} s)`);
        if (!fromTerminal)
            this.signalChild(signal);
        this.killTimer ??= setTimeout(() => {
            this.log.warning(`the command did not end within ${this.graceMs / 1000} s of ${this.received}: killing it`);
            this.signalChild('SIGKILL');
        }, this.graceMs);
    }
    signalChild(signal) {
        const child = this.child;
        if (!child?.pid)
            return;
        try {
            // Detached, CMD leads its own process group: its own children are signalled with it.
            if (this.terminal)
                child.kill(signal);
            else
                process.kill(-child.pid, signal);
        }
        catch {
            // Already gone: nothing to signal.
        }
    }
    /** Runs CMD with `env`; its exit code, or 128 + the signal that ended it (or that stopped us before it started). */
    run(command, env) {
        if (this.received)
            return Promise.resolve(128 + signalNumber(this.received));
        return new Promise((resolve) => {
            const child = (0,external_node_child_process_.spawn)(command[0], command.slice(1), { stdio: 'inherit', env, detached: !this.terminal });
            this.child = child;
            const done = (code) => {
                clearTimeout(this.killTimer);
                resolve(code);
            };
            child.on('error', (err) => {
                this.log.error(`could not run ${command[0]}: ${err.message}`);
                done(127);
            });
            child.on('exit', (code, signal) => done(code ?? 128 + (signal ? signalNumber(signal) : 0)));
        });
    }
    /** Stops handling signals: only once the token is revoked (or could not be). */
    dispose() {
        clearTimeout(this.killTimer);
        for (const s of SIGNALS)
            process.off(s, this.onSignal);
    }
}
/** After the mint: runs CMD with the token unless the run failed or was stopped, then revokes the token. */
async function finishEphemeral(r) {
    const { session, plan, report, minted, log } = r;
    try {
        for (const line of (0,report_report/* summaryText */.g5)(report))
            log.info((0,sanitize/* sanitize */.aj)(line));
        if (!minted)
            return 1;
        const code = report.outcome === 'failed'
            ? 1
            : await session.run(r.command, childEnv(process.env, plan.secretName, minted.secret, r.keepEnv));
        if (report.newTokenRevoked)
            return code;
        try {
            const result = await r.revoke(minted.id);
            log.info(`${result === 'revoked' ? 'revoked' : 'already gone:'} ephemeral token ${minted.name} (id ${minted.id})`);
            return code;
        }
        catch (err) {
            log.error(`could not revoke ephemeral token ${minted.name} (id ${minted.id}): ${(0,errors/* errorMessage */.gJ)(err)}; revoke it by hand`);
            return code || 1;
        }
    }
    finally {
        session.dispose();
    }
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/front/cli.ts
/**
 * The CLI front end (`token-action`, dist/cli.js) for CircleCI, GitLab and any shell: the same inputs
 * as the Action, as `--kebab-name` flags or `TOKEN_ACTION_UPPER_SNAKE` variables. It never prints a
 * token: CircleCI and GitLab only mask values they already know, so masking cannot be relied on.
 * Exit codes: 0 success, 1 a destination or the run failed, 2 bad input.
 */












// Bundled into dist at build time: `--version` needs no package.json next to the bundle.

const write = (stream) => (line) => stream.write(`${line}\n`);
const stderr = write(process.stderr);
const log = {
    info: stderr,
    warning: (l) => stderr(`warning: ${l}`),
    error: (l) => stderr(`error: ${l}`),
};
/** Flags that may be repeated; their values are joined one per line. */
const MULTI_LINE = (0,plan_inputs/* inputsWhere */.tz)('repeatable');
/** Inputs that are yes/no: a bare flag means true. */
const YES_NO = (0,plan_inputs/* inputsWhere */.tz)('yesNo');
const HYPHENATED_INPUTS = new RegExp(`(?<![\\w-])(${plan_plan.INPUT_NAMES.filter((n) => n.includes('-')).join('|')})(?![\\w-])`, 'g');
/** How the CLI user gives an input: a flag, or for a secret (refused as a flag) its variable. */
function cliForm(name) {
    return SECRET_INPUTS.includes(name) ? envName(name) : `--${name}`;
}
/**
 * Plan errors speak in action inputs (`issuer: is required`, `use mode distribute`); from the CLI they
 * name the flag (a secret: its variable, as its flag is refused), its variable and the command
 * instead. Quoted values are left as they are. `command` is the one typed: `revoke` runs in audit
 * mode, and its errors must name `revoke`.
 */
function cliMessage(err, command) {
    const input = err.input;
    if (!plan_plan.INPUT_NAMES.includes(input))
        return err.message;
    const rule = err.message.slice(input.length + 2);
    const named = (mode) => (command?.mode === mode ? command.name : mode);
    const text = rule
        .replace(/\bmode (\w+) is impossible/g, (_m, mode) => `\`token-action ${named(mode)}\` is impossible`)
        .replace(/\b(use it with|use) mode (\w+)/g, (_m, use, mode) => `${use} \`token-action ${named(mode)}\``)
        .replace(/\bin (\w+) mode\b/g, (_m, mode) => `with \`token-action ${named(mode)}\``)
        .replace(/\(mode is (\w+)\)/g, (_m, mode) => `(the command is ${named(mode)})`)
        .replace(/pass it as `token`/g, `set ${envName('token')}`)
        .replace(/`([a-z-]+)`/g, (m, name) => plan_plan.INPUT_NAMES.includes(name) ? cliForm(name) : m)
        .split(/("[^"]*")/)
        .map((part, i) => (i % 2 ? part : part.replace(HYPHENATED_INPUTS, (name) => cliForm(name))))
        .join('');
    // Outside `plan` the mode is the command, so its errors name the command, not a flag.
    if (input === 'mode' && !/is not a mode/.test(text))
        return text;
    if (SECRET_INPUTS.includes(input)) {
        const file = SECRET_FILE_INPUTS.includes(input) ? ` (or --${input}-file PATH)` : '';
        return /^is\b/.test(text) ? `${envName(input)}${file} ${text}` : `${envName(input)}: ${text}`;
    }
    return /^is\b/.test(text) ? `--${input} (or ${envName(input)}) ${text}` : `--${input}: ${text}`;
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
    const known = plan_plan.INPUT_NAMES.map(envName);
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
    for (const name of plan_plan.INPUT_NAMES) {
        const key = name.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
        const value = opts[key];
        // Empty counts as unset, as in the Action: an orb exporting TOKEN_ACTION_CIRCLECI_TOKEN="${CIRCLE_TOKEN:-}" must not hide CIRCLECI_TOKEN.
        if (typeof value === 'string' && value !== '')
            inputs[name] = value;
        else if (value === true)
            inputs[name] = 'true';
        // An App id means the App authenticates: an ambient GITHUB_TOKEN is not a second, conflicting credential.
        else if (!(name === 'github-token' && opts.githubAppId))
            for (const fallback of (0,plan_inputs/* envFallbacks */.t5)(name))
                inputs[name] ??= env[fallback];
    }
    return inputs;
}
/**
 * A run that cannot start: the message on stderr, and with --json also a JSON object on stdout
 * (`{"error": {"message", "input"?, "exitCode"}}`), so a script reading stdout never gets plain text.
 */
function refuse(json, exit, message, input) {
    stderr(`error: ${message}`);
    if (json)
        jsonError(exit, message, input);
    return exit;
}
function jsonError(exit, message, input) {
    write(process.stdout)(JSON.stringify({ error: { message, ...(input ? { input } : {}), exitCode: exit } }));
}
async function execute(command, opts, cmd, run = []) {
    const json = opts.json === true;
    for (const warning of unknownEnvWarnings(process.env))
        log.warning(warning);
    const tokenFile = typeof opts.tokenFile === 'string' ? opts.tokenFile : undefined;
    let plan;
    let grace = DEFAULT_GRACE_SECONDS;
    try {
        if (typeof opts.grace === 'string') {
            if (!/^\d{1,4}$/.test(opts.grace) || Number(opts.grace) > 3600)
                throw new errors/* ConfigError */.xL('--grace', `"${opts.grace}" is not a number of seconds from 0 to 3600`);
            grace = Number(opts.grace);
        }
        refuseSecretFlags(cmd);
        const inputs = readInputs(opts, process.env);
        readSecretFiles(opts, inputs);
        // The command is the mode; only `plan` takes --mode / TOKEN_ACTION_MODE (the mode to plan). Elsewhere
        // they may repeat the command (a shared env file) but never contradict it.
        if (command.mode && inputs.mode && inputs.mode !== command.mode)
            return refuse(json, 2, `--mode (or TOKEN_ACTION_MODE) is ${inputs.mode}, but the command is \`token-action ${command.name}\`: the command chooses the mode; drop --mode / unset TOKEN_ACTION_MODE, or run \`token-action ${inputs.mode}\``, 'mode');
        if (command.mode)
            inputs.mode = command.mode;
        if (command.dryRun)
            inputs['dry-run'] = 'true';
        plan = (0,plan_plan.buildPlan)(inputs, process.env);
        // Checked before anything is minted: a path typo must not strand a fresh token.
        if (tokenFile)
            (0,files/* checkWritableFile */.N)('token-file', tokenFile);
        if (tokenFile && plan.tokenPer === 'line')
            throw new errors/* ConfigError */.xL('token-file', 'holds one token, and token-per: line mints one per destination line: drop one of them');
        if (plan.reportFile)
            (0,files/* checkWritableFile */.N)('report-file', plan.reportFile);
        // Nothing would revoke it: a token that never expires must not outlive a command that was never run.
        if (command.mode === 'ephemeral' && !run.length && !kinds/* ISSUER_KINDS */.o2[plan.issuer.kind].can.expiry) {
            throw new errors/* ConfigError */.xL('ephemeral', `issuer ${plan.issuer.kind} tokens never expire: pass the command to run after -- so the token is revoked when it ends`);
        }
        if (command.mode === 'ephemeral' && !run.length && !tokenFile)
            throw new errors/* ConfigError */.xL('ephemeral', 'needs a command to run with the token (`token-action ephemeral [flags] -- CMD ARGS`) or --token-file');
    }
    catch (err) {
        if (err instanceof errors/* ConfigError */.xL)
            return refuse(json, 2, cliMessage(err, command), err.input);
        return refuse(json, 1, (0,errors/* errorMessage */.gJ)(err));
    }
    if (command.revoke)
        return revokeCommand(plan, opts, json);
    // The engine (undici, the lifecycle) loads only for a run: --help and bad input never parse it.
    const [{ cancelOnSignals, runPlan }, { revokeToken }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(763), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 9411)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(763), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 2138)),
    ]);
    // With a command, signals are handled from before the mint until the token is revoked.
    const session = run.length ? new EphemeralSession(log, grace * 1000) : undefined;
    const controller = session?.controller ?? cancelOnSignals(log);
    let minted;
    const report = await runPlan(plan, {
        log,
        signal: controller.signal,
        // In a GitHub Actions step the runner masks what it is told to, before any other line shows it.
        mask: process.env.GITHUB_ACTIONS === 'true' ? (value) => write(process.stdout)(addMaskCommand(value)) : undefined,
        onMinted: (token) => {
            minted = token;
            // 0600 even over an existing file; a symlink at the path is replaced, never followed.
            if (tokenFile)
                (0,files/* writeFilePrivately */.s)(tokenFile, token.secret, 0o600);
        },
    });
    if (session)
        return finishEphemeral({
            session,
            plan,
            report,
            minted,
            command: run,
            keepEnv: Array.isArray(opts.keepEnv) ? opts.keepEnv : [],
            log,
            revoke: (id) => revokeToken(plan, id, { log }),
        });
    const out = write(process.stdout);
    if (opts.json)
        out(JSON.stringify(report, null, 2));
    else
        for (const line of (0,report_report/* summaryText */.g5)(report))
            out((0,sanitize/* sanitize */.aj)(line));
    if (plan.reportFile) {
        try {
            (0,files/* writeFilePrivately */.s)(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644);
        }
        catch (err) {
            log.warning(`report-file: could not write ${plan.reportFile}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return (0,report_report/* exitCode */.I$)(report);
}
/**
 * The revoke command's answer: stdout lines, errors and the exit code. Revoking what is
 * already gone is done, not an error (exit 0), so a re-run after a lost answer is safe; a live token
 * of another set is refused (exit 2) unless --force.
 */
function revokeOutcome(result, set, force) {
    const gone = result.notFound.map((id) => `${id}: not found at the issuer - already revoked, or never made; nothing to revoke`);
    if (result.outside.length && !force)
        return {
            out: [],
            err: [
                `--token-id ${result.outside.join(', ')}: another rotation set's live token, not one of ${set}; nothing was revoked (check --token-name and the id; --force revokes an id outside the set)`,
            ],
            code: 2,
        };
    return {
        out: [...result.revoked.map((id) => `revoked ${id}`), ...gone],
        err: result.failed.map((id) => `${id}: not revoked (see above)`),
        code: result.failed.length ? 1 : 0,
    };
}
async function revokeCommand(plan, opts, json) {
    const ids = Array.isArray(opts.tokenId) ? opts.tokenId : [];
    if (!ids.length || ids.some((id) => !id.trim()))
        return refuse(json, 2, '--token-id is required (repeatable, never empty): the id of each token to revoke', 'token-id');
    // Anything unlike an id is a paste error; it must never become part of a request path.
    const bad = ids.filter((id) => !(0,check/* isTokenId */.bI)(id));
    if (bad.length)
        return refuse(json, 2, `--token-id ${bad.map((id) => JSON.stringify(id)).join(', ')}: is not a token id (letters, digits and ._~:- only); nothing was revoked`, 'token-id');
    const { revokeByIds } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(763), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 2138));
    let result;
    try {
        result = await revokeByIds(plan, ids, opts.force === true, { log });
    }
    catch (err) {
        return refuse(json, 1, (0,errors/* errorMessage */.gJ)(err));
    }
    const { out, err, code } = revokeOutcome(result, plan.spec.namePrefix, opts.force === true);
    if (code === 2)
        return refuse(json, 2, err.join('; '), 'token-id');
    for (const line of out)
        write(process.stdout)(line);
    for (const line of err)
        log.error(line);
    return code;
}
function buildProgram(onExit) {
    const program = new esm/* Command */.uB('token-action')
        .description('Mint or rotate a scoped access token and write it into GitHub, CircleCI and GitLab secrets.')
        .version(package_namespaceObject.rE, '-V, --version', 'print the version (the npm package version)')
        // An unknown flag prints commander's error and its "Did you mean" line, then one hint - not 50 lines of help.
        .showHelpAfterError('(run token-action <command> --help for every flag)');
    for (const command of COMMANDS) {
        const cmd = program
            .command(command.name)
            .description(command.summary)
            .addHelpText('after', commandHelpAfter(command))
            // Without commander's "(env: TOKEN_ACTION_...)" on every flag: the help says once that every flag has one.
            .configureHelp({ optionDescription: (option) => option.description });
        // Commander lists help groups in the order their first option was added: the command's own go first.
        if (command.revoke) {
            const own = `Options of ${command.name}:`;
            cmd.addOption(new esm/* Option */.c$('--token-id <id>', 'a token to revoke (repeatable)')
                .argParser((value, previous = []) => [...previous, value])
                .helpGroup(own));
            cmd.addOption(new esm/* Option */.c$('--force', 'also revoke ids outside the rotation set').helpGroup(own));
        }
        const tokenFile = new esm/* Option */.c$('--token-file <path>', 'write the minted token to this file (mode 0600); it is never printed')
            .helpGroup(command.mode === 'ephemeral' ? `Options of ${command.name}:` : OUTPUT_GROUP)
            // Nothing minted, nothing to write: audit and revoke still read it, but do not offer it.
            .hideHelp(Boolean(command.shared));
        if (command.mode === 'ephemeral')
            cmd.addOption(tokenFile);
        const ordered = [...command.own, ...plan_plan.INPUT_NAMES.filter((n) => !command.own.includes(n))];
        for (const name of ordered) {
            if (name === 'dry-run' && command.dryRun)
                continue;
            if (name === 'mode') {
                // plan: the mode to plan. Other commands are the mode: the flag is only read to catch a contradiction.
                const mode = command.dryRun
                    ? new esm/* Option */.c$('--mode <mode>', `the mode to plan: ${(0,plan_inputs/* describeInput */.eG)('mode')}`).helpGroup(helpGroup(command, name))
                    : new esm/* Option */.c$('--mode <mode>').hideHelp();
                cmd.addOption(mode.env(envName(name)));
                continue;
            }
            // Yes/no inputs take an optional value: as plain boolean flags commander would read TOKEN_ACTION_DRY_RUN=false as true.
            const description = `${(0,plan_inputs/* describeInput */.eG)(name)}${MULTI_LINE.includes(name) ? ' (repeatable: one value per flag)' : ''}`;
            const option = YES_NO.includes(name)
                ? new esm/* Option */.c$(`--${name} [true|false]`, description)
                : new esm/* Option */.c$(`--${name} <value>`, description);
            if (MULTI_LINE.includes(name))
                option.argParser((value, previous) => (previous ? `${previous}\n${value}` : value));
            // Still parsed (so a secret given as a flag is refused by name), never advertised.
            if (SECRET_INPUTS.includes(name) || !listedIn(command, name))
                option.hideHelp();
            cmd.addOption(option.env(envName(name)).helpGroup(helpGroup(command, name)));
        }
        cmd.addOption(new esm/* Option */.c$('--json', 'print the JSON report instead of the summary').helpGroup(OUTPUT_GROUP));
        cmd.addHelpOption(new esm/* Option */.c$('-h, --help', 'display help for command').helpGroup(OUTPUT_GROUP));
        if (command.mode !== 'ephemeral')
            cmd.addOption(tokenFile);
        addSecretFileOptions(cmd, 'Secret files (instead of the TOKEN_ACTION_* variables):', (name) => listedIn(command, name));
        if (command.mode === 'ephemeral') {
            cmd.option('--keep-env <name>', "pass this variable on to the command although it holds one of token-action's credentials (repeatable)", (value, previous = []) => [...previous, value]);
            cmd.option('--grace <seconds>', `after a signal is passed on, the command has this long to end before it is killed (default ${DEFAULT_GRACE_SECONDS})`);
            cmd.argument('[command...]', 'the command to run with the token in $SECRET_NAME (after --)');
            cmd.action(async (run, opts, self) => onExit(await execute(command, opts, self, run)));
        }
        else
            cmd.action(async (opts, self) => onExit(await execute(command, opts, self)));
    }
    // Set after the commands are made: they keep commander's own layout, the top level gets one screen.
    program.configureHelp({ formatHelp: (cmd) => rootHelp(cmd) });
    // Usage errors are bad input: exit 2, like an invalid value.
    program.exitOverride();
    for (const cmd of program.commands)
        cmd.exitOverride();
    return program;
}
/**
 * Usage mistakes commander would word misleadingly: flags without a command ("unknown option
 * '--issuer'") and `help` of a command that does not exist (the whole help). Undefined when fine.
 */
function usageError(args) {
    const names = COMMANDS.map((c) => c.name);
    const list = `commands: ${names.join(', ')} (token-action --help)`;
    const [first, second] = args;
    if (first?.startsWith('-') && !['-h', '--help', '-V', '--version'].includes(first))
        return `a command is missing: token-action COMMAND [flags]; ${list}`;
    if (first === 'help' && second !== undefined && !names.includes(second))
        return `unknown command '${second}'; ${list}`;
    return undefined;
}
/** `token-action help revoke | head -1`: the reader left early, which is normal; anything else still fails loudly. */
function ignoreClosedPipe(err) {
    if (err.code !== 'EPIPE')
        throw err;
}
async function main(argv) {
    process.stdout.on('error', ignoreClosedPipe);
    process.stderr.on('error', ignoreClosedPipe);
    const args = argv.slice(2);
    const json = args.includes('--json');
    const usage = usageError(args);
    if (usage) {
        process.exitCode = refuse(json, 2, usage);
        return;
    }
    const program = buildProgram((code) => {
        process.exitCode = code;
    });
    try {
        await program.parseAsync(argv);
    }
    catch (err) {
        if (err instanceof esm/* CommanderError */.b7) {
            process.exitCode = err.exitCode === 0 ? 0 : 2;
            // Commander has said what was wrong on stderr; a --json reader gets it as an object too.
            if (err.exitCode !== 0 && json)
                jsonError(2, err.message.replace(/^error: /, ''));
            return;
        }
        throw err;
    }
}


/***/ }),

/***/ 5740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ checkMintedIdentity),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   aZ: () => (/* binding */ checkMintedSecret),
/* harmony export */   bI: () => (/* binding */ isTokenId),
/* harmony export */   bp: () => (/* binding */ untrusted),
/* harmony export */   pt: () => (/* binding */ checkListedToken)
/* harmony export */ });
/* unused harmony export MIN_TOKEN_LENGTH */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/**
 * Shape checks for what issuers answer: the lifecycle decides on these answers (which tokens exist,
 * which to revoke, what to write everywhere), so an answer of another shape is an error, never
 * "no tokens" or an empty secret.
 */

/** Shortest token value we accept from any issuer: real tokens carry far more entropy. */
const MIN_TOKEN_LENGTH = 16;
function untrusted(kind, what) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`issuer ${kind}: ${what}`, kind);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Token ids become URL path segments (revoke), outputs (`token-id`, `revoked-ids`) and report entries
 * that a workflow may pass on: a UUID, `tok_01HZX`, an integer - letters, digits and `._~:-`, at most
 * 200 characters. Anything else is refused before it is used.
 */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}$/;
function isTokenId(id) {
    return TOKEN_ID.test(id);
}
/**
 * The id and name a mint answered. A missing or malformed id is an untrusted answer (the token may
 * exist under the asked name: the caller looks it up). A name other than the one asked for is a token
 * the run did not ask for: MintedTokenRejectedError, so it is revoked by its id and never written.
 */
function checkMintedIdentity(kind, answer, asked, idField) {
    if (typeof answer.id !== 'string' || !isTokenId(answer.id))
        throw untrusted(kind, `creating token ${asked} answered ${answer.id ? 'a malformed' : 'no'} ${idField}; the token may exist: look for ${asked} at the issuer`);
    const name = answer.name;
    if (name === undefined || name === null)
        return { id: answer.id, name: asked };
    if (name !== asked) {
        const named = typeof name === 'string' ? JSON.stringify(name.slice(0, 200)) : 'a non-string name';
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MintedTokenRejectedError */ .DS(`issuer ${kind}: the minted token (id ${answer.id}) is named ${named}, not ${asked} as asked; it was not written anywhere`, kind, { id: answer.id, name: asked });
    }
    return { id: answer.id, name: asked };
}
/**
 * A minted value must be a plausible token before it is written anywhere: a string, not blank, no
 * whitespace or control characters, at least MIN_TOKEN_LENGTH characters, and the issuer's own
 * format when it has one. Otherwise MintedTokenRejectedError carries what to revoke.
 */
function checkMintedSecret(kind, secret, minted, format) {
    const which = [minted.name, minted.id ? `(id ${minted.id})` : undefined].filter(Boolean).join(' ');
    const reject = (why) => new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MintedTokenRejectedError */ .DS(`issuer ${kind}: the minted token ${which} ${why}; it was not written anywhere`.replace(/  +/g, ' '), kind, minted);
    if (typeof secret !== 'string')
        throw reject('is missing from the answer (no token value)');
    if (!secret.trim())
        throw reject('is empty or whitespace');
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    if (/[\s\u0000-\u001f\u007f]/.test(secret))
        throw reject('contains whitespace or control characters');
    if (secret.length < MIN_TOKEN_LENGTH)
        throw reject(`is implausibly short (${secret.length} characters; at least ${MIN_TOKEN_LENGTH} expected)`);
    if (format && !format.pattern.test(secret))
        throw reject(`does not have the issuer's format (${format.description})`);
    return secret;
}
/** A listed token: string id and name, and a created_at that is a real date (else its age, and so "due", is unknown). */
function checkListedToken(kind, raw, fields) {
    if (!isObject(raw))
        throw untrusted(kind, 'the token list holds an entry that is not an object');
    const id = raw[fields.id];
    const name = raw.name;
    if (typeof id !== 'string' || !id)
        throw untrusted(kind, `a listed token has no string ${fields.id}`);
    if (!isTokenId(id))
        throw untrusted(kind, `a listed token has ${fields.id} ${JSON.stringify(id.slice(0, 80))}, which is not an id (letters, digits and ._~:- only)`);
    if (typeof name !== 'string')
        throw untrusted(kind, `listed token ${id} has no name`);
    if (typeof raw.created_at !== 'string' || Number.isNaN(Date.parse(raw.created_at)))
        throw untrusted(kind, `listed token ${name} has created_at ${JSON.stringify(raw.created_at)}, which is not a date: its age is unknown`);
    const expires = raw.expires_at;
    if (expires !== undefined && expires !== null && (typeof expires !== 'string' || Number.isNaN(Date.parse(expires))))
        throw untrusted(kind, `listed token ${name} has expires_at ${JSON.stringify(expires)}, which is not a date`);
    const lastUsed = typeof raw.last_used_at === 'string' && !Number.isNaN(Date.parse(raw.last_used_at)) ? raw.last_used_at : undefined;
    const createdBy = typeof raw.created_by_email === 'string' ? raw.created_by_email : undefined;
    return {
        id,
        name,
        createdAt: raw.created_at,
        expiresAt: typeof expires === 'string' ? expires : undefined,
        enabled: typeof raw.enabled === 'boolean' ? raw.enabled : undefined,
        rights: rightsOf(raw),
        lastUsedAt: lastUsed,
        createdBy,
    };
}
const isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** The rights a listed token states, when well-formed (projects, permissions or a role): a rotation copies them. */
function rightsOf(raw) {
    const projects = raw.projects;
    if (Array.isArray(projects) &&
        projects.length &&
        projects.every((p) => isObject(p) && typeof p.id === 'string' && typeof p.role === 'string')) {
        return { projects: projects.map((p) => ({ id: String(p.id), role: String(p.role) })) };
    }
    if (isStrings(raw.permissions) && raw.permissions.length)
        return { permissions: raw.permissions };
    return typeof raw.role === 'string' && raw.role ? { role: raw.role } : undefined;
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   uT: () => (/* binding */ reportOutput),
/* harmony export */   xq: () => (/* binding */ setsOutput)
/* harmony export */ });
/* unused harmony exports OUTCOMES, DESTINATION_STATUSES, FINDING_KINDS, escapeMarkdown, codeSpan, byAttention, statusCounts, totalsLine, utf8Bytes, outputBytes, SUMMARY_MAX_BYTES, SUMMARY_OPEN_ROWS, TEXT_OPEN_ROWS, OUTPUT_REPORT_MAX_BYTES */
/* harmony import */ var _shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8406);

const OUTCOMES = (/* unused pure expression or super */ null && (['rotated', 'created', 'distributed', 'not-due', 'planned', 'audited', 'failed']));
/**
 * Ordered by how much a destination needs attention: the summaries and the shortened `report` output
 * list destinations in this order. `unknown`: the write's answer was lost and the platform could not
 * confirm it: the destination may hold the new token.
 */
const DESTINATION_STATUSES = [
    'failed',
    'unknown',
    'not written',
    'would create',
    'would update',
    'created',
    'updated',
];
/** `empty-set`: no token in the set - a misspelled token-name, or a set never rotated; not about one token (id and name are empty). */
const FINDING_KINDS = (/* unused pure expression or super */ null && ([
    'empty-set',
    'unused',
    'rotation-due',
    'expired',
    'expiring-soon',
    'never-expires',
    'orphan',
    'disabled',
    'orphan-set',
]));
/** The `sets` output: every rotation set with its line, token and outcome (one entry with token-per: run). */
function setsOutput(r, runSet) {
    const entry = (name, o, t, revokedIds, line) => ({
        set: name,
        ...(line === undefined ? {} : { line }),
        tokenId: t?.id ?? '',
        tokenName: t?.name ?? '',
        expiresAt: t?.expiresAt ?? '',
        outcome: o,
        revokedIds,
    });
    return r.sets
        ? r.sets.map((s) => entry(s.name, s.outcome, s.token, s.revokedIds, s.line))
        : [entry(runSet, r.outcome, r.token, r.revokedIds)];
}
/** 1 when the run failed; bad input (2) never gets as far as a report. */
function exitCode(report) {
    return report.outcome === 'failed' ? 1 : 0;
}
/**
 * Untrusted text as Markdown that renders as the same text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no HTML tag, link, image, emphasis,
 * table pipe or autolink (`https\://`, `www\.`, `a\@b`) can form; line breaks become spaces.
 */
function escapeMarkdown(text) {
    return text.replace(/\r?\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/**
 * Untrusted text as a code span it cannot leave: fenced by more backticks than any run inside it,
 * padded when it starts or ends with a backtick; in a table a pipe is escaped (GFM reads `\|` in a
 * code span as a pipe).
 */
function codeSpan(text, inTable = true) {
    const flat = text.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
    return `${fence}${pad}${inTable ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`;
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
/** Destinations, those that need attention first (failed, unknown, not written, ...); the order within a status is kept. */
function byAttention(rows) {
    const rank = (d) => DESTINATION_STATUSES.indexOf(d.status);
    return rows
        .map((d, i) => ({ d, i }))
        .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
        .map((x) => x.d);
}
/** How many destinations have each status, in attention order (failures first); statuses no destination has are left out. */
function statusCounts(rows) {
    const counts = {};
    for (const status of DESTINATION_STATUSES) {
        const n = rows.filter((d) => d.status === status).length;
        if (n)
            counts[status] = n;
    }
    return counts;
}
/** `203 destinations: 3 failed, 200 updated` - failures first. */
function totalsLine(rows) {
    const parts = Object.entries(statusCounts(rows)).map(([status, n]) => `${n} ${status}`);
    return `${rows.length} destination${rows.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
/** UTF-8 size: what a summary file weighs. */
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** What an output weighs against GitHub's limit: GitHub counts outputs in UTF-16; UTF-8 is counted too, whichever is larger. */
function outputBytes(text) {
    return Math.max(utf8Bytes(text), text.length * 2);
}
/** GitHub drops a step summary over 1 MiB; stay at half of it, so a summary another step adds still fits. */
const SUMMARY_MAX_BYTES = 512 * 1024;
/** Destination rows shown open in the summary; the rest are collapsed under `<details>`. */
const SUMMARY_OPEN_ROWS = 30;
function kib(bytes) {
    return `${Math.round(bytes / 1024)} KiB`;
}
/**
 * The job summary (markdown, every line sanitised): the counts, the error, then the destinations
 * that need attention first - the first rows open, the rest collapsed - then the token, the run and
 * the notes. Never over `maxBytes` (UTF-8): rows that do not fit are counted, not shown.
 */
function summaryMarkdown(r, maxBytes = SUMMARY_MAX_BYTES) {
    const head = [`### token-action: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.destinations.length)
        head.push(`**${totalsLine(r.destinations)}**`, '');
    if (r.error)
        head.push(`**Error:** ${escapeMarkdown(r.error)}`, '');
    const tail = [];
    if (r.token)
        tail.push(`${r.token.name ? `Token ${codeSpan(r.token.name, false)} (id ${codeSpan(r.token.id ?? '', false)})` : 'The given token'}${r.token.verifiedAs ? `, verified as ${escapeMarkdown(r.token.verifiedAs)}` : ''}${r.token.expiresAt ? `, expires ${escapeMarkdown(r.token.expiresAt)}` : ''}, from ${r.issuer}${r.token.fingerprint ? `; fingerprint ${codeSpan(r.token.fingerprint, false)}` : ''}.`, '');
    if (r.origin)
        tail.push(`Run: ${Object.entries(r.origin)
            .map(([k, v]) => `${escapeMarkdown(k)} ${escapeMarkdown(v)}`)
            .join(', ')}`, '');
    const ids = (list) => list.map((i) => codeSpan(i, false)).join(', ');
    if (r.revokedIds.length)
        tail.push(`Revoked previous tokens: ${ids(r.revokedIds)}`, '');
    if (r.keptIds.length)
        tail.push(`Still valid (not revoked): ${ids(r.keptIds)}`, '');
    if (r.mayExist?.length)
        tail.push(`May exist (a mint's answer was lost; check and revoke): ${ids(r.mayExist)}`, '');
    if (r.audit)
        tail.push(...auditMarkdown(r.audit));
    for (const n of r.notes)
        tail.push(`> ${escapeMarkdown(n)}`, '');
    const safeHead = head.map((l) => (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(l));
    const safeTail = tail.map((l) => (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(l));
    const table = ['| destination | secret | result | detail |', '|---|---|---|---|'];
    const sorted = byAttention(r.destinations);
    const rows = sorted.map((d) => {
        const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
        return (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(`| ${codeSpan(d.id)} | ${codeSpan(d.name)} | ${ICON[d.status]} | ${escapeMarkdown(detail)} |`);
    });
    const open = rows.slice(0, SUMMARY_OPEN_ROWS);
    const collapsed = rows.slice(SUMMARY_OPEN_ROWS);
    const more = totalsLine(sorted.slice(SUMMARY_OPEN_ROWS)).replace(/^\d+ destinations?/, (m) => `${m.split(' ')[0]} more ${m.split(' ')[1]}`);
    const details = () => [`<details><summary>${more}</summary>`, '', ...table];
    // Everything but the rows, with room for the line that counts the rows left out.
    const reserve = 256;
    let used = utf8Bytes([...safeHead, ...safeTail, ...table, ...details(), '</details>', ''].join('\n')) + reserve;
    const fits = (line) => {
        const size = utf8Bytes(line) + 1;
        if (used + size > maxBytes)
            return false;
        used += size;
        return true;
    };
    const shownOpen = [];
    for (const row of open)
        if (fits(row))
            shownOpen.push(row);
        else
            break;
    const shownCollapsed = [];
    if (shownOpen.length === open.length)
        for (const row of collapsed)
            if (fits(row))
                shownCollapsed.push(row);
            else
                break;
    const out = [...safeHead];
    if (rows.length) {
        out.push(...table, ...shownOpen, '');
        if (shownCollapsed.length)
            out.push(...details(), ...shownCollapsed, '', '</details>', '');
        const left = rows.length - shownOpen.length - shownCollapsed.length;
        if (left)
            out.push(`_${left} more destination${left === 1 ? '' : 's'} not shown: the summary is capped at ${kib(maxBytes)} (GitHub drops larger ones); the JSON report (report-file) lists every destination._`, '');
    }
    out.push(...safeTail);
    return capLines(out, maxBytes);
}
/** Last resort (a huge audit or many notes): whole lines up to `maxBytes`, then one line saying so. */
function capLines(lines, maxBytes) {
    const text = lines.join('\n');
    if (utf8Bytes(text) <= maxBytes)
        return text;
    const marker = `_The rest of the summary is not shown: it is capped at ${kib(maxBytes)}; the JSON report (report-file) has everything._`;
    const kept = [];
    let used = utf8Bytes(marker) + 32;
    let openDetails = false;
    for (const line of lines) {
        const size = utf8Bytes(line) + 1;
        if (used + size > maxBytes)
            break;
        used += size;
        kept.push(line);
        if (line.startsWith('<details>'))
            openDetails = true;
        if (line === '</details>')
            openDetails = false;
    }
    return [...kept, '', ...(openDetails ? ['</details>', ''] : []), marker].join('\n');
}
function auditMarkdown(a) {
    const out = [`**Rotation set:** ${a.tokens.length} valid token(s), ${a.findings.length} finding(s).`, ''];
    if (a.tokens.length) {
        out.push('| token | id | age | expires | last used | created by |', '|---|---|---|---|---|---|');
        for (const t of a.tokens)
            out.push(`| ${codeSpan(t.name)}${t.newest ? ' (newest)' : ''} | ${codeSpan(t.id)} | ${t.ageDays} d | ${escapeMarkdown(t.expiresAt ?? 'never')} | ${escapeMarkdown(t.lastUsedAt ?? '-')} | ${escapeMarkdown(t.createdBy ?? '-')} |`);
        out.push('');
    }
    for (const f of a.findings)
        out.push(`- **${f.kind}**${f.name ? ` ${codeSpan(f.name, false)}` : ''}: ${escapeMarkdown(f.detail)}`);
    if (a.findings.length)
        out.push('');
    return out;
}
/** Destination lines the printed summary shows before it counts the rest, as the job summary's open rows. */
const TEXT_OPEN_ROWS = SUMMARY_OPEN_ROWS;
/** This many `not written` rows with the same reason print as one line with a count. */
const SAME_REASON_LINES = 3;
function destinationLine(status, what, detail) {
    return `  ${status.padEnd(12)} ${what}${detail ? `: ${detail}` : ''}`;
}
/**
 * The destination lines of the printed summary: every failed and unknown one (what needs acting
 * on), `not written` ones with a shared reason as one counted line (a failed preflight leaves
 * hundreds "not written" for one cause), then the rest up to TEXT_OPEN_ROWS lines and a count of
 * what is left out.
 */
function destinationLines(rows) {
    const detailOf = (d) => [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
    const attention = rows.filter((d) => d.status === 'failed' || d.status === 'unknown');
    const notWritten = rows.filter((d) => d.status === 'not written');
    const rest = rows.filter((d) => !attention.includes(d) && !notWritten.includes(d));
    const lines = attention.map((d) => destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)));
    const byReason = new Map();
    for (const d of notWritten)
        byReason.set(detailOf(d), [...(byReason.get(detailOf(d)) ?? []), d]);
    for (const [reason, group] of byReason)
        if (group.length >= SAME_REASON_LINES)
            lines.push(destinationLine('not written', `${group.length} destinations`, reason));
        else
            for (const d of group)
                lines.push(destinationLine(d.status, `${d.id} (${d.name})`, reason));
    const room = Math.max(0, TEXT_OPEN_ROWS - lines.length);
    for (const d of rest.slice(0, room))
        lines.push(destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)));
    const left = rest.slice(room);
    if (left.length)
        lines.push(`  ... ${totalsLine(left).replace(/^(\d+) destinations?/, '$1 more')} (--json or report-file lists every destination)`);
    return lines;
}
/** The printed summary: the outcome and the counts, the error, the destinations that need attention, then the rest (collapsed when many). */
function summaryText(r) {
    const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`];
    if (r.destinations.length)
        lines.push(`  ${totalsLine(r.destinations)}`);
    if (r.error)
        lines.push(`  error: ${r.error}`);
    lines.push(...destinationLines(byAttention(r.destinations)));
    if (r.token)
        lines.push(`  token ${r.token.name ? `${r.token.name} (id ${r.token.id})` : '(given)'}${r.token.verifiedAs ? ` verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? ` expires ${r.token.expiresAt}` : ''}`);
    if (r.revokedIds.length)
        lines.push(`  revoked: ${r.revokedIds.join(', ')}`);
    if (r.keptIds.length)
        lines.push(`  still valid: ${r.keptIds.join(', ')}`);
    if (r.mayExist?.length)
        lines.push(`  may exist (check and revoke): ${r.mayExist.join(', ')}`);
    for (const t of r.audit?.tokens ?? [])
        lines.push(`  token ${t.name} (id ${t.id})${t.newest ? ' newest' : ''}: ${t.ageDays} days old, expires ${t.expiresAt ?? 'never'}, last used ${t.lastUsedAt ?? '-'}`);
    for (const f of r.audit?.findings ?? [])
        lines.push(`  finding ${f.kind}: ${f.name ? `${f.name}: ` : ''}${f.detail}`);
    for (const n of r.notes)
        lines.push(`  note: ${n}`);
    return lines;
}
/**
 * GitHub limits a job's outputs to 1 MB in all, counted in UTF-16: the `report` output keeps to half
 * of it (bytes by `outputBytes`), leaving room for the other outputs.
 */
const OUTPUT_REPORT_MAX_BYTES = 512 * 1024;
/**
 * The report as the `report` output: whole when it fits, else shortened to fit - the destinations
 * that need attention first, as many as fit, `truncated` counting every status and what was left
 * out, and a note saying where the whole report is (report-file). Never over `maxBytes`.
 */
function reportOutput(r, reportFile, maxBytes = OUTPUT_REPORT_MAX_BYTES) {
    const whole = JSON.stringify(r);
    if (outputBytes(whole) <= maxBytes)
        return whole;
    const total = r.destinations.length;
    const shortened = (kept, rest = {}) => {
        const omitted = total - kept.length;
        const where = reportFile ? `; the whole report is in ${reportFile}` : '; set report-file for the whole report';
        const note = `report output shortened to fit GitHub's output limit: ${kept.length} of ${total} destinations listed (those that need attention first), ${omitted} omitted${where}`;
        const truncated = {
            destinations: total,
            statuses: statusCounts(r.destinations),
            omitted,
            ...(reportFile ? { reportFile } : {}),
        };
        return { ...r, ...rest, destinations: kept, notes: [...(rest.notes ?? r.notes), note], truncated };
    };
    const fitRows = (rest) => {
        // The digits of the counts may grow by a few bytes once rows are added: keep a margin.
        let used = outputBytes(JSON.stringify(shortened([], rest))) + 64;
        const kept = [];
        for (const d of byAttention(r.destinations)) {
            const size = outputBytes(JSON.stringify(d)) + 2;
            if (used + size > maxBytes)
                break;
            used += size;
            kept.push(d);
        }
        return JSON.stringify(shortened(kept, rest));
    };
    const first = fitRows({});
    if (outputBytes(first) <= maxBytes)
        return first;
    // Last resort (thousands of notes or audited tokens): only what says what happened, each list cut short.
    const cut = (text) => (text && text.length > 2000 ? `${text.slice(0, 2000)}...` : text);
    const few = (list) => list.slice(0, 100);
    const audit = r.audit ? { tokens: few(r.audit.tokens), findings: few(r.audit.findings) } : undefined;
    return fitRows({
        error: cut(r.error),
        notes: few(r.notes).map((n) => cut(n)),
        revokedIds: few(r.revokedIds),
        keptIds: few(r.keptIds),
        ...(r.mayExist ? { mayExist: few(r.mayExist) } : {}),
        ...(audit ? { audit } : {}),
    });
}


/***/ }),

/***/ 8590:
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);
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


/***/ })

};
