export const id = 910;
export const ids = [910];
export const modules = {

/***/ 4910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildProgram: () => (/* binding */ buildProgram),
  main: () => (/* binding */ main),
  revokeOutcome: () => (/* binding */ revokeOutcome),
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
/**
 * A secret passed as a flag is refused, naming the variable (and file flag) to use instead. Only the flag's name
 * is shown, never its value.
 */
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

// EXTERNAL MODULE: ./src/plan/plan.ts + 4 modules
var plan_plan = __webpack_require__(246);
;// CONCATENATED MODULE: ./src/front/cli-inputs.ts



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
        // Empty counts as unset, as in the Action: an orb exporting TOKEN_ACTION_CIRCLECI_TOKEN="${CIRCLE_TOKEN:-}"
        // must not hide CIRCLECI_TOKEN.
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

// EXTERNAL MODULE: ./src/issuers/kinds.ts
var kinds = __webpack_require__(6471);
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
        const { summaryText } = await __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 4967));
        for (const line of summaryText(report))
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
    // Shared with the Action: loaded lazily, so each is bundled once.
    const { checkWritableFile, writeFilePrivately } = await __webpack_require__.e(/* import() */ 590).then(__webpack_require__.bind(__webpack_require__, 8590));
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
            checkWritableFile('token-file', tokenFile);
        if (tokenFile && plan.tokenPer === 'line')
            throw new errors/* ConfigError */.xL('token-file', 'holds one token, and token-per: line mints one per destination line: drop one of them');
        if (plan.reportFile)
            checkWritableFile('report-file', plan.reportFile);
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
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(502), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 9411)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(502), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 2138)),
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
                writeFilePrivately(tokenFile, token.secret, 0o600);
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
    const { exitCode, summaryText } = await __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 4967));
    const out = write(process.stdout);
    if (opts.json)
        out(JSON.stringify(report, null, 2));
    else
        for (const line of summaryText(report))
            out((0,sanitize/* sanitize */.aj)(line));
    if (plan.reportFile) {
        try {
            writeFilePrivately(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644);
        }
        catch (err) {
            log.warning(`report-file: could not write ${plan.reportFile}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return exitCode(report);
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
    const bad = ids.filter((id) => !(0,sanitize/* isTokenId */.bI)(id));
    if (bad.length)
        return refuse(json, 2, `--token-id ${bad.map((id) => JSON.stringify(id)).join(', ')}: is not a token id (letters, digits and ._~:- only); nothing was revoked`, 'token-id');
    const { revokeByIds } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(502), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 2138));
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
            // Yes/no inputs take an optional value: as plain boolean flags commander would read
            // TOKEN_ACTION_DRY_RUN=false as true.
            const repeatable = MULTI_LINE.includes(name) ? ' (repeatable: one value per flag)' : '';
            const description = `${(0,plan_inputs/* describeInput */.eG)(name)}${repeatable}`;
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


/***/ })

};
