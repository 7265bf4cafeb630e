export const id = 502;
export const ids = [502];
export const modules = {

/***/ 9052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ OVERLAP_GRACE_MS),
/* harmony export */   Y: () => (/* binding */ RUN_DEADLINE_MS)
/* harmony export */ });
/** The engine's own settings: how much at once, and the safety policy for overlapping runs. */
/**
 * A run sends no request later than this after it starts (its signal aborts), so a token older than
 * the deadline plus one request timeout cannot still be on its way to a destination. Six hours is
 * also the longest a GitHub-hosted job may run.
 */
const RUN_DEADLINE_MS = 6 * 3_600_000;
const OVERLAP_GRACE_MS = RUN_DEADLINE_MS + 15 * 60_000;


/***/ }),

/***/ 247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ transportFor)
});

// EXTERNAL MODULE: ./src/plan/plan.ts + 4 modules
var plan_plan = __webpack_require__(246);
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

// EXTERNAL MODULE: ./src/transport/clock.ts
var clock = __webpack_require__(1575);
// EXTERNAL MODULE: ./src/transport/transport.ts + 4 modules
var transport = __webpack_require__(1159);
// EXTERNAL MODULE: ./src/engine/options.ts
var options = __webpack_require__(9052);
;// CONCATENATED MODULE: ./src/engine/transport-of.ts
/** The run's transport: masking every secret of the plan first, then a deadline on every request. */






function withDeadline(signal) {
    const deadline = AbortSignal.timeout(options/* RUN_DEADLINE_MS */.Y);
    return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
function transportFor(plan, options) {
    const o = options.context ?? {};
    const redactor = o.redactor ?? new Redactor(options.mask);
    for (const s of (0,plan_plan.planSecrets)(plan))
        redactor.add(s);
    return {
        redactor,
        log: redactingLogger(options.log, redactor),
        clock: o.clock ?? clock/* systemClock */.m,
        signal: o.signal ?? withDeadline(options.signal),
        dispatcher: o.dispatcher,
        retry: o.retry,
        timeoutMs: o.timeoutMs,
        stats: o.stats ?? (0,transport/* newStats */.CU)(),
        cleanupDeadlineMs: o.cleanupDeadlineMs,
        readConcurrency: (0,transport/* readConcurrency */.WC)(plan.concurrency),
    };
}


/***/ }),

/***/ 8588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ createIssuer)
});

// EXTERNAL MODULE: ./src/transport/transport.ts + 4 modules
var transport_transport = __webpack_require__(1159);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
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

// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
;// CONCATENATED MODULE: ./src/issuers/check.ts
/**
 * Shape checks for what issuers answer: the lifecycle decides on these answers (which tokens exist,
 * which to revoke, what to write everywhere), so an answer of another shape is an error, never
 * "no tokens" or an empty secret.
 */


/** Shortest token value we accept from any issuer: real tokens carry far more entropy. */
const MIN_TOKEN_LENGTH = 16;
function untrusted(kind, what) {
    return new errors/* UntrustedResponseError */.YV(`issuer ${kind}: ${what}`, kind);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * The id and name a mint answered. A missing or malformed id is an untrusted answer (the token may
 * exist under the asked name: the caller looks it up). A name other than the one asked for is a token
 * the run did not ask for: MintedTokenRejectedError, so it is revoked by its id and never written.
 */
function checkMintedIdentity(kind, answer, asked, idField) {
    if (typeof answer.id !== 'string' || !(0,sanitize/* isTokenId */.bI)(answer.id))
        throw untrusted(kind, `creating token ${asked} answered ${answer.id ? 'a malformed' : 'no'} ${idField}; the token may exist: look for ${asked} at the issuer`);
    const name = answer.name;
    if (name === undefined || name === null)
        return { id: answer.id, name: asked };
    if (name !== asked) {
        const named = typeof name === 'string' ? JSON.stringify(name.slice(0, 200)) : 'a non-string name';
        throw new errors/* MintedTokenRejectedError */.DS(`issuer ${kind}: the minted token (id ${answer.id}) is named ${named}, not ${asked} as asked; it was not written anywhere`, kind, { id: answer.id, name: asked });
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
    const reject = (why) => new errors/* MintedTokenRejectedError */.DS(`issuer ${kind}: the minted token ${which} ${why}; it was not written anywhere`.replace(/  +/g, ' '), kind, minted);
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
/**
 * A listed token: string id and name, and a created_at that is a real date (else its age, and so "due", is
 * unknown).
 */
function checkListedToken(kind, raw, fields) {
    if (!isObject(raw))
        throw untrusted(kind, 'the token list holds an entry that is not an object');
    const id = raw[fields.id];
    const name = raw.name;
    if (typeof id !== 'string' || !id)
        throw untrusted(kind, `a listed token has no string ${fields.id}`);
    if (!(0,sanitize/* isTokenId */.bI)(id))
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
        if (!isObject(d))
            throw untrusted(this.kind, `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} at the issuer`);
        const minted = checkMintedIdentity(this.kind, { id: d.id, name: d.name }, spec.name, 'id');
        const secret = checkMintedSecret(this.kind, d.token, minted);
        return { ...minted, secret, expiresAt: typeof d.expires_at === 'string' ? d.expires_at : undefined };
    }
    async list(namePrefix) {
        // Minted names are `<prefix>-<timestamp>`; the dash already leaves out `cia-...` at the source, and
        // the lifecycle keeps only names of exactly that shape.
        const res = await this.admin.get('/tokens', { query: { name_prefix: namePrefix } });
        const items = isObject(res.data) ? res.data.items : undefined;
        if (!Array.isArray(items))
            throw untrusted(this.kind, 'GET /tokens did not answer {items: [...]}');
        return items.map((t) => checkListedToken(this.kind, t, { id: 'id' }));
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
        const t = isObject(data) && isObject(data.api_token) ? data.api_token : {};
        if (!isObject(data))
            throw untrusted(this.kind, `creating token ${spec.name} answered no JSON object; the token may exist: look for ${spec.name} on the gateway`);
        const minted = checkMintedIdentity(this.kind, { id: t.public_id, name: t.name }, spec.name, 'api_token.public_id');
        const secret = checkMintedSecret(this.kind, data.token, minted, {
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
        const items = Array.isArray(data) ? data : isObject(data) ? (data.api_tokens ?? data.tokens) : undefined;
        if (!Array.isArray(items))
            throw untrusted(this.kind, 'GET /api/v1/api-tokens did not answer a token list (an array, or {api_tokens: [...]})');
        return items
            .map((t) => checkListedToken(this.kind, t, { id: 'public_id' }))
            .filter((t) => t.name.startsWith(namePrefix))
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
            const stated = isObject(res.data) ? res.data.user_permissions : undefined;
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
 * `issuer` with a revoke that retries within the clean-up deadline; `build(transport)` makes the issuer on
 * the clean-up transport each revoke uses (its own deadline, not the run's signal).
 */
function withReliableRevoke(issuer, transport, build) {
    const revoke = async (id) => {
        const own = (0,transport_transport/* cleanupTransport */.K2)(transport);
        const revoker = build(own);
        const giveUpAt = transport.clock.now() + (transport.cleanupDeadlineMs ?? transport_transport/* CLEANUP_DEADLINE_MS */.Dr);
        for (let pause = FIRST_PAUSE_MS;; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
            try {
                return await revoker.revoke(id);
            }
            catch (err) {
                if (!mayPass(err) || transport.clock.now() + pause >= giveUpAt)
                    throw err;
                transport.log.warning(`revoking ${id} failed (${err instanceof Error ? err.message : String(err)}); trying again`);
                await transport.clock.sleep(pause, own.signal);
            }
        }
    };
    // The issuer's own methods keep their `this`; only revoke is replaced.
    return Object.assign(Object.create(issuer), { revoke });
}

;// CONCATENATED MODULE: ./src/issuers/index.ts
/** Builds the issuer plugin of a kind, from its own settings and the run's transport. */







const bearer = (token) => ({ authorization: `Bearer ${token}` });
/** The issuer of a kind; its revoke retries transient failures within its own deadline (reliable-revoke.ts). */
function createIssuer(config, transport) {
    return withReliableRevoke(buildIssuer(config, transport), transport, (own) => buildIssuer(config, own));
}
function buildIssuer(config, transport) {
    const url = config.url ?? '';
    const verifier = (secret) => (0,transport_transport/* makeClient */.yu)(transport, config.kind, url, bearer(secret));
    const admin = () => (0,transport_transport/* makeClient */.yu)(transport, config.kind, url, bearer(config.credential ?? ''));
    switch (config.kind) {
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


/***/ }),

/***/ 1575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock),
/* harmony export */   w: () => (/* binding */ writtenSince)
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
/**
 * Where a value cannot be read back, a server's `updated_at` tells whether a write whose answer was
 * lost landed. The server's clock is not ours, so a minute either side counts as "since": reading a
 * landed write as failed could revoke a token a destination holds. The price is that another write
 * within that minute reads as ours; only a run of the same set writes there that close, and the
 * overlap grace keeps its token valid, so the destination holds a valid token either way.
 */
const CLOCK_SKEW_MS = 60_000;
function writtenSince(updatedAt, since) {
    const updated = Date.parse(String(updatedAt ?? ''));
    if (Number.isNaN(updated))
        return undefined;
    return updated >= since.getTime() - CLOCK_SKEW_MS;
}


/***/ }),

/***/ 4412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jx: () => (/* binding */ RequestScheduler),
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
    /**
     * Writes sent up to this send number learn nothing new when limited: the server refused them on the same
     * evidence.
     */
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
            // two windows: the learned one and its margin
            while (this.writes.length && this.writes[0].at <= now - 2 * this.windowMs)
                this.writes.shift();
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


/***/ }),

/***/ 1159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dr: () => (/* binding */ CLEANUP_DEADLINE_MS),
  K2: () => (/* binding */ cleanupTransport),
  yu: () => (/* binding */ makeClient),
  CU: () => (/* binding */ newStats),
  WC: () => (/* binding */ readConcurrency)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/transport/body.ts

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 500;
/**
 * JSON media types: application/json, application/vnd.github+json, application/problem+json, AWS's
 * application/x-amz-json-1.1.
 */
const JSON_TYPE = /^application\/(?:(?:[\w.-]+\+)?json|x-amz-json-1\.[01])(?:\s*;|$)/i;
function fullMessage(body) {
    if (typeof body === 'string')
        return body;
    if (body && typeof body === 'object') {
        const b = body;
        const picked = b.message ?? b.Message ?? b.error_description ?? b.error;
        // AWS JSON errors name their kind in __type (e.g. "ThrottlingException"), sometimes after a namespace.
        if (typeof b.__type === 'string')
            return `${b.__type.replace(/^.*#/, '')}${typeof picked === 'string' ? `: ${picked}` : ''}`;
        if (typeof picked === 'string')
            return picked;
        // Vault: {"errors": ["permission denied"]}.
        if (Array.isArray(b.errors) && b.errors.every((e) => typeof e === 'string'))
            return b.errors.join('; ');
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

;// CONCATENATED MODULE: ./src/transport/network.ts
/** What a network failure means: whether the request may have reached the server, and how to say it. */

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

// EXTERNAL MODULE: ./src/transport/clock.ts
var clock = __webpack_require__(1575);
;// CONCATENATED MODULE: ./src/transport/rate-limit.ts
function header(meta, name) {
    const v = meta.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/** AWS JSON protocols answer throttling with 400 and the error's kind (the client puts it first in the message). */
const AWS_THROTTLING = /^(ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded)\b/;
/** True for 429, GitHub's 403 "rate limit" answers (primary and secondary) and AWS's 400 throttling errors. */
function isRateLimited(meta) {
    if (meta.status === 429)
        return true;
    if (meta.status === 400)
        return AWS_THROTTLING.test(meta.message);
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
                meta = await this.scheduler.run(method, () => this.send(method, url, opts), {
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
                const wait = rateLimitWaitMs(meta, this.clock.now(), this.options.rateLimitFallbackMs);
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
    /**
     * Same origin and under the base path only; `path` may be a server-supplied absolute URL (checked, never
     * trusted).
     */
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
    async send(method, url, opts) {
        const body = opts.body;
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
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const headers = {
            accept: 'application/json',
            'user-agent': 'token-action',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...this.options.headers,
            ...opts.headers,
        };
        try {
            res = await (0,undici/* request */.Em)(url, {
                method: method,
                headers: { ...headers, ...this.options.sign?.({ method, url, headers, body: payload }) },
                body: payload,
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
        // Redact the whole body before anything is cut from it (then again after JSON decoding, which can un-escape
        // a secret).
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

;// CONCATENATED MODULE: ./src/transport/transport.ts


/**
 * Clean-ups (revoking a token the run made and must not leave valid, a GitHub App installation token)
 * still run after SIGINT/SIGTERM cancelled the run, and a second signal does not stop them: they get
 * their own deadline instead of the run's signal. CI systems kill a cancelled job after a grace of
 * about 10 s (GitHub 7.5 s after SIGINT); a retried revoke may use up to this long when it is allowed.
 */
const CLEANUP_DEADLINE_MS = 30_000;
/** The transport for one clean-up: the same redaction, clock and counters, a fresh deadline, no cancellation. */
function cleanupTransport(transport) {
    return { ...transport, signal: AbortSignal.timeout(transport.cleanupDeadlineMs ?? CLEANUP_DEADLINE_MS) };
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
/** A client for one platform and credential; `scheduler` when the platform paces its own requests. */
function makeClient(transport, platform, baseUrl, headers, scheduler, extra = {}) {
    const { stats } = transport;
    return new HttpClient({
        ...extra,
        platform,
        baseUrl,
        headers,
        redactor: transport.redactor,
        clock: transport.clock,
        signal: transport.signal,
        dispatcher: transport.dispatcher,
        retry: transport.retry,
        timeoutMs: transport.timeoutMs,
        scheduler: scheduler ?? new transport_scheduler/* RequestScheduler */.Jx({ concurrency: transport.readConcurrency, clock: transport.clock }),
        onEvent: (e) => {
            if (e.type === 'retry')
                stats.retries++;
            else
                stats.rateLimited++;
        },
        onRequest: () => stats.requests++,
    });
}


/***/ })

};
