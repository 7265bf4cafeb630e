export const id = 229;
export const ids = [229];
export const modules = {

/***/ 2229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCircleCIDestinations: () => (/* binding */ createCircleCIDestinations)
/* harmony export */ });
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7213);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * CircleCI contexts and project environment variables (API v2, `Circle-Token`). A context is found
 * by its owner slug (following pagination) and created when missing unless `?create=false`; values
 * are sent exactly as given - no trailing newline.
 */


const MAX_VALUE_BYTES = 32 * 1024;
const MAX_CONTEXT_VARS = 100;
/** Per-run CircleCI helpers: one token check, paginated listing. */
class CircleCIApi {
    client;
    me;
    constructor(client) {
        this.client = client;
    }
    checkToken() {
        this.me ??= this.client.get('/me').catch((err) => {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`circleci-token was rejected by CircleCI (${err.status} "${err.platformMessage}"): use a personal API token`, 'circleci', err.status, err.platformMessage);
            throw err;
        });
        return this.me;
    }
    async all(path, query = {}) {
        const items = [];
        let token = null;
        do {
            const res = await this.client.get(path, { query: { ...query, ...(token ? { 'page-token': token } : {}) } });
            items.push(...res.data.items);
            token = res.data.next_page_token;
        } while (token);
        return items;
    }
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
    async findContext() {
        try {
            const contexts = await this.api.all('/context', { 'owner-slug': this.owner, 'owner-type': 'organization' });
            return contexts.find((c) => c.name === this.t.context)?.id;
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_(`CircleCI organization ${this.owner} was not found, or circleci-token cannot see it (404 "${err.platformMessage}")`, 'circleci', 404, err.platformMessage);
            throw err;
        }
    }
    async preflight() {
        await this.api.checkToken();
        this.contextId = await this.findContext();
        if (!this.contextId) {
            if (!this.t.create)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `context "${this.t.context}" does not exist in ${this.owner} and the line says ?create=false`);
            return;
        }
        const names = (await this.api.all(`/context/${this.contextId}/environment-variable`)).map((v) => v.variable);
        this.exists = names.includes(this.secretName);
        if (!this.exists && names.length >= MAX_CONTEXT_VARS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `context "${this.t.context}" already holds ${MAX_CONTEXT_VARS} variables, CircleCI's limit`);
    }
    async wouldWrite() {
        return this.exists ? 'updated' : 'created';
    }
    checkValue(secret) {
        if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, 'CircleCI variable values are at most 32 KB');
    }
    async ensureContext() {
        if (this.contextId)
            return { id: this.contextId, created: false };
        try {
            const res = await this.api.client.request('POST', '/context', { body: { name: this.t.context, owner: { slug: this.owner, type: 'organization' } } });
            this.contextId = res.data.id;
            return { id: this.contextId, created: true };
        }
        catch (err) {
            // Another run created it meanwhile: use that one.
            const id = await this.findContext();
            if (!id)
                throw err;
            this.contextId = id;
            return { id, created: false };
        }
    }
    async write(secret) {
        const context = await this.ensureContext();
        await this.api.client.request('PUT', `/context/${context.id}/environment-variable/${encodeURIComponent(this.secretName)}`, { body: { value: secret } });
        return { result: this.exists ? 'updated' : 'created', changes: context.created ? [`context "${this.t.context}" created`] : undefined };
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
        this.slug = `${t.vcs}/${t.org}/${t.repo}`;
    }
    async preflight() {
        await this.api.checkToken();
        try {
            const vars = await this.api.all(`/project/${this.slug}/envvar`);
            this.exists = vars.some((v) => v.name === this.secretName);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_(`CircleCI project ${this.slug} was not found, or circleci-token cannot see it (404 "${err.platformMessage}")`, 'circleci', 404, err.platformMessage);
            throw err;
        }
    }
    async wouldWrite() {
        return this.exists ? 'updated' : 'created';
    }
    checkValue(secret) {
        if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, 'CircleCI variable values are at most 32 KB');
    }
    async write(secret) {
        await this.api.client.request('POST', `/project/${this.slug}/envvar`, { body: { name: this.secretName, value: secret } });
        return { result: this.exists ? 'updated' : 'created' };
    }
}
function createCircleCIDestinations(targets, plan, ctx) {
    const api = new CircleCIApi((0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(ctx, 'circleci', `${plan.circleci.url}/api/v2`, { 'circle-token': plan.circleci.token }));
    return targets.map((t) => (t.kind === 'context' ? new ContextVariable(t.id, t, api) : new ProjectVariable(t.id, t, api)));
}


/***/ })

};
