export const id = 411;
export const ids = [411];
export const modules = {

/***/ 9411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelOnSignals: () => (/* binding */ cancelOnSignals),
  executePlan: () => (/* binding */ executePlan),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./src/issuers/index.ts + 9 modules
var issuers = __webpack_require__(8588);
// EXTERNAL MODULE: ./src/plan/grammar.ts + 7 modules
var grammar = __webpack_require__(6271);
// EXTERNAL MODULE: ./src/plan/token-name.ts
var token_name = __webpack_require__(9780);
;// CONCATENATED MODULE: ./src/plan/sets.ts
/**
 * The rotation sets a plan runs: one for the run (`token-per: run`, every destination shares the
 * token), or one per destination line (`token-per: line`, one token per integration, as the issuers'
 * guides ask). A line that expands (`github:repos/ORG?...`) is one integration. Pure.
 */


/** A line as reports show it: the destination, and its secret name when the line overrides it. */
function lineText(t, secretName) {
    return t.name === secretName ? t.id : `${t.id}${t.id.includes('?') ? '&' : '?'}name=${t.name}`;
}
function rotationSets(plan) {
    if (plan.tokenPer === 'run')
        return [{ name: plan.spec.namePrefix, targets: plan.targets }];
    return plan.targets.map((t) => ({
        name: (0,token_name/* lineSetName */.aF)(plan.spec.namePrefix, `${t.id.replace(/\?.*$/, '')}${t.name === plan.secretName ? '' : `/${t.name}`}`, (0,grammar/* destinationKey */.I)(t)),
        line: lineText(t, plan.secretName),
        targets: [t],
    }));
}

// EXTERNAL MODULE: ./src/transport/transport.ts + 4 modules
var transport_transport = __webpack_require__(1159);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/transport/scheduler.ts
var scheduler = __webpack_require__(4412);
;// CONCATENATED MODULE: ./src/platforms/github/pacing.ts
/**
 * GitHub's published limits, applied to every request a GitHub credential sends: at most 100 at
 * once, 900 points a minute (a read costs 1, a write 5), and the ~80 content-creating requests a
 * minute GitHub documents without saying which count - learned from the first secondary-limit answer.
 */

/** GitHub documents ~80 content-creating requests a minute (and 500 an hour) without saying which count. */
const GITHUB_CONTENT_WRITES_PER_MINUTE = 80;
const GITHUB_BUDGET = { pointsPerWindow: 900, windowMs: 60_000 };
const githubCost = (method) => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 1 : 5;
/** GitHub's window is a minute; benchmarks scale it. */
function perWindow(windowMs) {
    return windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s window`;
}
function githubScheduler(config, transport) {
    const { budget } = config;
    return new scheduler/* RequestScheduler */.Jx({
        concurrency: transport.readConcurrency,
        pointsPerWindow: budget.pointsPerWindow,
        windowMs: budget.windowMs,
        costOf: githubCost,
        clock: transport.clock,
        learnWrites: true,
        expectedWritesPerWindow: GITHUB_CONTENT_WRITES_PER_MINUTE,
        onLearn: ({ writesPerWindow, acceptedInWindow }) => transport.log.info(`github: a secondary rate limit after ${acceptedInWindow} writes in the last ${perWindow(budget.windowMs)}: pacing writes to ${writesPerWindow} a ${perWindow(budget.windowMs)} from now on`),
    });
}

;// CONCATENATED MODULE: ./src/platforms/index.ts
/**
 * Turns destination lines into Destination plugins, loading each platform's module only when a line
 * needs it. Each destination stays tied to the line it came from (a `github:repos/` line expands to
 * many), so the engine can run one rotation set per line over destinations built once, sharing one
 * scheduler per platform and credential.
 */



function githubHeaders(token) {
    return {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
    };
}
const failure = (t, err) => ({
    target: t,
    id: t.id,
    name: t.name,
    detail: `preflight: ${(0,errors/* errorMessage */.gJ)(err)}`,
});
/** One GitHub credential for the given targets: the github-token, or an App installation token per owner. */
async function githubCredentials(targets, config, transport, out) {
    if (config.token)
        return [{ token: config.token, targets }];
    const { installationToken, ownerOf } = await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 3901));
    // Map.groupBy is Node 21+; this must run on Node 20 too.
    const byOwner = new Map();
    for (const t of targets)
        byOwner.set(ownerOf(t), [...(byOwner.get(ownerOf(t)) ?? []), t]);
    const credentials = [];
    for (const [owner, owned] of byOwner) {
        const minted = await installationToken(transport, config.apiUrl, { id: config.appId, privateKey: config.appPrivateKey }, owner, owned);
        out.cleanups.push(minted.revoke);
        credentials.push({ token: minted.token, targets: owned });
    }
    return credentials;
}
async function githubDestinations(targets, config, transport, out) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(768), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 1518));
    let credentials;
    try {
        credentials = await githubCredentials(targets, config, transport, out);
    }
    catch (err) {
        for (const t of targets)
            out.failures.push(failure(t, err));
        return;
    }
    for (const credential of credentials) {
        // One scheduler per credential: GitHub's points budget and concurrency cap are per user or installation.
        const scheduler = githubScheduler(config, transport);
        const api = new github.GitHubSecrets((0,transport_transport/* makeClient */.yu)(transport, 'github', config.apiUrl, githubHeaders(credential.token), scheduler));
        for (const t of credential.targets) {
            if (t.kind !== 'repos') {
                out.destinations.push({ target: t, destination: github.githubDestination(t, api) });
                continue;
            }
            try {
                for (const repo of await github.expandRepos(t, api))
                    out.destinations.push({ target: t, destination: github.githubDestination(repo, api) });
            }
            catch (err) {
                out.failures.push(failure(t, err));
            }
        }
    }
}
async function circleciDestinations(targets, config, transport) {
    const { createCircleCIDestinations } = await __webpack_require__.e(/* import() */ 797).then(__webpack_require__.bind(__webpack_require__, 1797));
    return createCircleCIDestinations(targets, config, transport);
}
async function gitlabDestinations(targets, config, transport) {
    const { createGitLabDestinations } = await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 798));
    return createGitLabDestinations(targets, config, transport);
}
/** Vault logs in first with `vault-role`; a failed login fails every vault: line in preflight. */
async function vaultDestinations(targets, settings, transport, out) {
    const { createVaultDestinations } = await __webpack_require__.e(/* import() */ 419).then(__webpack_require__.bind(__webpack_require__, 9419));
    try {
        const made = await createVaultDestinations(targets, settings, transport, out.cleanups);
        made.forEach((destination, i) => out.destinations.push({ target: targets[i], destination }));
    }
    catch (err) {
        for (const t of targets)
            out.failures.push(failure(t, err));
    }
}
async function awsDestinations(targets, settings, transport) {
    const { createAwsDestinations } = await __webpack_require__.e(/* import() */ 606).then(__webpack_require__.bind(__webpack_require__, 606));
    return createAwsDestinations(targets, settings, transport);
}
/** `shard: K/N` keeps every N-th destination (sorted by id, so all jobs of a matrix agree). */
function shardOf(entries, shard) {
    if (!shard)
        return entries;
    return [...entries]
        .sort((a, b) => a.destination.id.localeCompare(b.destination.id))
        .filter((_, i) => i % shard.count === shard.index - 1);
}
async function buildDestinations(targets, config, transport) {
    const out = { destinations: [], failures: [], cleanups: [] };
    const of = (p) => targets.filter((t) => t.platform === p);
    const tie = (made, lines) => made.forEach((destination, i) => out.destinations.push({ target: lines[i], destination }));
    if (of('github').length)
        await githubDestinations(of('github'), config.github, transport, out);
    if (of('circleci').length)
        tie(await circleciDestinations(of('circleci'), config.circleci, transport), of('circleci'));
    if (of('gitlab').length)
        tie(await gitlabDestinations(of('gitlab'), config.gitlab, transport), of('gitlab'));
    if (of('vault').length)
        await vaultDestinations(of('vault'), config.vault, transport, out);
    if (of('aws').length)
        tie(await awsDestinations(of('aws'), config.aws, transport), of('aws'));
    const seen = new Set();
    for (const { target, destination: d } of out.destinations) {
        // GitHub names are case-insensitive: github:repos/ACME's api and github:repo/acme/api are one destination.
        const key = `${d.id.startsWith('github:') ? d.id.toLowerCase() : d.id}|${d.secretName.toUpperCase()}`;
        if (seen.has(key))
            out.failures.push({
                target,
                id: d.id,
                name: d.secretName,
                detail: 'preflight: this destination is listed twice (directly and through github:repos/)',
            });
        seen.add(key);
    }
    out.destinations = shardOf(out.destinations, config.shard);
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/fingerprint.ts
/**
 * "Same value as" without a guess oracle. The report says which destinations hold the new token by a
 * fingerprint; an unkeyed hash of a weak token (a static one a person chose) can be reversed with a
 * dictionary. HMAC-SHA256 with a key drawn per run and never written anywhere makes the fingerprint
 * mean only: within this run's report, rows with equal fingerprints hold the same value. The rotation
 * set's name is bound in as well, so equal values in two sets never look alike.
 */

/** A fresh 256-bit key for one run: kept in memory, never logged or reported. */
function newFingerprintKey() {
    return (0,external_node_crypto_.randomBytes)(32).toString('base64url');
}
/** `hmac-sha256:` and 16 hex digits (64 bits) of HMAC-SHA256(key, setName NUL secret). */
function tokenFingerprint(secret, key, setName) {
    const mac = (0,external_node_crypto_.createHmac)('sha256', Buffer.from(key, 'base64url')).update(setName).update('\0').update(secret);
    return `hmac-sha256:${mac.digest('hex').slice(0, 16)}`;
}

;// CONCATENATED MODULE: ./src/report/redact-report.ts
function deep(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((v) => deep(v, redact));
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), deep(v, redact)]));
    return value;
}
/** A copy of `report` with every string (at any depth) passed through `redact`. */
function redactReport(report, redact) {
    return deep(report, redact);
}

;// CONCATENATED MODULE: ./src/shared/pool.ts
/** Runs tasks with at most `limit` in flight; once `signal` aborts, tasks not yet started are skipped. */
async function runPool(items, limit, task, signal) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length && !signal?.aborted) {
            const i = next++;
            results[i] = await task(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/engine/compose.ts
/** A run of many sets ends as its most telling set did. */
const PRECEDENCE = ['failed', 'rotated', 'created', 'distributed', 'planned', 'audited', 'not-due'];
function composeReport(plan, results, run) {
    const line = plan.tokenPer === 'line';
    const auditReports = results.flatMap((r) => (r.audit ? [r.audit] : []));
    const audit = plan.mode === 'audit'
        ? {
            tokens: auditReports.flatMap((a) => a.tokens),
            findings: [...auditReports.flatMap((a) => a.findings), ...run.findings],
        }
        : undefined;
    const failed = results.filter((r) => r.outcome === 'failed');
    const runFindingsFail = plan.failOnFindings && run.findings.length > 0;
    const outcome = runFindingsFail
        ? 'failed'
        : (PRECEDENCE.find((o) => results.some((r) => r.outcome === o)) ?? 'failed');
    const errors = [
        ...failed.map((r) => (line ? `${r.set.line}: ${r.error ?? 'failed'}` : (r.error ?? 'failed'))),
        ...(runFindingsFail ? [`audit: ${run.findings.length} finding(s) about the rotation sets (fail-on-findings)`] : []),
    ];
    const error = errors.length === 0
        ? undefined
        : line
            ? `${failed.length} of ${results.length} rotation sets failed: ${errors.join('; ')}`
            : errors.join('; ');
    const one = results.length === 1 && !line ? results[0] : undefined;
    const mayExist = results.flatMap((r) => r.mayExist ?? []);
    return {
        outcome,
        mode: plan.mode,
        issuer: plan.issuer.kind,
        dryRun: plan.dryRun,
        ...(Object.keys(plan.origin).length ? { origin: plan.origin } : {}),
        ...(one?.token ? { token: one.token } : {}),
        ...(line
            ? {
                sets: results.map((r) => ({
                    name: r.set.name,
                    line: r.set.line ?? '',
                    outcome: r.outcome,
                    ...(r.token ? { token: r.token } : {}),
                    ...(r.error ? { error: r.error } : {}),
                    revokedIds: r.revokedIds,
                    keptIds: r.keptIds,
                    ...(r.newTokenRevoked ? { newTokenRevoked: true } : {}),
                    ...(r.mayExist ? { mayExist: r.mayExist } : {}),
                })),
            }
            : {}),
        destinations: results.flatMap((r) => line ? r.destinations.map((d) => ({ ...d, set: r.set.name })) : r.destinations),
        revokedIds: results.flatMap((r) => r.revokedIds),
        keptIds: results.flatMap((r) => r.keptIds),
        ...(one?.newTokenRevoked ? { newTokenRevoked: true } : {}),
        ...(mayExist.length ? { mayExist } : {}),
        ...(audit ? { audit } : {}),
        ...(error ? { error } : {}),
        notes: [...run.notes, ...results.flatMap((r) => r.notes.map((n) => (line ? `${r.set.line}: ${n}` : n)))],
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt.toISOString(),
        requests: { total: run.stats.requests, retries: run.stats.retries, rateLimited: run.stats.rateLimited },
    };
}

;// CONCATENATED MODULE: ./src/engine/hints.ts
/** More repository secrets of one org than this get the org-secret hint. */
const ORG_SECRET_HINT_AT = 20;
const REPO_SECRET = /^github:repo\/([^/]+)\/([^/?]+)$/;
/**
 * Seeding one secret into many repositories of an org costs two requests each; one org secret with
 * `visibility=selected` costs three in all. Said, never done: a repository secret of the same name
 * shadows the org secret, so switching is the user's call.
 */
function suggestOrgSecrets(destinations) {
    const byOwner = new Map();
    for (const d of destinations) {
        const m = REPO_SECRET.exec(d.id);
        if (!m)
            continue;
        const key = `${m[1]}\u0000${d.secretName}`;
        byOwner.set(key, [...(byOwner.get(key) ?? []), m[2]]);
    }
    const notes = [];
    for (const [key, repos] of byOwner) {
        if (repos.length <= ORG_SECRET_HINT_AT)
            continue;
        const [owner, name] = key.split('\u0000');
        const shown = repos.slice(0, 5).join(',');
        notes.push(`${repos.length} repositories of ${owner} get the same ${name}: one org secret would take 3 requests instead of ${repos.length * 2} - ` +
            `github:org/${owner}?visibility=selected&repos=${shown}${repos.length > 5 ? `,... (${repos.length - 5} more)` : ''}&name=${name} ` +
            `(or visibility=all). A repository secret of the same name shadows the org secret: delete those when switching. Nothing was changed for this.`);
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/engine/ledger.ts
class Ledger {
    rows = [];
    notes = [];
    revoked = [];
    kept = [];
    mayExist = [];
    /** The set's tokens as listed before anything was minted. */
    previous = [];
    token;
    audit;
    newTokenRevoked = false;
    note(text) {
        this.notes.push(text);
    }
    /** A token left valid on purpose or because revoking it failed; `why` says which. */
    keep(id, why) {
        this.kept.push(id);
        if (why)
            this.notes.push(why);
    }
    close(set, end) {
        return {
            set,
            outcome: end.outcome,
            ...(end.error ? { error: end.error } : {}),
            ...(this.token ? { token: this.token } : {}),
            destinations: this.rows,
            revokedIds: this.revoked,
            // Whatever stopped the set, every token of it this run did not revoke is still valid.
            keptIds: [...new Set([...this.previous.map((p) => p.id), ...this.kept])].filter((id) => !this.revoked.includes(id)),
            ...(this.newTokenRevoked ? { newTokenRevoked: true } : {}),
            ...(this.mayExist.length ? { mayExist: this.mayExist } : {}),
            ...(this.audit ? { audit: this.audit } : {}),
            notes: this.notes,
        };
    }
}

// EXTERNAL MODULE: ./src/engine/options.ts
var engine_options = __webpack_require__(9052);
;// CONCATENATED MODULE: ./src/engine/orphan-sets.ts

/** A line's set name ends with a hash of the line (see lineSetName). */
const LINE_SET = /\.[0-9a-f]{6}$/;
function orphanSetFindings(base, current, listed) {
    const findings = [];
    for (const t of listed) {
        const set = (0,token_name/* setOf */.s4)(t.name);
        if ((0,token_name/* isMintedWith */.cb)(base, t.name))
            findings.push({
                id: t.id,
                name: t.name,
                kind: 'orphan-set',
                detail: `minted for every destination at once (token-per: run, set ${base}); each line now has its own set: revoke it once no destination uses it`,
            });
        else if (set && LINE_SET.test(set) && set.startsWith(`${base}.`) && !current.has(set))
            findings.push({
                id: t.id,
                name: t.name,
                kind: 'orphan-set',
                detail: `its set ${set} serves no current destination line (the line was removed or changed): it is still valid; revoke it (token-action revoke --token-id ${t.id} --force) once nothing uses it`,
            });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/engine/progress.ts
/** Over 20 items: a line when the phase starts, then `progress: N/M <what> <done>` about every 10%. */
function progress(log, total, start, done, what = 'destinations') {
    const step = total > 20 ? Math.ceil(total / 10) : 0;
    if (step)
        log.info(`${start} ${total} ${what}`);
    let finished = 0;
    return () => {
        finished++;
        if (step && (finished % step === 0 || finished === total))
            log.info(`progress: ${finished}/${total} ${what} ${done}`);
    };
}

// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
;// CONCATENATED MODULE: ./src/engine/audit.ts
/**
 * Review of a rotation set (`mode: audit`, `token-action audit`), as the issuers' own guides ask:
 * tokens unused for 90+ days, past their rotation age, expiring soon or never, and leftovers a
 * complete rotation would have revoked. Pure: the issuer's list in, findings out.
 */

const DAY = 86_400_000;
const UNUSED_DAYS = 90;
const days = (ms) => Math.floor(ms / DAY);
function reviewSet(tokens, now, rules) {
    // A review of nothing must not pass: a typo in token-name would keep a weekly review green forever.
    if (!tokens.length)
        return {
            tokens: [],
            findings: [
                {
                    id: '',
                    name: '',
                    kind: 'empty-set',
                    detail: 'no valid token has this name prefix: check token-name for a typo (a set that was never rotated is empty too)',
                },
            ],
        };
    const sorted = [...tokens].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const newest = sorted[0];
    const findings = [];
    const list = sorted.map((t) => {
        const age = now.getTime() - Date.parse(t.createdAt);
        const found = (kind, detail) => findings.push({ id: t.id, name: t.name, kind, detail });
        const lastUse = t.lastUsedAt ? Date.parse(t.lastUsedAt) : undefined;
        if (lastUse !== undefined ? now.getTime() - lastUse >= UNUSED_DAYS * DAY : age >= UNUSED_DAYS * DAY) {
            found('unused', lastUse !== undefined
                ? `last used ${t.lastUsedAt} (${days(now.getTime() - lastUse)} days ago)`
                : `no recorded use in ${days(age)} days`);
        }
        if (t === newest && rules.rotateIfOlderThan && (0,duration/* addDuration */.Gw)(new Date(t.createdAt), rules.rotateIfOlderThan) <= now)
            found('rotation-due', `${days(age)} days old, past rotate-if-older-than ${rules.rotateIfOlderThan.text}`);
        if (t.expiresAt) {
            const expires = new Date(t.expiresAt);
            if (expires <= now)
                found('expired', `expired ${t.expiresAt}: it no longer works; revoke it to tidy the set`);
            else if ((0,duration/* addDuration */.Gw)(now, rules.rotateBeforeExpiry) >= expires)
                found('expiring-soon', `expires ${t.expiresAt}, within rotate-before-expiry ${rules.rotateBeforeExpiry.text}`);
        }
        else if (rules.expiryExpected)
            found('never-expires', 'has no expiry: prefer a bounded lifetime (token-expires-in)');
        if (t !== newest && age >= rules.overlapGraceMs)
            found('orphan', 'older than the newest token of the set and past the overlap grace: a rotation that did not finish (or a lost mint) left it valid; the next successful rotation revokes it');
        if (t.enabled === false)
            found('disabled', 'disabled at the issuer: enable or revoke it');
        return {
            id: t.id,
            name: t.name,
            createdAt: t.createdAt,
            ageDays: days(age),
            ...(t.expiresAt ? { expiresAt: t.expiresAt } : {}),
            ...(t.lastUsedAt ? { lastUsedAt: t.lastUsedAt } : {}),
            ...(t.createdBy ? { createdBy: t.createdBy } : {}),
            ...(t.enabled === undefined ? {} : { enabled: t.enabled }),
            newest: t === newest,
        };
    });
    return { tokens: list, findings };
}

;// CONCATENATED MODULE: ./src/engine/set-run.ts
const next = (value) => ({ ok: true, value });
const stop = (outcome, error) => ({
    ok: false,
    end: error === undefined ? { outcome } : { outcome, error },
});
const secretOf = (o) => (o.kind === 'minted' ? o.token.secret : o.secret);
const nowOf = (s) => new Date(s.clock.now());
function row(d, status, detail) {
    return detail === undefined
        ? { id: d.id, name: d.secretName, status }
        : { id: d.id, name: d.secretName, status, detail };
}

;// CONCATENATED MODULE: ./src/engine/phases/due.ts
/** Phase 3: due when the newest token is older than rotate-if-older-than, or expires within rotate-before-expiry. */


function checkDue(s, previous, ready) {
    const limit = s.plan.rotateIfOlderThan;
    if (!limit || !previous.length)
        return next(undefined);
    const newest = previous.reduce((a, b) => (Date.parse(a.createdAt) >= Date.parse(b.createdAt) ? a : b));
    const created = new Date(newest.createdAt);
    if (Number.isNaN(created.getTime()))
        return stop('failed', `issuer ${s.issuer.kind}: token ${newest.name} has an unreadable created_at, so whether rotation is due is unknown`);
    const now = nowOf(s);
    const before = s.plan.rotateBeforeExpiry;
    const expires = newest.expiresAt ? new Date(newest.expiresAt) : undefined;
    if (expires && !Number.isNaN(expires.getTime()) && (0,duration/* addDuration */.Gw)(now, before) >= expires) {
        s.ledger.note(`rotating: newest token ${newest.name} expires ${newest.expiresAt}, within rotate-before-expiry ${before.text}`);
        return next(undefined);
    }
    const dueAt = (0,duration/* addDuration */.Gw)(created, limit);
    if (dueAt <= now)
        return next(undefined);
    s.ledger.note(`newest token ${newest.name} was created ${newest.createdAt}; next rotation is due ${dueAt.toISOString()} (rotate-if-older-than ${limit.text}${expires ? `, or ${before.text} before it expires ${newest.expiresAt}` : ''})`);
    if (expires && (0,duration/* addDuration */.Gw)(dueAt, before) > expires)
        s.log.warning(`${newest.name} expires ${newest.expiresAt}, before the next rotation is due: lower rotate-if-older-than or raise token-expires-in`);
    s.ledger.rows = ready.map((d) => row(d, 'not written', 'not due'));
    return stop('not-due');
}

// EXTERNAL MODULE: ./src/issuers/kinds.ts
var kinds = __webpack_require__(6471);
;// CONCATENATED MODULE: ./src/plan/planned-expiry.ts
/**
 * What a dry run says about the expiry a real run would give the new token, so `30d` vs `30mo` (or a
 * defaulted lifetime) is seen before anything is minted. Pure: the plan and the clock in, one line out.
 */


/** An ephemeral token without token-expires-in lives this long (where the issuer has expiry). */
const EPHEMERAL_EXPIRY = { amount: 1, unit: 'h', text: '1h' };
/** The expiry a mint asks for: the input's, else an ephemeral token's short default where the issuer has expiry. */
function mintExpirySpec(plan) {
    if (plan.spec.expiry)
        return plan.spec.expiry;
    return plan.mode === 'ephemeral' && kinds/* ISSUER_KINDS */.o2[plan.issuer.kind].can.expiry
        ? { kind: 'in', duration: EPHEMERAL_EXPIRY }
        : undefined;
}
/**
 * The note a dry run adds; undefined when nothing minted would carry an expiry (distribute, audit, an issuer
 * without expiry).
 */
function plannedExpiryNote(plan, now) {
    if (plan.mode === 'distribute' || plan.mode === 'audit' || !kinds/* ISSUER_KINDS */.o2[plan.issuer.kind].can.expiry)
        return undefined;
    const spec = mintExpirySpec(plan);
    if (!spec || spec.kind === 'never')
        return 'the new token would never expire (token-expires-in never)';
    const at = (0,duration/* expiryDate */.Sd)(spec, now).toISOString();
    const why = spec.kind === 'at'
        ? 'token-expires-in'
        : plan.spec.expiryDefaulted
            ? `${spec.duration.text}, the bounded default; set token-expires-in to choose`
            : plan.spec.expiry
                ? `token-expires-in ${spec.duration.text}`
                : `${spec.duration.text}, the ephemeral default`;
    return `the new token would expire ${at} (${why})`;
}

;// CONCATENATED MODULE: ./src/engine/phases/revoke.ts
/**
 * Every revocation a set makes: the leaked set before minting (revoke-first), the new token when it
 * must not stay valid, and the tokens it replaces once every destination holds the new one. Which
 * previous tokens go is one rule, shared with the dry run so it promises only what a rotation does.
 */


/**
 * A token minted within the overlap grace is kept: the run that minted it may still be writing it
 * (runs stop sending requests at their deadline, so an older token's run has ended). The next
 * rotation revokes it. The token just distributed is never among them.
 */
function replacedTokens(previous, now, overlapGraceMs, newId) {
    const out = { revoke: [], keep: [] };
    const minutes = Math.round(overlapGraceMs / 60_000);
    for (const p of previous) {
        if (p.id === newId)
            continue;
        const age = now.getTime() - Date.parse(p.createdAt);
        if (age >= overlapGraceMs)
            out.revoke.push(p);
        else
            out.keep.push({
                token: p,
                why: Number.isNaN(age)
                    ? 'its creation time is unreadable'
                    : `it is younger than the ${minutes}-minute overlap grace, so another run may still be writing it; the next rotation revokes it`,
            });
    }
    return out;
}
/** `revoke-first` (a leaked token): the set's live tokens go before the replacement is minted. */
async function revokeLeaked(s, previous) {
    const { ledger } = s;
    for (const p of previous) {
        try {
            await s.issuer.revoke(p.id);
            ledger.revoked.push(p.id);
        }
        catch (err) {
            ledger.keep(p.id, `revoke-first: revoking ${p.name} (${p.id}) failed: ${(0,errors/* errorMessage */.gJ)(err)}; it is still valid: revoke it by hand`);
        }
    }
    if (ledger.revoked.length)
        s.log.warning(`revoke-first: revoked ${ledger.revoked.join(', ')}; destinations hold a dead token until the replacement is written`);
}
/** Revokes the new token, which no destination holds. */
async function revokeNew(s, obtained, why) {
    if (obtained.kind !== 'minted')
        return;
    const { token } = obtained;
    try {
        await s.issuer.revoke(token.id);
        s.ledger.newTokenRevoked = true;
    }
    catch (err) {
        s.ledger.keep(token.id, `the new token ${token.name} (id ${token.id}) was not written because ${why}, but revoking it failed: ${(0,errors/* errorMessage */.gJ)(err)}; revoke it by hand`);
    }
}
/** Revokes the set's older tokens by the shared rule; returns the ids that could not be revoked. */
async function revokeReplaced(s, previous, obtained) {
    const { ledger } = s;
    const newId = obtained.kind === 'minted' ? obtained.token.id : undefined;
    const { revoke, keep } = replacedTokens(previous, nowOf(s), s.options.overlapGraceMs, newId);
    for (const k of keep)
        ledger.keep(k.token.id, `${k.token.name} (${k.token.id}) was kept: ${k.why}`);
    const failed = [];
    for (const p of revoke) {
        try {
            await s.issuer.revoke(p.id);
            ledger.revoked.push(p.id);
        }
        catch (err) {
            failed.push(p.id);
            ledger.keep(p.id, `revoking ${p.name} (${p.id}) failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return failed;
}

;// CONCATENATED MODULE: ./src/engine/phases/dry-run.ts
/**
 * `dry-run`: what a rotation would do, by the rotation's own rules - each destination would be
 * created or updated, the expiry it would set, and which previous tokens it would revoke or keep (and why).
 */







async function dryRun(s, ready, previous) {
    const { ledger, plan } = s;
    const tick = progress(s.log, ready.length, 'dry run: planning', 'planned');
    const plans = await runPool(ready, (0,transport_transport/* readConcurrency */.WC)(s.options.concurrency), async (d) => {
        try {
            return row(d, (await d.wouldWrite()) === 'created' ? 'would create' : 'would update');
        }
        catch (err) {
            return row(d, 'failed', s.redactor.redact((0,errors/* errorMessage */.gJ)(err)));
        }
        finally {
            tick();
        }
    });
    ledger.rows = plans.filter((p) => p !== undefined);
    if (plan.mode === 'rotate' && previous.length) {
        if (plan.revokeFirst)
            ledger.note(`would revoke ${previous.length} previous token(s) first, before minting: ${previous.map((p) => p.id).join(', ')}`);
        else {
            // The grace is measured when the rotation would settle: now, as far as a plan can tell.
            const { revoke, keep } = replacedTokens(previous, nowOf(s), s.options.overlapGraceMs);
            if (revoke.length)
                ledger.note(`would revoke ${revoke.length} previous token(s) once every destination holds the new one: ${revoke.map((p) => p.id).join(', ')}`);
            for (const k of keep)
                ledger.note(`would keep ${k.token.name} (${k.token.id}): ${k.why}`);
        }
    }
    if (ledger.rows.some((d) => d.status === 'failed'))
        return { outcome: 'failed', error: 'dry run: some destinations could not be planned' };
    if (plan.mode !== 'distribute') {
        ledger.note(`would mint ${s.set.name}-<UTC time>-<run tag>`);
        // `30mo` where `30min` was meant shows here, before anything is minted.
        const expiry = plannedExpiryNote(plan, nowOf(s));
        if (expiry)
            ledger.note(expiry);
    }
    return { outcome: 'planned' };
}

;// CONCATENATED MODULE: ./src/engine/phases/list.ts
/** Phase 2: the set's tokens at the issuer (those its name minted), and the right to replace them. */



async function listSet(s) {
    const { issuer, plan } = s;
    if (plan.mode === 'distribute' || !issuer.can.list)
        return next([]);
    let listed;
    try {
        listed = (await s.listed()).filter((t) => (0,token_name/* isMintedWith */.cb)(s.set.name, t.name));
    }
    catch (err) {
        return stop('failed', `issuer ${issuer.kind}: listing tokens failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    s.ledger.previous = listed;
    // Before anything is minted (a dry run too): a credential that could mint but not revoke would leave tokens behind.
    // An audit only reads: an auditor's read-only credential is enough.
    try {
        if (plan.mode !== 'audit')
            await s.canManage();
    }
    catch (err) {
        return stop('failed', `issuer ${issuer.kind}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    return next(listed);
}

;// CONCATENATED MODULE: ./src/engine/rights.ts
function describeRights(r) {
    if (r.projects?.length)
        return `projects ${r.projects.map((p) => `${p.id}=${p.role}`).join(', ')}`;
    if (r.permissions?.length)
        return `permissions ${[...r.permissions].sort().join(', ')}`;
    return `role ${r.role ?? '(none)'}`;
}
function kindOf(r) {
    return r.projects?.length ? 'projects' : r.permissions?.length ? 'permissions' : 'role';
}
function isAdmin(r) {
    return (r.role === 'admin' ||
        Boolean(r.permissions?.some((p) => /(^|:)\*:\*$/.test(p))) ||
        Boolean(r.projects?.some((p) => p.role === 'admin')));
}
/** The newest token of the set whose rights the issuer's list states: the one a rotation replaces. */
function replacedWithRights(previous) {
    return [...previous].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).find((t) => t.rights);
}

;// CONCATENATED MODULE: ./src/engine/phases/mint.ts
/**
 * Phase 4: obtain the token - mint it, or take the given one - and mask it before anything else is
 * logged. A mint is never sent blindly twice: a mint whose answer was lost may have made a token, so
 * the set is listed by that exact name first. Names end with the run's tag, so a token found by the
 * name is certainly this run's: its value was shown only once and is lost, so it is revoked.
 */








const MINT_ATTEMPTS = 3;
async function obtain(s, previous) {
    const { plan, ledger } = s;
    const fingerprint = (secret) => tokenFingerprint(secret, s.options.fingerprintKey, s.set.name);
    if (plan.mode === 'distribute') {
        const secret = plan.issuer.token;
        s.redactor.add(secret);
        ledger.token = { fingerprint: fingerprint(secret) };
        return next({ kind: 'given', secret, fingerprint: fingerprint(secret) });
    }
    const expiry = plan.spec.expiry;
    if (expiry?.kind === 'never')
        s.log.warning('token-expires-in is never: the token stays valid until it is revoked; prefer a bounded lifetime');
    if (plan.spec.expiryDefaulted && expiry?.kind === 'in')
        ledger.note(`token-expires-in was not set: the token expires in ${expiry.duration.text} (the bounded default; set token-expires-in to choose)`);
    const minted = await mint(s, previous);
    if (!minted.ok)
        return minted;
    const token = minted.value;
    s.redactor.add(token.secret);
    ledger.token = { id: token.id, name: token.name, expiresAt: token.expiresAt, fingerprint: fingerprint(token.secret) };
    s.log.info(`minted ${token.name} (id ${token.id})`);
    const obtained = { kind: 'minted', token, fingerprint: fingerprint(token.secret) };
    try {
        s.onMinted?.(token);
    }
    catch (err) {
        await revokeNew(s, obtained, 'it could not be handed over');
        return stop('failed', `issuer ${s.issuer.kind}: the token was minted but could not be handed over (${(0,errors/* errorMessage */.gJ)(err)}), so it was not written anywhere${ledger.newTokenRevoked ? ' and was revoked' : ''}`);
    }
    return next(obtained);
}
/** The rights to mint: the inputs', or (a rotation without them) those of the newest token replaced. */
function rightsToMint(s, previous) {
    const { spec } = s.plan;
    const newest = replacedWithRights(previous);
    if (!spec.copyRights)
        return next({ role: spec.role, permissions: spec.permissions, projects: spec.projects });
    if (!newest?.rights)
        return stop('failed', `token-role: no token of the set ${s.set.name} states its rights, so there are none to copy: set token-role or token-permissions`);
    s.ledger.note(`rights copied from ${newest.name}: ${describeRights(newest.rights)}`);
    return next(newest.rights);
}
/** Says when the new token's rights differ from those of the token it replaces (widening needs the explicit input). */
function compareRights(s, previous, minted, given) {
    const replaced = replacedWithRights(previous);
    const now = minted.rights ?? given;
    // A role and a permission list cannot be compared unless the issuer said what the role expanded to.
    if (!replaced?.rights ||
        kindOf(replaced.rights) !== kindOf(now) ||
        describeRights(replaced.rights) === describeRights(now))
        return;
    s.ledger.note(`rights differ from the replaced token ${replaced.name}: ${describeRights(replaced.rights)} -> ${describeRights(now)} (as the inputs say)`);
}
async function mint(s, previous) {
    const { issuer, clock } = s;
    const rights = rightsToMint(s, previous);
    if (!rights.ok)
        return rights;
    if (isAdmin(rights.value) && s.set.targets.length)
        s.log.warning(`the new token has admin rights (${describeRights(rights.value)}) and goes to CI destinations: prefer the narrowest role (Rack Gateway: cicd)`);
    const expiry = mintExpirySpec(s.plan);
    const spec = { ...rights.value, expiresAt: expiry && (0,duration/* expiryDate */.Sd)(expiry, nowOf(s))?.toISOString() };
    const nameAt = () => (0,token_name/* mintedName */.Jb)(s.set.name, nowOf(s), s.options.runTag);
    const taken = new Set(previous.map((p) => p.name));
    let name = '';
    for (let attempt = 1; attempt <= MINT_ATTEMPTS; attempt++) {
        // Each attempt takes a new one-second name: a name is never sent twice.
        if (attempt > 1 || taken.has(nameAt()))
            await clock.sleep(1000 - (clock.now() % 1000) + 5, s.signal);
        name = nameAt();
        taken.add(name);
        try {
            const minted = await issuer.create({ ...spec, name });
            compareRights(s, previous, minted, rights.value);
            return next(minted);
        }
        catch (err) {
            if (err instanceof errors/* OutcomeUnknownError */.Do) {
                const unchecked = await revokeLostMint(s, name);
                if (unchecked)
                    return unchecked;
                continue;
            }
            // Minted, but unusable: revoke what the answer names, else look the name up; never write it.
            if (err instanceof errors/* MintedTokenRejectedError */.DS || err instanceof errors/* UntrustedResponseError */.YV)
                return refuseMinted(s, err, name);
            const clash = err instanceof errors/* TokenActionError */.gk &&
                (err.status === 400 || err.status === 409) &&
                /already exists|taken/i.test(err.platformMessage ?? '');
            if (!clash)
                return stop('failed', `issuer ${issuer.kind}: could not mint the token: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return stop('failed', `issuer ${issuer.kind}: could not mint the token after ${MINT_ATTEMPTS} attempts (last name tried: ${name})`);
}
/**
 * After a lost mint answer: a token of that exact name is this run's (its run tag says so) and its
 * value is lost, so it is revoked. Returns the set's ending when the set cannot even be listed to check.
 */
async function revokeLostMint(s, name) {
    const { issuer, ledger } = s;
    let listed;
    try {
        listed = await issuer.list(s.set.name);
    }
    catch (err) {
        ledger.mayExist.push(name);
        ledger.note(`a token named ${name} may have been minted (its answer was lost) and the set could not be listed to check: revoke it at the issuer if it exists`);
        return stop('failed', `issuer ${issuer.kind}: the mint's answer was lost and listing to check it failed (${(0,errors/* errorMessage */.gJ)(err)}); nothing was written`);
    }
    for (const t of listed.filter((x) => x.name === name)) {
        try {
            await issuer.revoke(t.id);
            ledger.revoked.push(t.id);
            ledger.note(`${t.name} (id ${t.id}) was minted but the answer was lost, so its value is unknown: it was revoked`);
        }
        catch (err) {
            ledger.keep(t.id, `${t.name} (id ${t.id}) was minted but the answer was lost; revoking it failed (${(0,errors/* errorMessage */.gJ)(err)}): revoke it by hand`);
        }
    }
    return undefined;
}
/** The issuer answered a mint with a token that cannot be right, or an answer that cannot be read. */
async function refuseMinted(s, err, name) {
    const id = err instanceof errors/* MintedTokenRejectedError */.DS ? err.minted.id : undefined;
    if (id) {
        try {
            await s.issuer.revoke(id);
            s.ledger.revoked.push(id);
            return stop('failed', `could not mint a usable token: ${(0,errors/* errorMessage */.gJ)(err)}; the token was revoked`);
        }
        catch (revokeErr) {
            s.ledger.keep(id);
            return stop('failed', `could not mint a usable token: ${(0,errors/* errorMessage */.gJ)(err)}; revoking it failed (${(0,errors/* errorMessage */.gJ)(revokeErr)}): revoke ${id} by hand`);
        }
    }
    return ((await revokeLostMint(s, name)) ??
        stop('failed', `issuer ${s.issuer.kind}: could not mint a usable token: the answer could not be used (${(0,errors/* errorMessage */.gJ)(err)}); nothing was written`));
}

;// CONCATENATED MODULE: ./src/engine/phases/preflight.ts
/** Phase 1: every destination of the set proves it can be written. Nothing is minted if one cannot. */





async function preflight(s) {
    const tick = progress(s.log, s.destinations.length, 'preflight: checking', 'preflighted');
    const checks = await runPool(s.destinations, (0,transport_transport/* readConcurrency */.WC)(s.options.concurrency), async (d) => {
        try {
            await d.preflight();
            // The real value when it is given; else a value of the issuer's format, so a rule like
            // GitLab's mask rule fails here, before anything is minted.
            const value = s.plan.issuer.token ?? s.issuer.sample;
            if (value)
                d.checkValue(value);
            return undefined;
        }
        catch (err) {
            return row(d, 'failed', `preflight: ${s.redactor.redact((0,errors/* errorMessage */.gJ)(err))}`);
        }
        finally {
            tick();
        }
    });
    const failures = [...s.lineFailures, ...checks.filter((c) => c !== undefined)];
    if (!failures.length)
        return next(s.destinations);
    const failedIds = new Set(failures.map((f) => f.id));
    s.ledger.rows = [
        ...failures,
        ...s.destinations
            .filter((d) => !failedIds.has(d.id))
            .map((d) => row(d, 'not written', 'preflight of another destination failed')),
    ];
    return stop('failed', `preflight failed for ${failures.length} destination(s): nothing was minted or written`);
}

;// CONCATENATED MODULE: ./src/engine/phases/write.ts
/** Phase 6: write everywhere; a write whose answer was lost is read back where the platform allows. */




function stopReason(signal) {
    const reason = signal?.reason;
    return reason instanceof Error && reason.message ? reason.message : 'cancelled';
}
async function writeAll(s, destinations, obtained) {
    const since = nowOf(s);
    const tick = progress(s.log, destinations.length, 'writing to', 'written');
    const results = await runPool(destinations, s.options.concurrency, async (d) => {
        const entry = await writeOne(s, d, obtained, since);
        tick();
        return entry;
    }, s.signal);
    return destinations.map((d, i) => results[i] ?? row(d, 'not written', `${stopReason(s.signal)} before this write started`));
}
async function writeOne(s, d, obtained, since) {
    try {
        const out = await d.write(secretOf(obtained));
        return { ...row(d, out.result), changes: out.changes, holds: obtained.fingerprint };
    }
    catch (err) {
        const why = s.redactor.redact((0,errors/* errorMessage */.gJ)(err));
        if (err instanceof errors/* OutcomeUnknownError */.Do)
            return readBack(d, obtained, since, why);
        const stopped = s.signal?.aborted && !(err instanceof errors/* TokenActionError */.gk && err.status);
        return stopped ? row(d, 'not written', stopReason(s.signal)) : row(d, 'failed', why);
    }
}
async function readBack(d, obtained, since, why) {
    const holds = await d.confirm(secretOf(obtained), since).catch(() => undefined);
    if (holds === true)
        return {
            ...row(d, 'updated', `the write's answer was lost (${why}); reading the destination back shows it landed`),
            holds: obtained.fingerprint,
        };
    if (holds === false)
        return row(d, 'failed', `${why}; reading the destination back shows the write did not land`);
    return row(d, 'unknown', `${why}; the destination could not confirm whether it holds the new token, so it may`);
}

;// CONCATENATED MODULE: ./src/engine/phases/settle.ts
/**
 * Phase 7: settle. Only when every destination certainly holds the new token are the tokens it
 * replaces revoked; otherwise nothing old is, and the new token is revoked only if it certainly
 * reached no destination.
 */



const HELD = new Set(['created', 'updated']);
async function settle(s, obtained, previous) {
    const { ledger, plan } = s;
    const rows = ledger.rows;
    const held = rows.filter((r) => HELD.has(r.status)).length;
    const unknown = rows.filter((r) => r.status === 'unknown').length;
    const missed = rows.length - held - unknown;
    if (plan.revokeFirst)
        for (const r of rows)
            if (!HELD.has(r.status))
                r.detail = `${r.detail ?? r.status}; it may still hold a revoked token (revoke-first): fix it and write it by hand or re-run`;
    if (!unknown && !missed) {
        const remaining = previous.filter((p) => !ledger.revoked.includes(p.id));
        const stillValid = plan.mode === 'rotate' ? await revokeReplaced(s, remaining, obtained) : [];
        if (stillValid.length)
            return {
                outcome: 'failed',
                error: `every destination holds the new token, but revoking ${stillValid.join(', ')} failed: they are still valid. Re-run to finish.`,
            };
        if (plan.mode === 'distribute') {
            ledger.note(`every destination now holds the given token; revoke the token it replaced in ${(0,kinds/* issuerKind */.W8)(plan.issuer.kind).madeIn}`);
            return { outcome: 'distributed' };
        }
        return { outcome: plan.mode === 'rotate' ? 'rotated' : 'created' };
    }
    let newToken = '';
    if (obtained.kind === 'minted') {
        if (!held && !unknown) {
            await revokeNew(s, obtained, 'it certainly reached no destination');
            newToken = ledger.newTokenRevoked ? ' and the new token, which certainly reached no destination, was revoked' : '';
        }
        else {
            newToken = `; the new token ${obtained.token.id} stays valid: ${held} destination(s) hold it${unknown ? ` and ${unknown} may` : ''}`;
        }
    }
    const cause = s.signal?.aborted
        ? `the run stopped (${stopReason(s.signal)})`
        : [
            missed && `${missed} of ${rows.length} destinations failed`,
            unknown && `${unknown} may or may not hold the new token (answer lost)`,
        ]
            .filter(Boolean)
            .join(' and ');
    return { outcome: 'failed', error: `${cause}; no previous token was revoked${newToken}. Re-run to converge.` };
}

;// CONCATENATED MODULE: ./src/engine/phases/verify.ts
/** Phase 5: the issuer accepts the token, and its real value breaks no destination's rule. */



const EXPIRY_WARNING_DAYS = 14;
/** Targets many repositories, projects or systems read: an org, group, instance or a secrets store. */
const orgWide = (s) => s.set.targets.filter((x) => (x.platform === 'github' && (x.kind === 'org' || x.kind === 'repos')) ||
    (x.platform === 'circleci' && x.kind === 'context') ||
    (x.platform === 'gitlab' && (x.kind === 'group' || x.kind === 'instance')) ||
    x.platform === 'vault' ||
    x.platform === 'aws');
async function verify(s, obtained, ready) {
    const { issuer, ledger } = s;
    const secret = secretOf(obtained);
    try {
        const identity = await issuer.verify(secret);
        const t = (ledger.token ??= {});
        t.verifiedAs = identity.subject;
        t.expiresAt ??= identity.expiresAt;
        warnIfExpiringSoon(s, t.expiresAt);
        const wide = orgWide(s);
        if (identity.personal && wide.length) {
            const note = `the token is a personal access token and goes to org-wide destinations (${wide.map((x) => x.id).join(', ')}): it stops working when its owner leaves; prefer an organization access token`;
            ledger.note(note);
            s.log.warning(note);
        }
    }
    catch (err) {
        await revokeNew(s, obtained, 'it did not verify');
        return stop('failed', `issuer ${issuer.kind}: the token did not verify, so it was not written anywhere: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    const problems = ready.flatMap((d) => {
        try {
            d.checkValue(secret);
            return [];
        }
        catch (err) {
            return [`${d.id}: ${(0,errors/* errorMessage */.gJ)(err)}`];
        }
    });
    if (!problems.length)
        return next(undefined);
    await revokeNew(s, obtained, "its value breaks a destination's rule");
    return stop('failed', `the token value breaks a destination's rule, so it was not written anywhere: ${problems.join('; ')}`);
}
function warnIfExpiringSoon(s, expiresAt) {
    if (!expiresAt)
        return;
    const days = (Date.parse(expiresAt) - nowOf(s).getTime()) / 86_400_000;
    if (days < EXPIRY_WARNING_DAYS) {
        const note = `the token expires ${expiresAt} (in ${Math.max(0, days).toFixed(1)} days)`;
        s.ledger.note(note);
        if (s.plan.mode !== 'ephemeral')
            s.log.warning(note);
    }
}

;// CONCATENATED MODULE: ./src/engine/set.ts
/**
 * One rotation set, start to end: its phases in order, each a function that returns its result or
 * the set's ending. What the set learns goes into its ledger, which becomes its part of the report.
 */












async function runSet(s) {
    let end;
    try {
        end = await phases(s);
    }
    catch (err) {
        end = { outcome: 'failed', error: `unexpected error: ${(0,errors/* errorMessage */.gJ)(err)}` };
    }
    return s.ledger.close(s.set, end);
}
async function phases(s) {
    const ready = await preflight(s);
    if (!ready.ok)
        return ready.end;
    const listed = await listSet(s);
    if (!listed.ok)
        return listed.end;
    const previous = listed.value;
    if (s.plan.mode === 'audit')
        return audit(s, previous);
    const due = checkDue(s, previous, ready.value);
    if (!due.ok)
        return due.end;
    if (s.plan.dryRun)
        return dryRun(s, ready.value, previous);
    if (s.plan.revokeFirst)
        await revokeLeaked(s, previous);
    const obtained = await obtain(s, previous);
    if (!obtained.ok)
        return obtained.end;
    const usable = await verify(s, obtained.value, ready.value);
    if (!usable.ok)
        return usable.end;
    s.ledger.rows = await writeAll(s, ready.value, obtained.value);
    return settle(s, obtained.value, previous);
}
/** `audit`: the set as the issuer lists it, and what deserves a look. Changes nothing. */
function audit(s, tokens) {
    const review = reviewSet(tokens, nowOf(s), {
        rotateIfOlderThan: s.plan.rotateIfOlderThan,
        rotateBeforeExpiry: s.plan.rotateBeforeExpiry,
        overlapGraceMs: s.options.overlapGraceMs,
        expiryExpected: s.issuer.can.expiry,
    });
    s.ledger.audit = review;
    const n = review.findings.length;
    if (n && s.plan.failOnFindings)
        return { outcome: 'failed', error: `audit: ${n} finding(s) in the rotation set ${s.set.name} (fail-on-findings)` };
    return { outcome: 'audited' };
}

// EXTERNAL MODULE: ./src/engine/transport-of.ts + 2 modules
var transport_of = __webpack_require__(247);
;// CONCATENATED MODULE: ./src/engine/run.ts
/**
 * Shared by the Action and the CLI: plan -> issuer, destinations and rotation sets -> report. The
 * destinations are built once, so the sets share one scheduler per platform and credential; each set
 * runs on its own (a set that fails stops no other) and the run composes their reports.
 */

















const MAX_SETS_AT_ONCE = 100;
async function runPlan(plan, options) {
    const transport = (0,transport_of/* transportFor */.J)(plan, options);
    const platforms = {
        github: { ...plan.github, budget: options.context?.githubBudget ?? GITHUB_BUDGET },
        circleci: plan.circleci,
        gitlab: plan.gitlab,
        vault: plan.vault,
        aws: plan.aws,
        shard: plan.shard,
    };
    return executePlan(plan, {
        transport,
        issuer: (0,issuers/* createIssuer */.A)(plan.issuer, transport),
        buildDestinations: () => buildDestinations(plan.targets, platforms, transport),
        overlapGraceMs: options.context?.overlapGraceMs ?? engine_options/* OVERLAP_GRACE_MS */.Q,
        onMinted: options.onMinted,
    });
}
async function executePlan(plan, deps) {
    const { transport, issuer } = deps;
    const startedAt = new Date(transport.clock.now());
    const engine = {
        concurrency: plan.concurrency,
        overlapGraceMs: deps.overlapGraceMs,
        runTag: (0,token_name/* newRunTag */.qN)(),
        fingerprintKey: newFingerprintKey(),
    };
    const sets = rotationSets(plan);
    const notes = [];
    let built;
    try {
        try {
            // An audit reads the issuer only: its lines (token-per: line) just name the sets.
            built = plan.mode === 'audit' ? { destinations: [], failures: [], cleanups: [] } : await deps.buildDestinations();
        }
        catch (err) {
            const error = `preflight failed, nothing was minted or written: ${(0,errors/* errorMessage */.gJ)(err)}`;
            return finish(sets.map((set) => new Ledger().close(set, { outcome: 'failed', error })));
        }
        if (plan.tokenPer === 'run')
            notes.push(...suggestOrgSecrets(built.destinations.map((e) => e.destination)));
        // Every set's tokens are under the run's name: listed once, however many sets.
        const listed = once(() => issuer.list(plan.spec.namePrefix));
        const results = await runSets(sets, built, { plan, issuer, transport, engine, onMinted: deps.onMinted, listed });
        const findings = plan.mode === 'audit' && plan.tokenPer === 'line' ? await unnamedSets(plan, listed, sets, notes) : [];
        return finish(results, findings);
    }
    finally {
        for (const cleanup of built?.cleanups ?? [])
            await cleanup();
    }
    function finish(results, findings = []) {
        const facts = { startedAt, finishedAt: new Date(transport.clock.now()), stats: transport.stats, notes, findings };
        // Every string that leaves the run - identities, names, ids, audit fields - is redacted once, here.
        return redactReport(composeReport(plan, results, facts), (text) => transport.redactor.redact(text));
    }
}
/** One call however many ask, and its answer (or error) for all of them. */
function once(fn) {
    let result;
    return () => (result ??= fn());
}
/** Runs every set over its own destinations; many sets run at once, within the schedulers' bounds. */
async function runSets(sets, built, shared) {
    const { plan, transport } = shared;
    const tick = progress(transport.log, sets.length, 'rotating', 'done', 'sets');
    const canManage = once(async () => shared.issuer.checkCanManage?.());
    // Sets wait mostly on the schedulers (GitHub's write pacing above all), which bound the requests
    // themselves: enough sets run at once that the next write is always queued while others mint.
    const results = await runPool(sets, Math.min(sets.length, MAX_SETS_AT_ONCE), async (set) => {
        const mine = new Set(set.targets);
        const result = await runSet({
            set,
            plan,
            issuer: shared.issuer,
            options: shared.engine,
            log: transport.log,
            clock: transport.clock,
            signal: transport.signal,
            redactor: transport.redactor,
            ledger: new Ledger(),
            listed: shared.listed,
            canManage,
            destinations: built.destinations.filter((e) => mine.has(e.target)).map((e) => e.destination),
            lineFailures: built.failures
                .filter((f) => mine.has(f.target))
                .map((f) => ({ id: f.id, name: f.name, status: 'failed', detail: f.detail })),
            onMinted: shared.onMinted,
        });
        tick();
        return result;
    }, 
    // A cancelled run starts no further set; those are reported as not started.
    transport.signal);
    // Sets never started are holes in `results`: map over the sets, not the results.
    return sets.map((set, i) => results[i] ?? new Ledger().close(set, { outcome: 'failed', error: 'the run stopped before this set started' }));
}
/** Tokens under the run's name whose set no current line names (audit with token-per: line). */
async function unnamedSets(plan, listed, sets, notes) {
    try {
        return orphanSetFindings(plan.spec.namePrefix, new Set(sets.map((s) => s.name)), await listed());
    }
    catch (err) {
        notes.push(`could not list ${plan.spec.namePrefix} to look for sets no line names: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return [];
    }
}
/** SIGINT/SIGTERM stop new writes; in-flight ones finish and nothing old is revoked. */
function cancelOnSignals(log) {
    const controller = new AbortController();
    const onSignal = (sig) => {
        if (controller.signal.aborted)
            return;
        log.warning(`${sig} received: finishing writes in flight, starting no new ones, revoking nothing old`);
        controller.abort(new Error(`cancelled by ${sig}`));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return controller;
}


/***/ })

};
