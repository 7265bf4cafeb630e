export const id = 886;
export const ids = [886];
export const modules = {

/***/ 8886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelOnSignals: () => (/* binding */ cancelOnSignals),
  newContext: () => (/* binding */ newContext),
  revokeByIds: () => (/* binding */ revokeByIds),
  revokeToken: () => (/* binding */ revokeToken),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./src/transport/context.ts + 2 modules
var context = __webpack_require__(4840);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/transport/scheduler.ts
var transport_scheduler = __webpack_require__(4412);
;// CONCATENATED MODULE: ./src/platforms/index.ts
/** Turns the plan's targets into Destination plugins, loading each platform's module only when a line needs it. */



/** GitHub documents ~80 content-creating requests a minute (and 500 an hour) without saying which count. */
const GITHUB_CONTENT_WRITES_PER_MINUTE = 80;
function githubHeaders(token) {
    return {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
    };
}
/** One GitHub credential for the given targets: the github-token, or an App installation token per owner. */
async function githubCredentials(targets, plan, ctx) {
    if (plan.github.token)
        return [{ token: plan.github.token, targets }];
    const { installationToken, ownerOf } = await __webpack_require__.e(/* import() */ 901).then(__webpack_require__.bind(__webpack_require__, 3901));
    // Map.groupBy is Node 21+; this must run on Node 20 too.
    const byOwner = new Map();
    for (const t of targets)
        byOwner.set(ownerOf(t), [...(byOwner.get(ownerOf(t)) ?? []), t]);
    const out = [];
    for (const [owner, owned] of byOwner) {
        const minted = await installationToken(ctx, plan.github.apiUrl, { id: plan.github.appId, privateKey: plan.github.appPrivateKey }, owner, owned);
        ctx.cleanups.push(minted.revoke);
        out.push({ token: minted.token, targets: owned });
    }
    return out;
}
async function githubDestinations(targets, plan, ctx, out) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(768), __webpack_require__.e(518)]).then(__webpack_require__.bind(__webpack_require__, 1518));
    let credentials;
    try {
        credentials = await githubCredentials(targets, plan, ctx);
    }
    catch (err) {
        for (const t of targets)
            out.failures.push({ id: t.id, name: t.name, status: 'failed', detail: `preflight: ${(0,errors/* errorMessage */.gJ)(err)}` });
        return;
    }
    for (const credential of credentials) {
        // One scheduler per credential: GitHub's points budget and concurrency cap are per user or installation.
        // It also learns GitHub's unpublished write limits from the first secondary-limit answer.
        const scheduler = new transport_scheduler/* RequestScheduler */.Jx({
            concurrency: (0,context/* readConcurrency */.WC)(ctx.concurrency),
            pointsPerWindow: ctx.githubBudget.pointsPerWindow,
            windowMs: ctx.githubBudget.windowMs,
            costOf: transport_scheduler/* githubCost */.R1,
            clock: ctx.clock,
            learnWrites: true,
            expectedWritesPerWindow: GITHUB_CONTENT_WRITES_PER_MINUTE,
            onLearn: ({ writesPerWindow, acceptedInWindow }) => ctx.log.info(`github: a secondary rate limit after ${acceptedInWindow} writes in the last ${perWindow(ctx.githubBudget.windowMs)}: pacing writes to ${writesPerWindow} a ${perWindow(ctx.githubBudget.windowMs)} from now on`),
        });
        const api = new github.GitHubSecrets((0,context/* makeClient */.yu)(ctx, 'github', plan.github.apiUrl, githubHeaders(credential.token), scheduler));
        for (const t of credential.targets) {
            if (t.kind !== 'repos') {
                out.destinations.push(github.githubDestination(t, api));
                continue;
            }
            try {
                for (const repo of await github.expandRepos(t, api))
                    out.destinations.push(github.githubDestination(repo, api));
            }
            catch (err) {
                out.failures.push({ id: t.id, name: t.name, status: 'failed', detail: `preflight: ${(0,errors/* errorMessage */.gJ)(err)}` });
            }
        }
    }
}
async function circleciDestinations(targets, plan, ctx) {
    const { createCircleCIDestinations } = await __webpack_require__.e(/* import() */ 797).then(__webpack_require__.bind(__webpack_require__, 1797));
    return createCircleCIDestinations(targets, plan, ctx);
}
async function gitlabDestinations(targets, plan, ctx) {
    const { createGitLabDestinations } = await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 798));
    return createGitLabDestinations(targets, plan, ctx);
}
/** `shard: K/N` keeps every N-th destination (sorted by id, so all jobs of a matrix agree). */
function shardOf(destinations, shard) {
    if (!shard)
        return destinations;
    return [...destinations]
        .sort((a, b) => a.id.localeCompare(b.id))
        .filter((_, i) => i % shard.count === shard.index - 1);
}
async function buildDestinations(plan, ctx) {
    const out = { destinations: [], failures: [] };
    const of = (p) => plan.targets.filter((t) => t.platform === p);
    if (of('github').length)
        await githubDestinations(of('github'), plan, ctx, out);
    if (of('circleci').length)
        out.destinations.push(...(await circleciDestinations(of('circleci'), plan, ctx)));
    if (of('gitlab').length)
        out.destinations.push(...(await gitlabDestinations(of('gitlab'), plan, ctx)));
    const seen = new Set();
    for (const d of out.destinations) {
        // GitHub names are case-insensitive: github:repos/ACME's api and github:repo/acme/api are one destination.
        const key = `${d.id.startsWith('github:') ? d.id.toLowerCase() : d.id}|${d.secretName.toUpperCase()}`;
        if (seen.has(key))
            out.failures.push({
                id: d.id,
                name: d.secretName,
                status: 'failed',
                detail: 'preflight: this destination is listed twice (directly and through github:repos/)',
            });
        seen.add(key);
    }
    out.destinations = shardOf(out.destinations, plan.shard);
    return out;
}
/** GitHub's window is a minute; benchmarks scale it. */
function perWindow(windowMs) {
    return windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s window`;
}

// EXTERNAL MODULE: ./src/transport/clock.ts
var clock = __webpack_require__(1575);
// EXTERNAL MODULE: ./src/issuers/kinds.ts
var kinds = __webpack_require__(6471);
;// CONCATENATED MODULE: ./src/issuers/verify-only.ts
/**
 * Issuers whose tokens are made in a product's UI (RWX, Hawzu) or elsewhere (static): token-action
 * can only prove the given token works and distribute it. Minting, listing and revoking are refused
 * with what to do instead.
 */


class VerifyOnlyIssuer {
    get can() {
        return kinds/* ISSUER_KINDS */.o2[this.kind].can;
    }
    /** Where users make and revoke these tokens. */
    get ui() {
        return kinds/* ISSUER_KINDS */.o2[this.kind].madeIn;
    }
    // The plan already refuses every mode but distribute for these issuers; this guards other callers.
    refuse(what) {
        throw new errors/* ConfigError */.xL('mode', `issuer ${this.kind} has no API to ${what} tokens: create the token in ${this.ui}, pass it as \`token\` and use mode distribute`);
    }
    create() {
        this.refuse('mint');
    }
    list() {
        this.refuse('list');
    }
    revoke() {
        this.refuse('revoke');
    }
}
/** Verifies with a GET that must answer 200 when authenticated as the token. */
class BearerCheckIssuer extends VerifyOnlyIssuer {
    verifier;
    constructor(verifier) {
        super();
        this.verifier = verifier;
    }
    async verify(secret) {
        try {
            const res = await this.verifier(secret).get(this.checkPath);
            const body = res.data ?? {};
            return { subject: this.describe(body), ...(this.isPersonal(body) ? { personal: true } : {}) };
        }
        catch (err) {
            // 401 is the product's verdict on the token itself, not a transport problem: say so plainly.
            if (err instanceof errors/* AuthError */.lR && err.status === 401) {
                throw new errors/* AuthError */.lR(`the token was rejected by ${this.product} (GET ${this.checkPath} -> 401${err.platformMessage ? ` "${err.platformMessage}"` : ''}): it is wrong, expired or revoked; create a new one in ${this.ui}`, err.platform, err.status, err.platformMessage);
            }
            throw err;
        }
    }
    /** Whether the token belongs to a person rather than the organization (products that say so override this). */
    isPersonal(_body) {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/issuers/hawzu.ts
/** Hawzu: tokens are made in Hawzu's workspace settings; verify with GET /api/v1/workspaces. */

class HawzuIssuer extends BearerCheckIssuer {
    kind = 'hawzu';
    product = 'Hawzu';
    checkPath = '/api/v1/workspaces';
    describe(body) {
        const list = Array.isArray(body.data) ? body.data : Array.isArray(body) ? body : [];
        return `Hawzu token seeing ${list.length} workspace(s)`;
    }
}

;// CONCATENATED MODULE: ./src/issuers/probe.ts
/**
 * Side-effect-free checks of what the issuer credential may do, by requests that cannot succeed: a
 * delete of an id no issuer has issued. Never a create: on a lax server a create probe would mint.
 */

/** A well-formed id no issuer has issued: deleting it answers 404 when allowed, 403 when not. */
const NO_SUCH_TOKEN = '00000000-0000-4000-8000-000000000000';
/** Runs a delete that must fail; `allowed` is the status that proves the right, 401/403 that it is missing. */
async function probeDelete(request, allowed) {
    try {
        await request();
    }
    catch (err) {
        if (!(err instanceof errors/* TokenActionError */.gk) || err.status === allowed)
            return;
        if (err.status === 401 || err.status === 403) {
            throw new errors/* AuthError */.lR(`issuer-token may not delete tokens (${err.status} "${err.platformMessage ?? ''}"): token-action revokes the tokens it replaces with it; use a credential allowed to manage tokens (Rack Gateway: role admin)`, err.platform, err.status, err.platformMessage);
        }
        // Anything else (a 5xx, a lost answer) proves nothing either way: the real call will tell.
    }
}

// EXTERNAL MODULE: ./src/issuers/check.ts
var check = __webpack_require__(5740);
;// CONCATENATED MODULE: ./src/issuers/http.ts
/**
 * The generic `http` issuer contract (docs/issuer-contract.openapi.yaml): workspace or project
 * tokens, expiry, whoami. Hawzu-style in-house issuers implement it (enable/disable too, which
 * token-action reads from the list but never calls).
 */




class HttpIssuer {
    admin;
    verifier;
    kind = 'http';
    can = kinds/* ISSUER_KINDS */.o2.http.can;
    constructor(admin, verifier) {
        this.admin = admin;
        this.verifier = verifier;
    }
    async create(spec) {
        const body = {
            name: spec.name,
            scope: spec.projects ? 'project' : 'workspace',
            ...(spec.role ? { role: spec.role } : {}),
            ...(spec.permissions ? { permissions: spec.permissions } : {}),
            ...(spec.projects ? { projects: spec.projects } : {}),
            ...(spec.expiresAt ? { expires_at: spec.expiresAt } : {}),
        };
        const res = await this.admin.request('POST', '/tokens', { body });
        const d = res.data;
        if (!(0,check/* isObject */.Gv)(d))
            throw (0,check/* untrusted */.bp)(this.kind, `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} at the issuer`);
        const minted = (0,check/* checkMintedIdentity */.AN)(this.kind, { id: d.id, name: d.name }, spec.name, 'id');
        const secret = (0,check/* checkMintedSecret */.aZ)(this.kind, d.token, minted);
        return { ...minted, secret, expiresAt: typeof d.expires_at === 'string' ? d.expires_at : undefined };
    }
    async list(namePrefix) {
        // Minted names are `<prefix>-<timestamp>`; the dash already leaves out `cia-...` at the source, and
        // the lifecycle keeps only names of exactly that shape.
        const res = await this.admin.get('/tokens', { query: { name_prefix: `${namePrefix}-` } });
        const items = (0,check/* isObject */.Gv)(res.data) ? res.data.items : undefined;
        if (!Array.isArray(items))
            throw (0,check/* untrusted */.bp)(this.kind, 'GET /tokens did not answer {items: [...]}');
        return items.map((t) => (0,check/* checkListedToken */.pt)(this.kind, t, { id: 'id' }));
    }
    /** A delete of an id that cannot exist: 404 when the credential may delete, 403 when it may not. */
    async checkCanManage() {
        await probeDelete(() => this.admin.request('DELETE', `/tokens/${NO_SUCH_TOKEN}`), 404);
    }
    async revoke(id) {
        try {
            await this.admin.request('DELETE', `/tokens/${encodeURIComponent(id)}`);
            return 'revoked';
        }
        catch (err) {
            if (err instanceof errors/* NotFoundError */.m_)
                return 'gone';
            throw err;
        }
    }
    async verify(secret) {
        const res = await this.verifier(secret).get('/whoami');
        const d = res.data;
        const scope = d.scope === 'project'
            ? `projects ${(d.projects ?? []).map((p) => `${p.id}:${p.role}`).join(', ')}`
            : `workspace role ${d.role ?? 'custom'}`;
        return { subject: `${d.name} (${scope})`, expiresAt: d.expires_at ?? undefined };
    }
}

;// CONCATENATED MODULE: ./src/issuers/rack-gateway.ts
/**
 * Rack Gateway (`<gateway>/api/v1`, Bearer admin API token). Tokens are addressed by `public_id`;
 * create answers 200 (any 2xx is accepted); no expiry and no disable.
 */



const PUBLIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rack Gateway's permission match: same number of `:` segments, each equal or `*`. */
function grants(held, wanted) {
    const want = wanted.split(':');
    return held.some((p) => {
        const have = p.split(':');
        return have.length === want.length && have.every((seg, i) => seg === '*' || seg === want[i]);
    });
}
/** `rgw_` + base64url of 32 bytes (43 characters, padded with one `=`; unpadded accepted). */
const RACK_GATEWAY_TOKEN = /^rgw_[A-Za-z0-9_-]{43}=?$/;
class RackGatewayIssuer {
    admin;
    verifier;
    kind = 'rack-gateway';
    can = kinds/* ISSUER_KINDS */.o2['rack-gateway'].can;
    /** `rgw_` + base64url of 32 bytes, padded: the whole alphabet and the trailing `=`. */
    sample = `rgw_${'aZ09-_'.repeat(7)}x=`;
    /** `admin` uses the admin credential; `verifier(secret)` builds a client authenticated as a given token. */
    constructor(admin, verifier) {
        this.admin = admin;
        this.verifier = verifier;
    }
    async create(spec) {
        const body = spec.permissions
            ? { name: spec.name, permissions: spec.permissions }
            : { name: spec.name, role: spec.role };
        const res = await this.admin.request('POST', '/api/v1/api-tokens', { body });
        const data = res.data;
        const t = (0,check/* isObject */.Gv)(data) && (0,check/* isObject */.Gv)(data.api_token) ? data.api_token : {};
        if (!(0,check/* isObject */.Gv)(data))
            throw (0,check/* untrusted */.bp)(this.kind, `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} on the gateway`);
        const minted = (0,check/* checkMintedIdentity */.AN)(this.kind, { id: t.public_id, name: t.name }, spec.name, 'api_token.public_id');
        const secret = (0,check/* checkMintedSecret */.aZ)(this.kind, data.token, minted, {
            pattern: RACK_GATEWAY_TOKEN,
            description: 'rgw_ and 32 bytes of base64url',
        });
        const permissions = Array.isArray(t.permissions) && t.permissions.every((p) => typeof p === 'string')
            ? t.permissions
            : undefined;
        return {
            ...minted,
            secret,
            expiresAt: typeof t.expires_at === 'string' ? t.expires_at : undefined,
            ...(permissions ? { rights: { permissions } } : {}),
        };
    }
    async list(namePrefix) {
        const res = await this.admin.get('/api/v1/api-tokens');
        const data = res.data;
        // Another shape is not "no tokens": the old token would stay valid while the run says rotated.
        const items = Array.isArray(data) ? data : (0,check/* isObject */.Gv)(data) ? (data.api_tokens ?? data.tokens) : undefined;
        if (!Array.isArray(items))
            throw (0,check/* untrusted */.bp)(this.kind, 'GET /api/v1/api-tokens did not answer a token list (an array, or {api_tokens: [...]})');
        return items
            .map((t) => (0,check/* checkListedToken */.pt)(this.kind, t, { id: 'public_id' }))
            .filter((t) => t.name.startsWith(`${namePrefix}-`))
            .map(({ enabled: _enabled, ...t }) => t);
    }
    /**
     * The gateway states the calling credential's own permissions (`user_permissions` of
     * `GET /api-tokens/permissions`, wildcards included): reading them proves the create and delete
     * rights without creating anything - a nameless create as a probe would mint an unnamed token on a
     * server lax enough to accept it. An answer that cannot be read proves nothing: the mint will tell.
     */
    async checkCanManage() {
        let held;
        try {
            const res = await this.admin.get('/api/v1/api-tokens/permissions');
            const stated = (0,check/* isObject */.Gv)(res.data) ? res.data.user_permissions : undefined;
            if (!Array.isArray(stated) || !stated.every((p) => typeof p === 'string'))
                return;
            held = stated;
        }
        catch (err) {
            if (err instanceof errors/* AuthError */.lR)
                throw err;
            return;
        }
        for (const right of ['create', 'delete']) {
            if (!grants(held, `gateway:api_token:${right}`))
                throw new errors/* AuthError */.lR(`issuer-token may not ${right} tokens (its permissions lack gateway:api_token:${right}): token-action ${right === 'create' ? 'mints the replacement' : 'revokes the tokens it replaces'} with it; use a credential allowed to manage tokens (Rack Gateway: role admin)`, this.kind, 403);
        }
    }
    async revoke(id) {
        // Tokens are addressed by public_id, a UUID: any other id names no token (the gateway would answer 500).
        if (!PUBLIC_ID.test(id))
            return 'gone';
        try {
            await this.admin.request('DELETE', `/api/v1/api-tokens/${encodeURIComponent(id)}`);
            return 'revoked';
        }
        catch (err) {
            if (err instanceof errors/* NotFoundError */.m_)
                return 'gone';
            throw err;
        }
    }
    async verify(secret) {
        const res = await this.verifier(secret).get('/api/v1/info');
        const d = res.data ?? {};
        const who = [d.user_email, d.email, d.name, d.rack].find((v) => typeof v === 'string');
        return { subject: who ? `Rack Gateway (${who})` : 'Rack Gateway' };
    }
}

;// CONCATENATED MODULE: ./src/issuers/rwx.ts
/** RWX: access tokens are made in the RWX UI; verify with GET /api/auth/whoami. */

class RwxIssuer extends BearerCheckIssuer {
    kind = 'rwx';
    product = 'RWX';
    checkPath = '/api/auth/whoami';
    isPersonal(body) {
        return body.token_kind === 'personal_access_token';
    }
    describe(body) {
        return `RWX organization ${String(body.organization_slug ?? '?')} (${String(body.token_kind ?? 'token')})`;
    }
}

;// CONCATENATED MODULE: ./src/issuers/static.ts

class StaticIssuer extends VerifyOnlyIssuer {
    kind = 'static';
    async verify() {
        return { subject: 'unverified (static issuer)' };
    }
}

;// CONCATENATED MODULE: ./src/issuers/reliable-revoke.ts
/**
 * Every issuer's revoke, as the engine and the CLI call it: a token left valid is the failure this
 * tool exists to prevent, so a revoke that fails for a reason that may pass (5xx, reset, timeout, a
 * lost answer, a rate limit) is tried again with growing pauses until a deadline, and it runs on a
 * context of its own - a cancelled run (SIGINT/SIGTERM, even twice) still revokes what it decided
 * to revoke. A refusal (401, 403, a 4xx, an answer of the wrong shape) is final at once.
 */


const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 8_000;
function mayPass(err) {
    if (err instanceof errors/* UntrustedResponseError */.YV)
        return false;
    if (err instanceof errors/* NetworkError */.Dr || err instanceof errors/* OutcomeUnknownError */.Do || err instanceof errors/* RateLimitError */.OE)
        return true;
    return err instanceof errors/* ApiError */.hD && (err.status === undefined || err.status >= 500);
}
/**
 * `issuer` with a revoke that retries within the clean-up deadline; `build(ctx)` makes the issuer on
 * the clean-up context each revoke uses (its own deadline, not the run's signal).
 */
function withReliableRevoke(issuer, ctx, build) {
    const revoke = async (id) => {
        const own = (0,context/* cleanupContext */.ib)(ctx);
        const revoker = build(own);
        const giveUpAt = ctx.clock.now() + (ctx.cleanupDeadlineMs ?? context/* CLEANUP_DEADLINE_MS */.Dr);
        for (let pause = FIRST_PAUSE_MS;; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
            try {
                return await revoker.revoke(id);
            }
            catch (err) {
                if (!mayPass(err) || ctx.clock.now() + pause >= giveUpAt)
                    throw err;
                ctx.log.warning(`revoking ${id} failed (${err instanceof Error ? err.message : String(err)}); trying again`);
                await ctx.clock.sleep(pause, own.signal);
            }
        }
    };
    // The issuer's own methods keep their `this`; only revoke is replaced.
    return Object.assign(Object.create(issuer), { revoke });
}

;// CONCATENATED MODULE: ./src/issuers/index.ts
/** Builds the issuer plugin the plan names, with clients sharing the run's context. */







const bearer = (token) => ({ authorization: `Bearer ${token}` });
/** The plan's issuer; its revoke retries transient failures within its own deadline (reliable-revoke.ts). */
function createIssuer(plan, ctx) {
    return withReliableRevoke(buildIssuer(plan, ctx), ctx, (own) => buildIssuer(plan, own));
}
function buildIssuer(plan, ctx) {
    const url = plan.issuer.url ?? '';
    const verifier = (secret) => (0,context/* makeClient */.yu)(ctx, plan.issuer.kind, url, bearer(secret));
    const admin = () => (0,context/* makeClient */.yu)(ctx, plan.issuer.kind, url, bearer(plan.issuer.credential ?? ''));
    switch (plan.issuer.kind) {
        case 'rack-gateway':
            return new RackGatewayIssuer(admin(), verifier);
        case 'http':
            return new HttpIssuer(admin(), verifier);
        case 'rwx':
            return new RwxIssuer(verifier);
        case 'hawzu':
            return new HawzuIssuer(verifier);
        case 'static':
            return new StaticIssuer();
    }
}

// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
;// CONCATENATED MODULE: ./src/shared/log.ts

function redactingLogger(inner, redactor) {
    return {
        info: (l) => inner.info((0,sanitize/* sanitize */.aj)(redactor.redact(l))),
        warning: (l) => inner.warning((0,sanitize/* sanitize */.aj)(redactor.redact(l))),
        error: (l) => inner.error((0,sanitize/* sanitize */.aj)(redactor.redact(l))),
    };
}
const silentLogger = { info: () => { }, warning: () => { }, error: () => { } };

// EXTERNAL MODULE: ./src/plan/plan.ts + 2 modules
var plan_plan = __webpack_require__(2829);
;// CONCATENATED MODULE: ./src/shared/redact.ts
function encodingsOf(secret) {
    return [
        secret,
        Buffer.from(secret, 'utf8').toString('base64'),
        Buffer.from(secret, 'utf8').toString('base64url'),
        encodeURIComponent(secret),
        JSON.stringify(secret).slice(1, -1),
        // A server (or a debug dump) may echo bytes as hex, in either case.
        Buffer.from(secret, 'utf8').toString('hex'),
        Buffer.from(secret, 'utf8').toString('hex').toUpperCase(),
    ];
}
class Redactor {
    sink;
    values = new Set();
    constructor(sink = () => { }) {
        this.sink = sink;
    }
    add(secret) {
        if (!secret)
            return;
        for (const v of encodingsOf(secret)) {
            // Very short fragments would blank out ordinary words; real secrets are long.
            if (v.length < 4 || this.values.has(v))
                continue;
            this.values.add(v);
            this.sink(v);
        }
    }
    redact(text) {
        let out = text;
        // Longest first, so an encoding that contains the raw secret is replaced whole.
        for (const v of [...this.values].sort((a, b) => b.length - a.length))
            out = out.split(v).join('***');
        return out;
    }
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./src/report/report.ts
var report = __webpack_require__(8850);
// EXTERNAL MODULE: ./src/plan/token-name.ts
var token_name = __webpack_require__(9780);
;// CONCATENATED MODULE: ./src/engine/lifecycle.ts
/**
 * The run, in phases: preflight every destination, list the rotation set, check whether rotation is
 * due, obtain the token (mint it, or take the given one), verify it, write it everywhere, then settle:
 * revoke what it replaces only when every destination certainly holds it. Each phase returns its
 * result or a `Stop`; the report is written in one place, at the end. Depends only on the Issuer and
 * Destination interfaces, so every platform plugs in the same way.
 */









/** Why the run ended early (or how it ended): the outcome and, when it failed, the reason. */
class Stop {
    outcome;
    error;
    constructor(outcome, error) {
        this.outcome = outcome;
        this.error = error;
    }
}
const EXPIRY_WARNING_DAYS = 14;
const EPHEMERAL_DEFAULT = { amount: 1, unit: 'h', text: '1h' };
const MINT_ATTEMPTS = 3;
/** More repository secrets of one org than this get the org-secret hint. */
const ORG_SECRET_HINT_AT = 20;
const REPO_SECRET = /^github:repo\/([^/]+)\/([^/?]+)$/;
const HELD = new Set(['created', 'updated']);
function secretOf(o) {
    return o.kind === 'minted' ? o.token.secret : o.secret;
}
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
/** What a destination holds, for the audit trail: a short SHA-256 prefix, never the value. */
function fingerprint(secret) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex').slice(0, 12)}`;
}
class Lifecycle {
    plan;
    deps;
    // What the run learned; `report()` turns it into the Report, once.
    rows = [];
    notes = [];
    revoked = [];
    kept = [];
    unconfirmed = [];
    previous = [];
    token;
    auditResult;
    newTokenRevoked;
    startedAt;
    constructor(plan, deps) {
        this.plan = plan;
        this.deps = deps;
        this.startedAt = this.now();
    }
    now() {
        return new Date(this.deps.ctx.clock.now());
    }
    get log() {
        return this.deps.ctx.log;
    }
    redact(text) {
        return this.deps.ctx.redactor.redact(text);
    }
    async execute() {
        let end;
        try {
            end = await this.phases();
        }
        catch (err) {
            end = new Stop('failed', `unexpected error: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        if (this.rows.length)
            this.log.info((0,report/* totalsLine */.sX)(this.rows));
        return this.report(end);
    }
    async phases() {
        const ready = await this.preflight();
        if (ready instanceof Stop)
            return ready;
        this.suggestOrgSecrets(ready);
        const previous = await this.listSet();
        if (previous instanceof Stop)
            return previous;
        this.previous = previous;
        if (this.plan.mode === 'audit')
            return this.audit(previous);
        const notDue = this.dueCheck(previous, ready);
        if (notDue)
            return notDue;
        if (this.plan.dryRun)
            return this.dryRun(ready, previous);
        if (this.plan.revokeFirst)
            await this.revokeLeaked(previous);
        const obtained = await this.obtain();
        if (obtained instanceof Stop)
            return obtained;
        const unusable = await this.verify(obtained, ready);
        if (unusable)
            return unusable;
        const since = this.now();
        const secret = secretOf(obtained);
        this.token = { ...this.token, fingerprint: fingerprint(secret) };
        this.rows = await this.writeAll(ready, secret, since);
        return this.settle(obtained, previous);
    }
    // Phase 1: preflight. Nothing is minted if any destination fails it.
    async preflight() {
        let built;
        try {
            built = await this.deps.buildDestinations();
        }
        catch (err) {
            return new Stop('failed', `preflight failed, nothing was minted or written: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        const tick = this.progress(built.destinations.length, 'preflight: checking', 'preflighted');
        const checks = await runPool(built.destinations, (0,context/* readConcurrency */.WC)(this.plan.concurrency), async (d) => {
            try {
                await d.preflight();
                // The real value when it is given; else a value of the issuer's format, so a rule like
                // GitLab's mask rule fails here, before anything is minted.
                const value = this.plan.issuer.token ?? this.deps.issuer.sample;
                if (value)
                    d.checkValue(value);
                return undefined;
            }
            catch (err) {
                return {
                    id: d.id,
                    name: d.secretName,
                    status: 'failed',
                    detail: `preflight: ${this.redact((0,errors/* errorMessage */.gJ)(err))}`,
                };
            }
            finally {
                tick();
            }
        });
        const failures = [...built.failures, ...checks.filter((c) => c !== undefined)];
        if (!failures.length)
            return built.destinations;
        const failedIds = new Set(failures.map((f) => f.id));
        this.rows = [
            ...failures,
            ...built.destinations
                .filter((d) => !failedIds.has(d.id))
                .map((d) => this.row(d, 'not written', 'preflight of another destination failed')),
        ];
        return new Stop('failed', `preflight failed for ${failures.length} destination(s): nothing was minted or written`);
    }
    /**
     * Seeding one secret into many repositories of an org costs two requests each; one org secret with
     * `visibility=selected` costs three in all. Said, never done: a repository secret of the same name
     * shadows the org secret, so switching is the user's call.
     */
    suggestOrgSecrets(ready) {
        const byOwner = new Map();
        for (const d of ready) {
            const m = REPO_SECRET.exec(d.id);
            if (!m)
                continue;
            const key = `${m[1]}\u0000${d.secretName}`;
            byOwner.set(key, [...(byOwner.get(key) ?? []), m[2]]);
        }
        for (const [key, repos] of byOwner) {
            if (repos.length <= ORG_SECRET_HINT_AT)
                continue;
            const [owner, name] = key.split('\u0000');
            const shown = repos.slice(0, 5).join(',');
            this.notes.push(`${repos.length} repositories of ${owner} get the same ${name}: one org secret would take 3 requests instead of ${repos.length * 2} - ` +
                `github:org/${owner}?visibility=selected&repos=${shown}${repos.length > 5 ? `,... (${repos.length - 5} more)` : ''}&name=${name} ` +
                `(or visibility=all). A repository secret of the same name shadows the org secret: delete those when switching. Nothing was changed for this.`);
        }
    }
    // Phase 2: the rotation set's tokens (those this prefix minted).
    async listSet() {
        const { issuer } = this.deps;
        if (this.plan.mode === 'distribute' || !issuer.can.list)
            return [];
        let listed;
        try {
            listed = await (0,token_name/* listRotationSet */.hA)(issuer, this.plan.spec.namePrefix);
        }
        catch (err) {
            return new Stop('failed', `issuer ${issuer.kind}: listing tokens failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        // Before anything is minted (a dry run too): a credential that could mint but not revoke would leave tokens behind.
        // An audit only reads: an auditor's read-only credential is enough.
        try {
            if (this.plan.mode !== 'audit')
                await issuer.checkCanManage?.();
        }
        catch (err) {
            return new Stop('failed', `issuer ${issuer.kind}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
        return listed;
    }
    // Phase 3: due? When the newest token is older than rotate-if-older-than, or expires within rotate-before-expiry.
    dueCheck(previous, ready) {
        const limit = this.plan.rotateIfOlderThan;
        if (!limit || !previous.length)
            return undefined;
        const newest = previous.reduce((a, b) => (Date.parse(a.createdAt) >= Date.parse(b.createdAt) ? a : b));
        const created = new Date(newest.createdAt);
        if (Number.isNaN(created.getTime()))
            return new Stop('failed', `issuer ${this.deps.issuer.kind}: token ${newest.name} has an unreadable created_at, so whether rotation is due is unknown`);
        const now = this.now();
        const before = this.plan.rotateBeforeExpiry;
        const expires = newest.expiresAt ? new Date(newest.expiresAt) : undefined;
        if (expires && !Number.isNaN(expires.getTime()) && (0,duration/* addDuration */.Gw)(now, before) >= expires) {
            this.notes.push(`rotating: newest token ${newest.name} expires ${newest.expiresAt}, within rotate-before-expiry ${before.text}`);
            return undefined;
        }
        const dueAt = (0,duration/* addDuration */.Gw)(created, limit);
        if (dueAt <= now)
            return undefined;
        this.notes.push(`newest token ${newest.name} was created ${newest.createdAt}; next rotation is due ${dueAt.toISOString()} (rotate-if-older-than ${limit.text}${expires ? `, or ${before.text} before it expires ${newest.expiresAt}` : ''})`);
        if (expires && (0,duration/* addDuration */.Gw)(dueAt, before) > expires)
            this.log.warning(`${newest.name} expires ${newest.expiresAt}, before the next rotation is due: lower rotate-if-older-than or raise token-expires-in`);
        this.rows = ready.map((d) => this.row(d, 'not written', 'not due'));
        return new Stop('not-due');
    }
    /** `audit`: the rotation set as the issuer lists it, and what deserves a look. Changes nothing. */
    audit(tokens) {
        const now = this.now();
        this.auditResult = reviewSet(tokens, now, {
            rotateIfOlderThan: this.plan.rotateIfOlderThan,
            rotateBeforeExpiry: this.plan.rotateBeforeExpiry,
            overlapGraceMs: this.deps.ctx.overlapGraceMs,
            expiryExpected: this.deps.issuer.can.expiry,
        });
        const n = this.auditResult.findings.length;
        if (n && this.plan.failOnFindings)
            return new Stop('failed', `audit: ${n} finding(s) in the rotation set ${this.plan.spec.namePrefix} (fail-on-findings)`);
        return new Stop('audited');
    }
    async dryRun(ready, previous) {
        const tick = this.progress(ready.length, 'dry run: planning', 'planned');
        const plans = await runPool(ready, (0,context/* readConcurrency */.WC)(this.plan.concurrency), async (d) => {
            try {
                return this.row(d, (await d.wouldWrite()) === 'created' ? 'would create' : 'would update');
            }
            catch (err) {
                return this.row(d, 'failed', this.redact((0,errors/* errorMessage */.gJ)(err)));
            }
            finally {
                tick();
            }
        });
        this.rows = plans.filter((p) => p !== undefined);
        if (this.plan.mode === 'rotate' && previous.length)
            this.notes.push(`would revoke ${previous.length} previous token(s)${this.plan.revokeFirst ? ' first, before minting' : ''}: ${previous.map((p) => p.id).join(', ')}`);
        if (this.rows.some((d) => d.status === 'failed'))
            return new Stop('failed', 'dry run: some destinations could not be planned');
        return new Stop('planned');
    }
    // Phase 4: obtain the token and mask it before anything else is logged.
    async obtain() {
        const { plan } = this;
        const { ctx, issuer } = this.deps;
        if (plan.mode === 'distribute') {
            ctx.redactor.add(plan.issuer.token);
            this.token = {};
            return { kind: 'given', secret: plan.issuer.token };
        }
        const expiry = plan.spec.expiry;
        if (expiry?.kind === 'never')
            this.log.warning('token-expires-in is never: the token stays valid until it is revoked; prefer a bounded lifetime');
        if (plan.spec.expiryDefaulted && expiry?.kind === 'in')
            this.notes.push(`token-expires-in was not set: the token expires in ${expiry.duration.text} (the bounded default; set token-expires-in to choose)`);
        const minted = await this.mint();
        if (minted instanceof Stop)
            return minted;
        ctx.redactor.add(minted.secret);
        this.token = { id: minted.id, name: minted.name, expiresAt: minted.expiresAt };
        this.log.info(`minted ${minted.name} (id ${minted.id})`);
        const obtained = { kind: 'minted', token: minted };
        try {
            this.deps.onMinted?.(minted);
        }
        catch (err) {
            await this.revokeNew(obtained, 'it could not be handed over');
            return new Stop('failed', `issuer ${issuer.kind}: the token was minted but could not be handed over (${(0,errors/* errorMessage */.gJ)(err)}), so it was not written anywhere${this.newTokenRevoked ? ' and was revoked' : ''}`);
        }
        return obtained;
    }
    /** `revoke-first` (a leaked token): the set's live tokens go before the replacement is minted. */
    async revokeLeaked(previous) {
        for (const p of previous) {
            try {
                await this.deps.issuer.revoke(p.id);
                this.revoked.push(p.id);
            }
            catch (err) {
                this.kept.push(p.id);
                this.notes.push(`revoke-first: revoking ${p.name} (${p.id}) failed: ${(0,errors/* errorMessage */.gJ)(err)}; it is still valid: revoke it by hand`);
            }
        }
        if (this.revoked.length)
            this.log.warning(`revoke-first: revoked ${this.revoked.join(', ')}; destinations hold a dead token until the replacement is written`);
    }
    /** The newest token of the set whose rights the issuer's list states: the one a rotation replaces. */
    replacedWithRights() {
        return [...this.previous].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).find((t) => t.rights);
    }
    /** The rights to mint: the inputs', or (a rotation without them) those of the newest token replaced. */
    rights() {
        const { spec } = this.plan;
        const newest = this.replacedWithRights();
        if (spec.copyRights) {
            if (!newest?.rights)
                return new Stop('failed', `token-role: no token of the set ${spec.namePrefix} states its rights, so there are none to copy: set token-role or token-permissions`);
            this.notes.push(`rights copied from ${newest.name}: ${describeRights(newest.rights)}`);
            return newest.rights;
        }
        return { role: spec.role, permissions: spec.permissions, projects: spec.projects };
    }
    /** Says when the new token's rights differ from those of the token it replaces (widening needs the explicit input). */
    compareRights(minted, given) {
        const replaced = this.replacedWithRights();
        const now = minted.rights ?? given;
        // A role and a permission list cannot be compared unless the issuer said what the role expanded to.
        if (!replaced?.rights ||
            kindOf(replaced.rights) !== kindOf(now) ||
            describeRights(replaced.rights) === describeRights(now))
            return;
        this.notes.push(`rights differ from the replaced token ${replaced.name}: ${describeRights(replaced.rights)} -> ${describeRights(now)} (as the inputs say)`);
    }
    /**
     * Mints, never blindly twice: a mint whose answer was lost may have made a token, so the set is
     * listed by that exact name and a token found there is kept and reported (see clearLostMint) before
     * the next attempt. Each attempt takes a new one-second name, so a name that clashes is never one
     * this run sent before: it is another run's (a re-run, a matrix sibling).
     */
    async mint() {
        const { plan } = this;
        const { issuer, ctx } = this.deps;
        const now = this.now();
        const expiry = plan.spec.expiry
            ? (0,duration/* expiryDate */.Sd)(plan.spec.expiry, now)
            : plan.mode === 'ephemeral' && issuer.can.expiry
                ? (0,duration/* addDuration */.Gw)(now, EPHEMERAL_DEFAULT)
                : undefined;
        const rights = this.rights();
        if (rights instanceof Stop)
            return rights;
        if (isAdmin(rights) && this.plan.targets.length)
            this.log.warning(`the new token has admin rights (${describeRights(rights)}) and goes to CI destinations: prefer the narrowest role (Rack Gateway: cicd)`);
        const spec = { ...rights, expiresAt: expiry?.toISOString() };
        let name = '';
        // Names already in the set belong to other runs: a lost answer for one of them was a clash, not ours.
        const taken = new Set(this.previous.map((p) => p.name));
        for (let attempt = 1; attempt <= MINT_ATTEMPTS; attempt++) {
            if (attempt > 1 || taken.has((0,token_name/* mintedName */.Jb)(plan.spec.namePrefix, this.now())))
                await ctx.clock.sleep(1000 - (ctx.clock.now() % 1000) + 5, ctx.signal);
            name = (0,token_name/* mintedName */.Jb)(plan.spec.namePrefix, this.now());
            try {
                const minted = await issuer.create({ ...spec, name });
                this.compareRights(minted, rights);
                return minted;
            }
            catch (err) {
                if (err instanceof errors/* OutcomeUnknownError */.Do) {
                    const cleared = await this.clearLostMint(name, taken);
                    if (cleared)
                        return cleared;
                    continue;
                }
                // Minted, but unusable: revoke what the answer names, else look the name up; never write it.
                if (err instanceof errors/* MintedTokenRejectedError */.DS || err instanceof errors/* UntrustedResponseError */.YV)
                    return this.refuseMinted(err, name, taken);
                const clash = err instanceof errors/* TokenActionError */.gk &&
                    (err.status === 400 || err.status === 409) &&
                    /already exists|taken/i.test(err.platformMessage ?? '');
                if (!clash)
                    return new Stop('failed', `issuer ${issuer.kind}: could not mint the token: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
        return new Stop('failed', `issuer ${issuer.kind}: could not mint the token after ${MINT_ATTEMPTS} attempts (last name tried: ${name})`);
    }
    /**
     * After a lost mint answer: looks the name up. A token found there is kept and reported, never
     * revoked: its value was shown only once, so it is of no use, but another run of the set minting in
     * the same second would have made a token of the same name, and revoking that one would strand the
     * destinations it writes. It is older than the next rotation's grace, which revokes it. Returns a
     * Stop when the set cannot even be listed to check.
     */
    async clearLostMint(name, taken) {
        const { issuer } = this.deps;
        let listed;
        try {
            listed = await issuer.list(this.plan.spec.namePrefix);
        }
        catch (err) {
            this.unconfirmed.push(name);
            this.notes.push(`a token named ${name} may have been minted (its answer was lost) and the set could not be listed to check: revoke it at the issuer if it exists`);
            return new Stop('failed', `issuer ${issuer.kind}: the mint's answer was lost and listing to check it failed (${(0,errors/* errorMessage */.gJ)(err)}); nothing was written`);
        }
        // A name listed before this mint was sent is another run's: the mint clashed with it.
        for (const t of listed.filter((x) => x.name === name && !taken.has(x.name))) {
            this.kept.push(t.id);
            this.notes.push(`${t.name} (id ${t.id}) exists, but the answer to the mint that asked for it was lost: it is kept (another run may have made it) and the next rotation revokes it`);
        }
        for (const t of listed)
            taken.add(t.name);
        return undefined;
    }
    /** The issuer answered a mint with a token that cannot be right, or an answer that cannot be read. */
    async refuseMinted(err, name, taken) {
        const id = err instanceof errors/* MintedTokenRejectedError */.DS ? err.minted.id : undefined;
        if (id) {
            try {
                await this.deps.issuer.revoke(id);
                this.revoked.push(id);
                return new Stop('failed', `could not mint a usable token: ${(0,errors/* errorMessage */.gJ)(err)}; the token was revoked`);
            }
            catch (revokeErr) {
                this.kept.push(id);
                return new Stop('failed', `could not mint a usable token: ${(0,errors/* errorMessage */.gJ)(err)}; revoking it failed (${(0,errors/* errorMessage */.gJ)(revokeErr)}): revoke ${id} by hand`);
            }
        }
        return ((await this.clearLostMint(name, taken)) ??
            new Stop('failed', `issuer ${this.deps.issuer.kind}: could not mint a usable token: the answer could not be used (${(0,errors/* errorMessage */.gJ)(err)}); nothing was written`));
    }
    // Phase 5: verify with the issuer, then check the real value against each destination's rules.
    async verify(obtained, ready) {
        const { issuer } = this.deps;
        const secret = secretOf(obtained);
        try {
            const identity = await issuer.verify(secret);
            const t = (this.token ??= {});
            t.verifiedAs = identity.subject;
            t.expiresAt ??= identity.expiresAt;
            this.warnIfExpiringSoon(t.expiresAt);
            const orgWide = this.plan.targets.filter((x) => (x.platform === 'github' && (x.kind === 'org' || x.kind === 'repos')) ||
                (x.platform === 'circleci' && x.kind === 'context') ||
                (x.platform === 'gitlab' && x.kind === 'group'));
            if (identity.personal && orgWide.length) {
                const note = `the token is a personal access token and goes to org-wide destinations (${orgWide.map((x) => x.id).join(', ')}): it stops working when its owner leaves; prefer an organization access token`;
                this.notes.push(note);
                this.log.warning(note);
            }
        }
        catch (err) {
            await this.revokeNew(obtained, 'it did not verify');
            return new Stop('failed', `issuer ${issuer.kind}: the token did not verify, so it was not written anywhere: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
            return undefined;
        await this.revokeNew(obtained, "its value breaks a destination's rule");
        return new Stop('failed', `the token value breaks a destination's rule, so it was not written anywhere: ${problems.join('; ')}`);
    }
    warnIfExpiringSoon(expiresAt) {
        if (!expiresAt)
            return;
        const days = (Date.parse(expiresAt) - this.now().getTime()) / 86_400_000;
        if (days < EXPIRY_WARNING_DAYS) {
            const note = `the token expires ${expiresAt} (in ${Math.max(0, days).toFixed(1)} days)`;
            this.notes.push(note);
            if (this.plan.mode !== 'ephemeral')
                this.log.warning(note);
        }
    }
    // Phase 6: write everywhere; a write whose answer was lost is confirmed where the platform allows.
    async writeAll(destinations, secret, since) {
        const { ctx } = this.deps;
        const tick = this.progress(destinations.length, 'writing to', 'written');
        const results = await runPool(destinations, this.plan.concurrency, async (d) => {
            const entry = await this.writeOne(d, secret, since);
            tick();
            return entry;
        }, ctx.signal);
        return destinations.map((d, i) => results[i] ?? this.row(d, 'not written', `${this.stopReason()} before this write started`));
    }
    /** Over 20 destinations: a line when the phase starts, then `progress: N/M destinations <done>` about every 10%. */
    progress(total, start, done) {
        const step = total > 20 ? Math.ceil(total / 10) : 0;
        if (step)
            this.log.info(`${start} ${total} destinations`);
        let finished = 0;
        return () => {
            finished++;
            if (step && (finished % step === 0 || finished === total))
                this.log.info(`progress: ${finished}/${total} destinations ${done}`);
        };
    }
    stopReason() {
        const reason = this.deps.ctx.signal?.reason;
        return reason instanceof Error && reason.message ? reason.message : 'cancelled';
    }
    async writeOne(d, secret, since) {
        try {
            const out = await d.write(secret);
            return { ...this.row(d, out.result), changes: out.changes, holds: this.token?.fingerprint };
        }
        catch (err) {
            const why = this.redact((0,errors/* errorMessage */.gJ)(err));
            if (err instanceof errors/* OutcomeUnknownError */.Do)
                return this.resolveUnknown(d, secret, since, why);
            const stopped = this.deps.ctx.signal?.aborted && !(err instanceof errors/* TokenActionError */.gk && err.status);
            return stopped ? this.row(d, 'not written', this.stopReason()) : this.row(d, 'failed', why);
        }
    }
    async resolveUnknown(d, secret, since, why) {
        const holds = await d.confirm(secret, since).catch(() => undefined);
        if (holds === true)
            return {
                ...this.row(d, 'updated', `the write's answer was lost (${why}); reading the destination back shows it landed`),
                holds: this.token?.fingerprint,
            };
        if (holds === false)
            return this.row(d, 'failed', `${why}; reading the destination back shows the write did not land`);
        return this.row(d, 'unknown', `${why}; the destination could not confirm whether it holds the new token, so it may`);
    }
    // Phase 7: revoke only when every destination certainly holds the new token.
    async settle(obtained, previous) {
        const held = this.rows.filter((r) => HELD.has(r.status)).length;
        const unknown = this.rows.filter((r) => r.status === 'unknown').length;
        const missed = this.rows.length - held - unknown;
        if (this.plan.revokeFirst)
            for (const r of this.rows)
                if (!HELD.has(r.status))
                    r.detail = `${r.detail ?? r.status}; it may still hold a revoked token (revoke-first): fix it and write it by hand or re-run`;
        if (!unknown && !missed) {
            const remaining = previous.filter((p) => !this.revoked.includes(p.id));
            const stillValid = this.plan.mode === 'rotate' ? await this.revokePrevious(remaining, obtained) : [];
            if (stillValid.length)
                return new Stop('failed', `every destination holds the new token, but revoking ${stillValid.join(', ')} failed: they are still valid. Re-run to finish.`);
            this.distributeNotes();
            return new Stop(this.plan.mode === 'rotate' ? 'rotated' : this.plan.mode === 'distribute' ? 'distributed' : 'created');
        }
        let newToken = '';
        if (obtained.kind === 'minted') {
            if (!held && !unknown) {
                await this.revokeNew(obtained, 'it certainly reached no destination');
                newToken = this.newTokenRevoked ? ' and the new token, which certainly reached no destination, was revoked' : '';
            }
            else {
                newToken = `; the new token ${obtained.token.id} stays valid: ${held} destination(s) hold it${unknown ? ` and ${unknown} may` : ''}`;
            }
        }
        const cause = this.deps.ctx.signal?.aborted
            ? `the run stopped (${this.stopReason()})`
            : [
                missed && `${missed} of ${this.rows.length} destinations failed`,
                unknown && `${unknown} may or may not hold the new token (answer lost)`,
            ]
                .filter(Boolean)
                .join(' and ');
        return new Stop('failed', `${cause}; no previous token was revoked${newToken}. Re-run to converge.`);
    }
    /** Revokes the new token, which no destination holds. */
    async revokeNew(obtained, why) {
        if (obtained.kind !== 'minted')
            return;
        const { token } = obtained;
        try {
            await this.deps.issuer.revoke(token.id);
            this.newTokenRevoked = true;
        }
        catch (err) {
            this.kept.push(token.id);
            this.notes.push(`the new token ${token.name} (id ${token.id}) was not written because ${why}, but revoking it failed: ${(0,errors/* errorMessage */.gJ)(err)}; revoke it by hand`);
        }
    }
    /**
     * Revokes the set's older tokens; returns the ids that could not be revoked. A token minted within
     * the overlap grace is kept: the run that minted it may still be writing it (runs stop sending
     * requests at their deadline, so an older token's run has ended). The next rotation revokes it.
     */
    async revokePrevious(previous, obtained) {
        const failed = [];
        const { overlapGraceMs } = this.deps.ctx;
        for (const p of previous) {
            if (obtained.kind === 'minted' && p.id === obtained.token.id)
                continue; // never the token just distributed
            const age = this.now().getTime() - Date.parse(p.createdAt);
            if (!(age >= overlapGraceMs)) {
                this.kept.push(p.id);
                const minutes = Math.round(overlapGraceMs / 60_000);
                this.notes.push(Number.isNaN(age)
                    ? `${p.name} (${p.id}) was kept: its creation time is unreadable`
                    : `${p.name} (${p.id}) was kept: it is younger than the ${minutes}-minute overlap grace, so another run may still be writing it; the next rotation revokes it`);
                continue;
            }
            try {
                await this.deps.issuer.revoke(p.id);
                this.revoked.push(p.id);
            }
            catch (err) {
                failed.push(p.id);
                this.kept.push(p.id);
                this.notes.push(`revoking ${p.name} (${p.id}) failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }
        return failed;
    }
    distributeNotes() {
        if (this.plan.mode !== 'distribute')
            return;
        this.notes.push(`every destination now holds the given token; revoke the token it replaced in ${(0,kinds/* issuerKind */.W8)(this.plan.issuer.kind).madeIn}`);
    }
    row(d, status, detail) {
        return detail === undefined
            ? { id: d.id, name: d.secretName, status }
            : { id: d.id, name: d.secretName, status, detail };
    }
    /** The one place the report is written. */
    report(end) {
        const s = this.deps.ctx.stats;
        return {
            outcome: end.outcome,
            mode: this.plan.mode,
            issuer: this.plan.issuer.kind,
            dryRun: this.plan.dryRun,
            ...(Object.keys(this.plan.origin).length ? { origin: this.plan.origin } : {}),
            ...(this.token ? { token: this.token } : {}),
            destinations: this.rows,
            revokedIds: this.revoked,
            // Whatever stopped the run, every token of the set it did not revoke is still valid.
            keptIds: [...new Set([...this.previous.map((p) => p.id), ...this.kept])].filter((id) => !this.revoked.includes(id)),
            ...(this.newTokenRevoked ? { newTokenRevoked: true } : {}),
            ...(this.unconfirmed.length ? { mayExist: this.unconfirmed } : {}),
            ...(this.auditResult ? { audit: this.auditResult } : {}),
            ...(end.error ? { error: this.redact(end.error) } : {}),
            notes: this.notes.map((n) => this.redact(n)),
            startedAt: this.startedAt.toISOString(),
            finishedAt: this.now().toISOString(),
            requests: { total: s.requests, retries: s.retries, rateLimited: s.rateLimited },
        };
    }
}
function execute(plan, deps) {
    return new Lifecycle(plan, deps).execute();
}

;// CONCATENATED MODULE: ./src/engine/run.ts
/** Shared by the Action and the CLI: plan -> issuer + destinations -> report. Front ends only adapt inputs and outputs. */











function newContext(plan, options) {
    const redactor = options.context?.redactor ?? new Redactor(options.mask);
    for (const s of (0,plan_plan.planSecrets)(plan))
        redactor.add(s);
    return {
        clock: clock/* systemClock */.m,
        githubBudget: { pointsPerWindow: 900, windowMs: 60_000 },
        stats: (0,context/* newStats */.CU)(),
        cleanups: [],
        concurrency: plan.concurrency,
        overlapGraceMs: context/* OVERLAP_GRACE_MS */.Qj,
        signal: withDeadline(options.signal),
        ...options.context,
        redactor,
        log: redactingLogger(options.log, redactor),
    };
}
function withDeadline(signal) {
    const deadline = AbortSignal.timeout(context/* RUN_DEADLINE_MS */.Yj);
    return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
async function runPlan(plan, options) {
    const ctx = newContext(plan, options);
    const issuer = createIssuer(plan, ctx);
    try {
        const report = await execute(plan, {
            issuer,
            ctx,
            buildDestinations: () => buildDestinations(plan, ctx),
            onMinted: options.onMinted,
        });
        return redactReport(report, (text) => ctx.redactor.redact(text));
    }
    finally {
        for (const cleanup of ctx.cleanups)
            await cleanup();
    }
}
/** Revokes one token by id (the ephemeral post step, and clean-up after cancellation). */
async function revokeToken(plan, id, options) {
    const ctx = newContext(plan, options);
    return createIssuer(plan, ctx).revoke(id);
}
/**
 * `token-action revoke --token-id ID`: revokes tokens by id. An id outside the rotation set is refused
 * unless `force` - a typo must not revoke a token some other system depends on.
 */
async function revokeByIds(plan, ids, force, options) {
    const ctx = newContext(plan, options);
    const issuer = createIssuer(plan, ctx);
    const inSet = new Set((await (0,token_name/* listRotationSet */.hA)(issuer, plan.spec.namePrefix)).map((t) => t.id));
    const outside = ids.filter((id) => !inSet.has(id));
    if (outside.length && !force)
        return { revoked: [], gone: [], outside, failed: [] };
    const revoked = [];
    const gone = [];
    const failed = [];
    for (const id of ids) {
        try {
            if ((await issuer.revoke(id)) === 'revoked')
                revoked.push(id);
            else
                gone.push(id);
        }
        catch (err) {
            failed.push(id);
            ctx.log.error(`revoking ${id} failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return { revoked, gone, outside, failed };
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


/***/ }),

/***/ 1575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/**
 * Pending sleeps share one abort listener per signal. Paced requests sleep concurrently on the run's
 * one signal (up to 100 reads at once); a listener each would pass Node's limit of 10 and print
 * MaxListenersExceededWarning. A sleep leaves the set when its timer fires.
 */
const sleepers = new WeakMap();
function onAbort(signal, callback) {
    let pending = sleepers.get(signal);
    if (!pending) {
        const set = new Set();
        pending = set;
        sleepers.set(signal, set);
        signal.addEventListener('abort', () => {
            sleepers.delete(signal);
            for (const wake of set)
                wake();
        }, { once: true });
    }
    pending.add(callback);
    return () => pending.delete(callback);
}
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const t = setTimeout(() => {
            forget?.();
            resolve();
        }, Math.max(0, ms));
        const forget = signal
            ? onAbort(signal, () => {
                clearTimeout(t);
                reject(signal.reason);
            })
            : undefined;
    }),
};


/***/ }),

/***/ 4840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dr: () => (/* binding */ CLEANUP_DEADLINE_MS),
  Qj: () => (/* binding */ OVERLAP_GRACE_MS),
  Yj: () => (/* binding */ RUN_DEADLINE_MS),
  ib: () => (/* binding */ cleanupContext),
  yu: () => (/* binding */ makeClient),
  CU: () => (/* binding */ newStats),
  WC: () => (/* binding */ readConcurrency)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/transport/clock.ts
var clock = __webpack_require__(1575);
;// CONCATENATED MODULE: ./src/transport/rate-limit.ts
function header(meta, name) {
    const v = meta.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/** True for 429 and for GitHub's 403 "rate limit" answers (primary and secondary). */
function isRateLimited(meta) {
    if (meta.status === 429)
        return true;
    if (meta.status !== 403)
        return false;
    return header(meta, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(meta.message);
}
/** GitHub's primary limit ran out (nothing remaining, no `retry-after`): the wait is for the quota's reset. */
function quotaUsedUp(meta) {
    return (header(meta, 'x-ratelimit-remaining') === '0' &&
        header(meta, 'retry-after') === undefined &&
        header(meta, 'x-ratelimit-reset') !== undefined);
}
/**
 * Milliseconds to wait before retrying a rate-limited request: `retry-after` (seconds or HTTP
 * date), then `x-ratelimit-reset` (epoch seconds) when nothing is left, then `RateLimit-Reset`
 * (GitLab: epoch seconds; IETF draft: delta seconds), else GitHub's rule of at least a minute.
 */
function rateLimitWaitMs(meta, now, fallbackMs = 60_000) {
    const retryAfter = header(meta, 'retry-after');
    if (retryAfter !== undefined) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds))
            return Math.max(0, seconds * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    const reset = header(meta, 'x-ratelimit-reset');
    if (reset !== undefined && header(meta, 'x-ratelimit-remaining') === '0' && Number.isFinite(Number(reset))) {
        return Math.max(0, Number(reset) * 1000 - now);
    }
    const rlReset = resetAt(header(meta, 'ratelimit-reset'), now);
    if (rlReset !== undefined)
        return Math.max(0, rlReset - now);
    return fallbackMs;
}
/** `RateLimit-Reset` is epoch seconds on GitLab and delta seconds in the IETF draft; tell them apart by size. */
function resetAt(value, now) {
    if (value === undefined || !Number.isFinite(Number(value)))
        return undefined;
    const n = Number(value);
    return n > 1e9 ? n * 1000 : now + n * 1000;
}
/**
 * The request quota a response reports: GitHub's `x-ratelimit-remaining` / `x-ratelimit-reset`
 * (5,000 an hour per user), or `RateLimit-Remaining` / `RateLimit-Reset` (GitLab).
 */
function requestQuota(meta, now) {
    for (const prefix of ['x-ratelimit-', 'ratelimit-']) {
        const remaining = Number(header(meta, `${prefix}remaining`) ?? NaN);
        const reset = prefix === 'x-ratelimit-'
            ? Number(header(meta, 'x-ratelimit-reset') ?? NaN) * 1000
            : resetAt(header(meta, 'ratelimit-reset'), now);
        if (Number.isFinite(remaining) && reset !== undefined && Number.isFinite(reset))
            return { remaining, resetAt: reset };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/transport/scheduler.ts
var transport_scheduler = __webpack_require__(4412);
// EXTERNAL MODULE: ./src/transport/url.ts
var url = __webpack_require__(800);
;// CONCATENATED MODULE: ./src/transport/client.ts
/**
 * The one HTTP client every platform goes through (undici): base URL, auth headers, JSON,
 * timeouts, bounded retries for 5xx and network errors, rate-limit waits that follow what the
 * server says (up to a ceiling), and typed errors carrying the platform's own message with every
 * known secret redacted.
 */






// The quota ceiling allows a minute over the hour for clock skew between us and the server.
const DEFAULT_RETRY = {
    maxRetries: 3,
    baseDelayMs: 600,
    maxRateLimitWaitMs: 15 * 60_000,
    maxQuotaWaitMs: 61 * 60_000,
};
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 500;
/** JSON media types: application/json, application/vnd.github+json, application/problem+json. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json(?:\s*;|$)/i;
function fullMessage(body) {
    if (typeof body === 'string')
        return body;
    if (body && typeof body === 'object') {
        const b = body;
        const picked = b.message ?? b.error_description ?? b.error;
        if (typeof picked === 'string')
            return picked;
        if (picked && typeof picked === 'object') {
            if (typeof picked.message === 'string')
                return picked.message;
            return Object.entries(picked)
                .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : JSON.stringify(v)}`)
                .join('; ');
        }
        return JSON.stringify(body);
    }
    return '';
}
/**
 * Pulls the human message out of the platforms' error bodies ({message}, {error}, GitLab's nested
 * objects): the whole message is redacted first and only then cut, so a cut never leaves part of a
 * secret behind.
 */
function platformMessage(body, redact = (t) => t) {
    const said = redact(fullMessage(body));
    return said.length > MAX_MESSAGE_CHARS ? `${said.slice(0, MAX_MESSAGE_CHARS)}...` : said;
}
/** Reads a body up to `max` bytes: refused by content-length first, else aborted once the stream passes the cap. */
async function readCapped(platform, res, max) {
    const declared = Number(res.headers['content-length']);
    const tooLarge = () => new errors/* UntrustedResponseError */.YV(`${platform}: the response is larger than ${max} bytes; refusing to read it`, platform, res.statusCode);
    if (Number.isFinite(declared) && declared > max) {
        res.body.destroy();
        throw tooLarge();
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of res.body) {
        size += chunk.length;
        if (size > max) {
            res.body.destroy();
            throw tooLarge();
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
class HttpClient {
    options;
    platform;
    clock;
    retry;
    scheduler;
    constructor(options) {
        this.options = options;
        this.platform = options.platform;
        this.clock = options.clock ?? clock/* systemClock */.m;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.scheduler = options.scheduler ?? new transport_scheduler/* RequestScheduler */.Jx({ concurrency: 8, clock: this.clock });
    }
    get(path, opts = {}) {
        return this.request('GET', path, opts);
    }
    async request(method, path, opts = {}) {
        const url = this.url(path, opts.query);
        const where = `${method} ${this.options.redactor.redact(url.pathname)}`;
        // Set once an attempt of a write may have reached the server: from then on a failure is unknown, not failed.
        const state = { sentUnanswered: false };
        try {
            return await this.attempt(method, url, where, opts, state);
        }
        catch (err) {
            if (!state.sentUnanswered || err instanceof errors/* OutcomeUnknownError */.Do)
                throw err;
            const e = err instanceof errors/* TokenActionError */.gk ? err : undefined;
            throw new errors/* OutcomeUnknownError */.Do(`${e?.message ?? `${this.platform}: ${where}: stopped (${(0,errors/* errorMessage */.gJ)(err)})`} (it may have been applied: an answer was lost)`, this.platform, e?.status, e?.platformMessage);
        }
    }
    async attempt(method, url, where, opts, state) {
        let failures = 0;
        let rateLimitedMs = 0;
        const write = method !== 'GET' && method !== 'HEAD';
        const idempotent = opts.idempotent ?? method !== 'POST';
        for (;;) {
            this.options.signal?.throwIfAborted();
            let meta;
            try {
                meta = await this.scheduler.run(method, () => this.send(method, url, opts.body), {
                    signal: this.options.signal,
                    quotaOf: (m) => requestQuota(m, this.clock.now()),
                    maxWaitMs: this.retry.maxQuotaWaitMs,
                    onQuotaWait: (waitMs) => this.options.onEvent?.({ type: 'rate-limited', waitMs, status: 0 }),
                    limitedOf: (m) => isRateLimited(m) && !quotaUsedUp(m),
                });
            }
            catch (err) {
                if (this.options.signal?.aborted)
                    throw err;
                if (err instanceof errors/* UntrustedResponseError */.YV)
                    throw err;
                if (err instanceof transport_scheduler/* QuotaExhaustedError */.m8) {
                    const wait = Math.ceil((err.resetAt - this.clock.now()) / 1000);
                    throw new errors/* RateLimitError */.OE(`${this.platform}: ${where}: the request quota is used up until ${new Date(err.resetAt).toISOString()}; waiting ${wait} s is more than the ${Math.round(this.retry.maxQuotaWaitMs / 1000)} s limit`, this.platform);
                }
                const maybeSent = mayHaveReachedServer(err);
                const said = this.options.redactor.redact(describeNetworkError(err));
                if (write && maybeSent) {
                    state.sentUnanswered = true;
                    if (!idempotent)
                        throw new errors/* OutcomeUnknownError */.Do(`${this.platform}: ${where}: the answer was lost (${said}); not retried, since sending it again could apply it twice`, this.platform);
                }
                if (++failures > this.retry.maxRetries) {
                    throw new errors/* NetworkError */.Dr(`${this.platform}: ${where} failed: ${said} (gave up after ${failures} attempts)`, this.platform);
                }
                await this.backoff(failures, 0);
                continue;
            }
            if (meta.status < 300)
                return { status: meta.status, data: this.checkJson(meta, where), headers: meta.headers };
            if (isRateLimited(meta)) {
                const wait = rateLimitWaitMs(meta, this.clock.now());
                const quota = quotaUsedUp(meta);
                // Quota resets are checked one by one; other waits add up, so endless throttling ends.
                if (!quota)
                    rateLimitedMs += wait;
                const limit = quota ? this.retry.maxQuotaWaitMs : this.retry.maxRateLimitWaitMs;
                if (wait > limit || rateLimitedMs > limit) {
                    throw this.error(meta, where, errors/* RateLimitError */.OE, `rate limited; the server asked to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.round(limit / 1000)} s limit`);
                }
                this.options.onEvent?.({ type: 'rate-limited', waitMs: wait, status: meta.status });
                this.scheduler.pauseUntil(this.clock.now() + wait);
                continue;
            }
            if (RETRYABLE_STATUS.has(meta.status)) {
                // A 5xx may come from a proxy after the origin applied the request.
                if (write)
                    state.sentUnanswered = true;
                if (write && !idempotent)
                    throw this.toError(meta, where);
                if (++failures <= this.retry.maxRetries) {
                    await this.backoff(failures, meta.status);
                    continue;
                }
            }
            throw this.toError(meta, where);
        }
    }
    /** Same origin and under the base path only; `path` may be a server-supplied absolute URL (checked, never trusted). */
    url(path, query) {
        return (0,url/* resolveUrl */.O2)(this.platform, this.options.baseUrl, path, query);
    }
    /** A 2xx answer the lifecycle acts on must be JSON: an HTML login page or captive portal is not "no data". */
    checkJson(meta, where) {
        if (meta.body === undefined)
            return undefined;
        if (meta.invalidJson)
            throw new errors/* UntrustedResponseError */.YV(`${this.platform}: ${where} -> ${meta.status}: the answer is not valid JSON`, this.platform, meta.status);
        if (!meta.json) {
            const type = String(meta.headers['content-type'] ?? 'no content type');
            throw new errors/* UntrustedResponseError */.YV(`${this.platform}: ${where} -> ${meta.status}: the answer is ${type}, not JSON (a login page, a proxy or captive portal, or a wrong base URL?)`, this.platform, meta.status);
        }
        return meta.body;
    }
    async send(method, url, body) {
        const timeout = this.options.timeoutMs ?? 30_000;
        this.options.onRequest?.();
        // A timer cleared when the answer is read, not AbortSignal.timeout: that one keeps its signal and
        // timer alive for the whole timeout after the request ended (thousands at once in a big fan-out).
        // Still a signal rather than undici's headersTimeout: its timers tick once a second, too coarse
        // for short timeouts.
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeout);
        let res;
        let text;
        try {
            res = await (0,undici/* request */.Em)(url, {
                method: method,
                headers: {
                    accept: 'application/json',
                    'user-agent': 'token-action',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                    ...this.options.headers,
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: controller.signal,
                dispatcher: this.options.dispatcher ?? envProxyDispatcher(),
            });
            text = await readCapped(this.platform, res, this.options.maxBodyBytes ?? MAX_BODY_BYTES);
        }
        finally {
            clearTimeout(timer);
        }
        const json = JSON_TYPE.test(String(res.headers['content-type'] ?? ''));
        let parsed = text;
        let invalidJson = false;
        if (text && json) {
            try {
                parsed = JSON.parse(text);
            }
            catch {
                parsed = text;
                invalidJson = true;
            }
        }
        else if (!text)
            parsed = undefined;
        // Redact the whole body before anything is cut from it (then again after JSON decoding, which can un-escape a secret).
        const redact = (t) => this.options.redactor.redact(t);
        const message = res.statusCode >= 300 ? platformMessage(typeof parsed === 'string' ? redact(parsed) : parsed, redact) : '';
        return { status: res.statusCode, headers: res.headers, body: parsed, json, invalidJson, message };
    }
    async backoff(attempt, status) {
        // Exponential with full jitter: 0.6 s, 1.2 s, 2.4 s caps keep three retries within ~10 s.
        const cap = this.retry.baseDelayMs * 2 ** (attempt - 1);
        const wait = cap / 2 + Math.random() * (cap / 2);
        this.options.onEvent?.({ type: 'retry', waitMs: wait, status });
        await this.clock.sleep(wait, this.options.signal);
    }
    error(meta, where, Kind, summary) {
        const said = this.options.redactor.redact(meta.message);
        return new Kind(`${this.platform}: ${where} -> ${meta.status}${said ? ` "${said}"` : ''}: ${summary}`, this.platform, meta.status, said);
    }
    toError(meta, where) {
        if (meta.status === 401)
            return this.error(meta, where, errors/* AuthError */.lR, 'the credential was rejected');
        if (meta.status === 403)
            return this.error(meta, where, errors/* AuthError */.lR, 'the credential lacks permission');
        if (meta.status === 404)
            return this.error(meta, where, errors/* NotFoundError */.m_, 'not found (or no access)');
        return this.error(meta, where, errors/* ApiError */.hD, 'request failed');
    }
}
/** Failures before a request could leave (refused, no such host, bad certificate) certainly did not apply it. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
function mayHaveReachedServer(err) {
    const code = err?.code ?? err?.cause?.code;
    return !(code && NOT_SENT.has(code));
}
/**
 * The dispatcher of every request nobody injected one for: HTTPS_PROXY / HTTP_PROXY / NO_PROXY in
 * either case (lower case first, as curl), on Node 20 and 24 alike - undici reads none of them by
 * itself. https goes through the proxy with CONNECT; plain http (loopback only) in absolute form.
 * One per proxy setting (NO_PROXY is read at each request), so connections are pooled across clients.
 */
let envProxy;
function envProxyDispatcher() {
    const env = process.env;
    const key = [env.http_proxy, env.HTTP_PROXY, env.https_proxy, env.HTTPS_PROXY].join('\n');
    if (envProxy?.key !== key)
        envProxy = { key, dispatcher: new undici/* EnvHttpProxyAgent */.J2({ proxyTunnel: false }) };
    return envProxy.dispatcher;
}
function describeNetworkError(err) {
    if (err instanceof Error) {
        const code = err.code;
        return code ? `${code}: ${err.message}` : err.message;
    }
    return String(err);
}

;// CONCATENATED MODULE: ./src/transport/context.ts


/**
 * A run sends no request later than this after it starts (its signal aborts), so a token older than
 * the deadline plus one request timeout cannot still be on its way to a destination. Six hours is
 * also the longest a GitHub-hosted job may run.
 */
const RUN_DEADLINE_MS = 6 * 3_600_000;
const OVERLAP_GRACE_MS = RUN_DEADLINE_MS + 15 * 60_000;
/**
 * Clean-ups (revoking a token the run made and must not leave valid, a GitHub App installation token)
 * still run after SIGINT/SIGTERM cancelled the run, and a second signal does not stop them: they get
 * their own deadline instead of the run's signal. CI systems kill a cancelled job after a grace of
 * about 10 s (GitHub 7.5 s after SIGINT); a retried revoke may use up to this long when it is allowed.
 */
const CLEANUP_DEADLINE_MS = 30_000;
/** The run's context for one clean-up: the same redaction, clock and transport, a fresh deadline, no cancellation. */
function cleanupContext(ctx) {
    return { ...ctx, signal: AbortSignal.timeout(ctx.cleanupDeadlineMs ?? CLEANUP_DEADLINE_MS) };
}
/**
 * Preflight only reads (1 point each on GitHub) and is bounded by latency, not budget: it runs four
 * times as many requests at once as writes do, within GitHub's cap of 100 concurrent requests.
 * `concurrency: 1` asks for one request at a time, reads included.
 */
function readConcurrency(writeConcurrency) {
    return writeConcurrency === 1 ? 1 : Math.min(100, writeConcurrency * 4);
}
function newStats() {
    return { requests: 0, retries: 0, rateLimited: 0 };
}
/** Builds a platform client sharing the run's redaction, clock, cancellation and statistics. */
function makeClient(ctx, platform, baseUrl, headers, scheduler) {
    return new HttpClient({
        platform,
        baseUrl,
        headers,
        redactor: ctx.redactor,
        clock: ctx.clock,
        signal: ctx.signal,
        dispatcher: ctx.dispatcher,
        retry: ctx.retry,
        timeoutMs: ctx.timeoutMs,
        scheduler: scheduler ?? new transport_scheduler/* RequestScheduler */.Jx({ concurrency: readConcurrency(ctx.concurrency), clock: ctx.clock }),
        onEvent: (e) => {
            if (e.type === 'retry')
                ctx.stats.retries++;
            else
                ctx.stats.rateLimited++;
        },
        onRequest: () => ctx.stats.requests++,
    });
}


/***/ }),

/***/ 4412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jx: () => (/* binding */ RequestScheduler),
/* harmony export */   R1: () => (/* binding */ githubCost),
/* harmony export */   m8: () => (/* binding */ QuotaExhaustedError)
/* harmony export */ });
/* unused harmony exports BUDGET_SHARE, LEARNED_SHARE, WINDOW_MARGIN, CAUTION_BAND, MIN_EVIDENCE */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1575);
/**
 * One scheduler per platform and credential: bounds concurrent requests, paces them to a points
 * budget (GitHub: 900 points a minute, a read costs 1, a write 5), holds every request back while
 * the server has asked us to wait, and stops at the end of the server's request quota (GitHub's
 * 5,000 an hour) until it resets, instead of drawing rate-limit answers. Pacing is even rather than
 * bursty, so the rolling window the server measures never overflows and the run still finishes as
 * fast as the budget allows.
 *
 * Servers also limit what they do not publish (GitHub: content-creating requests, ~80 a minute, and
 * secondary limits tightened without notice). With `learnWrites` (GitHub's scheduler), it learns from the first
 * limited write: the writes the server accepted in the window before it are what it allows, so for
 * the rest of the run no window holds more than 95% of that many writes (on top of the points
 * pacing, which keeps spacing them), probing upward slowly while no limit comes back. Near the
 * documented figure (GitHub: 80 a minute), until the server is seen to accept more, writes go one at
 * a time, so a limit there refuses one write rather than every write in flight. Writes sent before
 * it learned are not evidence twice: their limited answers only pause.
 */

/** The quota is used up and resets later than the request is willing to wait. */
class QuotaExhaustedError extends Error {
    resetAt;
    constructor(resetAt) {
        super(`request quota used up until ${new Date(resetAt).toISOString()}`);
        this.resetAt = resetAt;
    }
}
/**
 * Pace to this share of the budget: the server counts arrivals, which jitter around our send times,
 * so running at exactly 100% would trip the limit now and then. 3% is 27 points a minute: about
 * 1.8 s of arrivals bunched at once on GitHub's real minute (0.03 s in the bench's 60x scaled one,
 * where 5% had been kept before; the bench at 1,000 destinations draws no limit at 97%).
 */
const BUDGET_SHARE = 0.97;
/** After a limit, a window holds at most this share of the writes the server accepted in the window before it. */
const LEARNED_SHARE = 0.95;
/** The learned window is mirrored this much longer than the server's (2%: 1.2 s of GitHub's minute). */
const WINDOW_MARGIN = 0.02;
/** Writes go one at a time from this many below the documented write figure until the server accepts more than it. */
const CAUTION_BAND = 1;
/** Fewer accepted writes than this in the window say nothing about a per-window write limit. */
const MIN_EVIDENCE = 4;
const isWrite = (method) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
const githubCost = (method) => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 1 : 5;
class RequestScheduler {
    options;
    active = 0;
    waiting = [];
    nextSlot = 0;
    resumeAt = 0;
    /** Requests sent so far: a response's quota is corrected by those sent after it. */
    sent = 0;
    quota;
    clock;
    msPerPoint;
    windowMs;
    /** Writes sent in the last two windows, oldest first (only while learning is on). */
    writes = [];
    /** Writes a window allows, once a limited answer taught it; undefined until then. */
    writeCap;
    /** Writes sent up to this send number learn nothing new when limited: the server refused them on the same evidence. */
    learnedSeq = 0;
    learnings = 0;
    nextProbeAt = Infinity;
    pendingWrites = 0;
    answerWaiters = [];
    /** The server accepted more than the documented write figure in one window: no caution needed near it. */
    beyondExpected = false;
    constructor(options) {
        this.options = options;
        this.clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
        this.windowMs = options.windowMs ?? 60_000;
        this.msPerPoint = options.pointsPerWindow ? this.windowMs / (options.pointsPerWindow * BUDGET_SHARE) : 0;
    }
    /** The writes a window is paced to since a limited answer, or undefined while nothing was learned. */
    get learnedWritesPerWindow() {
        return this.writeCap;
    }
    /** Everyone waits until `at` (epoch ms): the server said so. */
    pauseUntil(at) {
        this.resumeAt = Math.max(this.resumeAt, at);
    }
    async run(method, fn, options = {}) {
        await this.acquire();
        try {
            const { seq, write } = await this.admit(method, options);
            let result;
            try {
                result = await fn();
            }
            finally {
                if (write)
                    this.settle(write);
            }
            this.observe(seq, options.quotaOf?.(result));
            if (write) {
                if (options.limitedOf?.(result))
                    this.limited(write);
                else
                    write.answer = 'accepted';
            }
            return result;
        }
        finally {
            this.release();
        }
    }
    /** Waits out pauses, the quota reset and the learned write window, then the request's paced slot. */
    async admit(method, options) {
        const learning = this.options.learnWrites === true && isWrite(method);
        let slot;
        for (;;) {
            const now = this.clock.now();
            const hold = Math.max(this.holdUntil(now, options), learning ? this.windowFullUntil(now) : 0);
            if (hold > now) {
                await this.clock.sleep(hold - now, options.signal);
                // The slot taken before the pause has passed: take a fresh one, or every held request
                // would go at once when the pause ends.
                slot = undefined;
                continue;
            }
            slot ??= this.reserve(method, now);
            if (slot > now) {
                await this.clock.sleep(slot - now, options.signal);
                continue; // a pause may have begun meanwhile
            }
            if (learning && this.pendingWrites > 0 && this.nearExpected(now)) {
                await new Promise((resolve) => this.answerWaiters.push(resolve));
                options.signal?.throwIfAborted(); // cancelled meanwhile: this write is not sent
                continue;
            }
            if (this.quota)
                this.quota.remaining--;
            if (!learning)
                return { seq: ++this.sent };
            const write = { at: now, seq: ++this.sent, answer: 'pending' };
            this.pendingWrites++;
            this.writes.push(write);
            while (this.writes.length && this.writes[0].at <= now - 2 * this.windowMs)
                this.writes.shift(); // two windows: the learned one and its margin
            return { seq: write.seq, write };
        }
    }
    holdUntil(now, options) {
        if (this.quota && now >= this.quota.resetAt)
            this.quota = undefined;
        if (this.quota && this.quota.remaining <= 0 && this.resumeAt < this.quota.resetAt) {
            const wait = this.quota.resetAt - now;
            if (wait > (options.maxWaitMs ?? Infinity))
                throw new QuotaExhaustedError(this.quota.resetAt);
            options.onQuotaWait?.(wait);
            this.pauseUntil(this.quota.resetAt);
        }
        return this.resumeAt;
    }
    /** A write's answer came (or its request failed): writers held near the expected figure try again. */
    settle(write) {
        if (write.answer !== 'pending')
            return;
        write.answer = 'unknown'; // until run() reads the answer, synchronously after this
        this.pendingWrites--;
        for (const wake of this.answerWaiters.splice(0))
            wake();
    }
    /** Whether the window nears the documented write figure while nothing is learned or known beyond it. */
    nearExpected(now) {
        const expected = this.options.expectedWritesPerWindow;
        if (!expected || this.writeCap !== undefined || this.beyondExpected)
            return false;
        const inWindow = this.writes.filter((w) => w.answer !== 'limited' && w.at > now - this.windowMs);
        if (inWindow.filter((w) => w.answer === 'accepted').length > expected) {
            this.beyondExpected = true;
            return false;
        }
        return inWindow.length >= expected - CAUTION_BAND;
    }
    /**
     * With a learned cap, a write waits while the last window already holds that many of our accepted
     * writes: the server's own sliding window, mirrored, with the margin of the learned share.
     */
    windowFullUntil(now) {
        if (this.writeCap === undefined)
            return 0;
        this.probe(now);
        // A little longer than the server's window: its clock counts arrivals, which lag our sends unevenly.
        const window = this.windowMs * (1 + WINDOW_MARGIN);
        const inWindow = this.writes.filter((w) => w.answer !== 'limited' && w.at > now - window);
        if (inWindow.length < this.writeCap)
            return 0;
        return inWindow[inWindow.length - this.writeCap].at + window;
    }
    /** Takes the next slot of the points budget: the budget is spent evenly, never in bursts. */
    reserve(method, now) {
        let start = now;
        if (this.msPerPoint) {
            const cost = (this.options.costOf ?? (() => 1))(method);
            start = Math.max(now, this.nextSlot);
            this.nextSlot = start + cost * this.msPerPoint;
        }
        return start;
    }
    /** A write was refused by a limit: the writes accepted in the window before it are what the server allows. */
    limited(write) {
        write.answer = 'limited';
        if (write.seq <= this.learnedSeq)
            return;
        // Answered and accepted, sent within the window before this one (a write sent after it says nothing).
        const accepted = this.writes.filter((w) => w.answer === 'accepted' && w.at > write.at - this.windowMs && w.seq < write.seq).length;
        if (accepted < MIN_EVIDENCE)
            return;
        const now = this.clock.now();
        this.writeCap = Math.max(1, Math.floor(accepted * LEARNED_SHARE));
        this.learnedSeq = this.sent;
        // Each limit after the first makes probing twice as patient: a run draws few limited answers.
        this.nextProbeAt = now + this.probeIntervalMs(++this.learnings);
        this.options.onLearn?.({ writesPerWindow: this.writeCap, acceptedInWindow: accepted });
    }
    probeIntervalMs(learnings) {
        return this.windowMs * 2 ** learnings;
    }
    /** After a quiet probe interval, allows a little more (1/40, at least one write a window). */
    probe(now) {
        if (this.writeCap === undefined || now < this.nextProbeAt)
            return;
        this.writeCap += Math.max(1, Math.floor(this.writeCap / 40));
        this.nextProbeAt = now + this.probeIntervalMs(this.learnings);
    }
    observe(seq, reported) {
        if (!reported)
            return;
        // Answers from a window that has already reset say nothing about the current one.
        if (this.quota && reported.resetAt < this.quota.resetAt)
            return;
        this.quota = { remaining: reported.remaining - (this.sent - seq), resetAt: reported.resetAt };
    }
    acquire() {
        if (this.active < this.options.concurrency) {
            this.active++;
            return Promise.resolve();
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}


/***/ })

};
