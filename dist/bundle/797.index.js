export const id = 797;
export const ids = [797];
export const modules = {

/***/ 1797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCircleCIDestinations: () => (/* binding */ createCircleCIDestinations)
/* harmony export */ });
/* unused harmony exports MAX_PAGES, PAGINATION_DEADLINE_MS */
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1159);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _transport_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(800);
/* harmony import */ var _transport_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1575);
/**
 * CircleCI contexts and project environment variables (API v2, `Circle-Token`). A context is found
 * by its owner slug (following pagination) and created when missing unless `?create=false`; values
 * are sent exactly as given - no trailing newline.
 */




const MAX_VALUE_BYTES = 32 * 1024;
const MAX_CONTEXT_VARS = 100;
/** Pagination bounds: a `next_page_token` that never ends is refused, not followed for ever. */
const MAX_PAGES = 500;
const PAGINATION_DEADLINE_MS = 5 * 60_000;
function untrusted(what) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`circleci: ${what}`, 'circleci');
}
/**
 * Per-run CircleCI helpers shared by every line: one token check, one context listing per org, one
 * variable listing per context and one creation per missing context, however many lines name them.
 */
class CircleCIApi {
    client;
    me;
    contexts = new Map();
    variables = new Map();
    creations = new Map();
    constructor(client) {
        this.client = client;
    }
    checkToken() {
        this.me ??= this.client.get('/me').catch((err) => {
            if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`circleci-token was rejected by CircleCI (${err.status} "${err.platformMessage}"): use a personal API token`, 'circleci', err.status, err.platformMessage);
            throw err;
        });
        return this.me;
    }
    async all(path, query = {}) {
        const items = [];
        const seen = new Set();
        const deadline = Date.now() + PAGINATION_DEADLINE_MS;
        let token = null;
        for (let pages = 1;; pages++) {
            const res = await this.client.get(path, {
                query: { ...query, ...(token ? { 'page-token': token } : {}) },
            });
            const page = res.data;
            if (!page || !Array.isArray(page.items))
                throw untrusted(`GET ${path} answered without an items list`);
            if (page.next_page_token !== null &&
                page.next_page_token !== undefined &&
                typeof page.next_page_token !== 'string')
                throw untrusted(`GET ${path} answered a next_page_token that is not a string`);
            items.push(...page.items);
            token = page.next_page_token || null;
            if (!token)
                return items;
            if (seen.has(token))
                throw untrusted(`GET ${path}: the server returned the same next_page_token twice; refusing to loop`);
            seen.add(token);
            if (pages >= MAX_PAGES)
                throw untrusted(`GET ${path}: more than ${MAX_PAGES} pages; refusing to follow a listing that does not end`);
            if (Date.now() > deadline)
                throw untrusted(`GET ${path}: pagination took longer than ${PAGINATION_DEADLINE_MS / 1000} s`);
        }
    }
    /** The org's contexts; `fresh` lists again (after another run may have created one). */
    findContext(owner, name, fresh = false) {
        if (fresh || !this.contexts.has(owner))
            this.contexts.set(owner, this.listContexts(owner));
        return this.contexts.get(owner).then((all) => {
            const id = all.find((c) => c?.name === name)?.id;
            // The id becomes a path segment of every later request.
            if (id !== undefined && (typeof id !== 'string' || !id))
                throw untrusted(`context "${name}" was listed without a string id`);
            return id;
        });
    }
    async listContexts(owner) {
        try {
            return await this.all('/context', { 'owner-slug': owner, 'owner-type': 'organization' });
        }
        catch (err) {
            (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .rethrowNotVisible */ .BM)(err, 'circleci', `CircleCI organization ${owner}`, 'circleci-token');
        }
    }
    variableNames(contextId) {
        if (!this.variables.has(contextId))
            this.variables.set(contextId, this.all(`/context/${(0,_transport_url_js__WEBPACK_IMPORTED_MODULE_2__/* .segment */ .mX)(contextId)}/environment-variable`).then((vars) => vars.map((v) => v?.variable)));
        return this.variables.get(contextId);
    }
    /** Creates a missing context once; `created` is true only for the first caller, whose POST made it. */
    async ensureContext(owner, name) {
        const key = `${owner}/${name}`;
        const pending = this.creations.get(key);
        if (pending)
            return { id: (await pending).id, created: false };
        const creation = this.createContext(owner, name);
        this.creations.set(key, creation);
        return creation;
    }
    async createContext(owner, name) {
        try {
            const res = await this.client.request('POST', '/context', {
                body: { name, owner: { slug: owner, type: 'organization' } },
            });
            if (typeof res.data?.id !== 'string' || !res.data.id)
                throw untrusted(`POST /context answered without a context id`);
            return { id: res.data.id, created: true };
        }
        catch (err) {
            // Another run created it meanwhile: use that one.
            const id = await this.findContext(owner, name, true);
            if (!id)
                throw err;
            return { id, created: false };
        }
    }
}
function checkCircleCIValue(id, secret) {
    if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(id, 'CircleCI variable values are at most 32 KB');
}
class ContextVariable {
    id;
    t;
    api;
    secretName;
    contextId;
    exists = false;
    constructor(id, t, api) {
        this.id = id;
        this.t = t;
        this.api = api;
        this.secretName = t.name;
    }
    get owner() {
        return `${this.t.vcs}/${this.t.org}`;
    }
    async preflight() {
        await this.api.checkToken();
        this.contextId = await this.api.findContext(this.owner, this.t.context);
        if (!this.contextId) {
            if (!this.t.create)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `context "${this.t.context}" does not exist in ${this.owner} and the line says ?create=false`);
            return;
        }
        const names = await this.api.variableNames(this.contextId);
        this.exists = names.includes(this.secretName);
        if (!this.exists && names.length >= MAX_CONTEXT_VARS)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `context "${this.t.context}" already holds ${MAX_CONTEXT_VARS} variables, CircleCI's limit`);
    }
    async wouldWrite() {
        return this.exists ? 'updated' : 'created';
    }
    checkValue(secret) {
        checkCircleCIValue(this.id, secret);
    }
    async write(secret) {
        const context = this.contextId
            ? { id: this.contextId, created: false }
            : await this.api.ensureContext(this.owner, this.t.context);
        this.contextId = context.id;
        await this.api.client.request('PUT', `/context/${(0,_transport_url_js__WEBPACK_IMPORTED_MODULE_2__/* .segment */ .mX)(context.id)}/environment-variable/${(0,_transport_url_js__WEBPACK_IMPORTED_MODULE_2__/* .segment */ .mX)(this.secretName)}`, { body: { value: secret } });
        return {
            result: this.exists ? 'updated' : 'created',
            changes: context.created ? [`context "${this.t.context}" created`] : undefined,
        };
    }
    /** Context values cannot be read back: the variable's `updated_at` says whether the write landed. */
    async confirm(_secret, since) {
        if (!this.contextId)
            return undefined;
        try {
            const vars = await this.api.all(`/context/${this.contextId}/environment-variable`);
            const v = vars.find((x) => x.variable === this.secretName);
            return v ? (0,_transport_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .writtenSince */ .w)(v.updated_at, since) : false;
        }
        catch {
            return undefined;
        }
    }
}
class ProjectVariable {
    id;
    api;
    secretName;
    exists = false;
    slug;
    constructor(id, t, api) {
        this.id = id;
        this.api = api;
        this.secretName = t.name;
        this.slug = [t.vcs, t.org, t.repo].map(_transport_url_js__WEBPACK_IMPORTED_MODULE_2__/* .segment */ .mX).join('/');
    }
    async preflight() {
        await this.api.checkToken();
        try {
            const vars = await this.api.all(`/project/${this.slug}/envvar`);
            this.exists = vars.some((v) => v.name === this.secretName);
        }
        catch (err) {
            (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .rethrowNotVisible */ .BM)(err, 'circleci', `CircleCI project ${this.slug}`, 'circleci-token');
        }
    }
    async wouldWrite() {
        return this.exists ? 'updated' : 'created';
    }
    checkValue(secret) {
        checkCircleCIValue(this.id, secret);
    }
    async write(secret) {
        // An upsert: sending it twice is harmless.
        await this.api.client.request('POST', `/project/${this.slug}/envvar`, {
            body: { name: this.secretName, value: secret },
            idempotent: true,
        });
        return { result: this.exists ? 'updated' : 'created' };
    }
    /**
     * CircleCI shows the last four characters of a project variable (`xxxx1234`): enough to tell our value from
     * another.
     */
    async confirm(secret) {
        try {
            const res = await this.api.client.get(`/project/${this.slug}/envvar/${encodeURIComponent(this.secretName)}`);
            const shown = String(res.data?.value ?? '');
            return secret.length > 4 && /^x+/.test(shown) ? shown.slice(-4) === secret.slice(-4) : undefined;
        }
        catch (err) {
            return err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_ ? false : undefined;
        }
    }
}
function createCircleCIDestinations(targets, config, transport) {
    const api = new CircleCIApi((0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'circleci', `${config.url}/api/v2`, { 'circle-token': config.token }));
    return targets.map((t) => t.kind === 'context' ? new ContextVariable(t.id, t, api) : new ProjectVariable(t.id, t, api));
}


/***/ })

};
