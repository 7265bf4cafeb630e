export const id = 798;
export const ids = [798];
export const modules = {

/***/ 798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitLabDestinations: () => (/* binding */ createGitLabDestinations)
/* harmony export */ });
/* unused harmony export maskRuleViolation */
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1159);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/**
 * GitLab CI/CD variables of groups and projects (API v4, `PRIVATE-TOKEN`). New variables get the RWX
 * guide's defaults: masked, not protected, raw (no expansion), type variable, scope `*`. Updates keep
 * every flag the line does not set (a hand-protected variable stays protected) and always send
 * `filter[environment_scope]`; the report lists any flag the line changed.
 */


const MAX_VALUE_CHARS = 10_000;
/** GitLab's mask rule: the broken part, or undefined when the value can be masked. */
function maskRuleViolation(value, raw) {
    if (value.length < 8)
        return 'a masked value must be at least 8 characters';
    if (/\s/.test(value))
        return 'a masked value must not contain whitespace';
    if (!raw && !/^[a-zA-Z0-9_+=/@:.~-]+$/.test(value))
        return 'with raw=false a masked value may contain only letters, digits and _ + = / @ : . ~ - (set raw=true)';
    return undefined;
}
/** Per-run GitLab helpers shared by every line: one token check, one lookup per group or project. */
class GitLabApi {
    client;
    checked;
    namespaces = new Map();
    constructor(client) {
        this.client = client;
    }
    /** The token works and has the api scope (when GitLab can tell: personal, group and project tokens). */
    checkToken() {
        this.checked ??= (async () => {
            try {
                await this.client.get('/user');
            }
            catch (err) {
                if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR && err.status === 401)
                    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`gitlab-token was rejected by GitLab (401 "${err.platformMessage}")`, 'gitlab', 401, err.platformMessage);
                if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
                    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`gitlab-token needs the api scope (403 "${err.platformMessage}")`, 'gitlab', 403, err.platformMessage);
                throw err;
            }
            const self = await this.client.get('/personal_access_tokens/self').catch(() => undefined);
            if (self?.data.scopes && !self.data.scopes.includes('api'))
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`gitlab-token has scopes ${self.data.scopes.join(', ')} but needs api`, 'gitlab', 403);
        })();
        return this.checked;
    }
    findNamespace(t, base) {
        if (!this.namespaces.has(base))
            this.namespaces.set(base, this.client
                .get(base)
                .catch((err) => (0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .rethrowNotVisible */ .BM)(err, 'gitlab', `GitLab ${t.kind} ${t.path}`, 'gitlab-token')));
        return this.namespaces.get(base);
    }
}
class GitLabVariableDestination {
    id;
    t;
    api;
    secretName;
    base;
    existing;
    constructor(id, t, api) {
        this.id = id;
        this.t = t;
        this.api = api;
        this.secretName = t.name;
        // Instance-level variables live under the admin API and have no environment scope.
        this.base = t.kind === 'instance' ? '/admin/ci' : `/${t.kind}s/${encodeURIComponent(t.path)}`;
    }
    get role() {
        return { group: 'Owner of the group', project: 'Maintainer of the project', instance: 'administrator' }[this.t.kind];
    }
    get scopeQuery() {
        return this.t.kind === 'instance' ? undefined : { 'filter[environment_scope]': this.t.scope };
    }
    async preflight() {
        await this.api.checkToken();
        if (this.t.kind !== 'instance')
            await this.api.findNamespace(this.t, this.base);
        try {
            this.existing = (await this.api.client.get(`${this.base}/variables/${encodeURIComponent(this.secretName)}`, {
                query: this.scopeQuery,
            })).data;
        }
        catch (err) {
            if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_)
                this.existing = undefined;
            else if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR && err.status === 403)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`gitlab-token may not manage ${this.t.kind === 'instance' ? 'instance-level CI/CD variables' : `CI/CD variables of ${this.t.kind} ${this.t.path}`} (403 "${err.platformMessage}"): it must belong to an ${this.role}`, 'gitlab', 403, err.platformMessage);
            else
                throw err;
        }
    }
    async wouldWrite() {
        return this.existing ? 'updated' : 'created';
    }
    /**
     * A new variable gets the line's flags (the RWX-guide defaults); an existing one keeps those the line does not
     * set.
     */
    flag(name) {
        return this.existing && !this.t.explicit.includes(name) ? this.existing[name] : this.t[name];
    }
    /** A hidden variable stays masked whatever the line says: GitLab cannot unmask it. */
    get masked() {
        return this.flag('masked') || Boolean(this.existing?.hidden);
    }
    checkValue(secret) {
        if (secret.length > MAX_VALUE_CHARS)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `GitLab variable values are at most ${MAX_VALUE_CHARS} characters`);
        if (!this.masked)
            return;
        const broken = maskRuleViolation(secret, this.flag('raw'));
        if (broken)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(this.id, `GitLab cannot mask this token: ${broken}`);
    }
    flags() {
        return {
            variable_type: this.existing?.variable_type ?? 'env_var',
            protected: this.flag('protected'),
            masked: this.masked,
            raw: this.flag('raw'),
        };
    }
    changes() {
        const e = this.existing;
        if (!e)
            return undefined;
        const sent = this.flags();
        const out = [];
        for (const flag of ['protected', 'masked', 'raw', 'variable_type'])
            if (e[flag] !== sent[flag])
                out.push(`${flag}: ${e[flag]} -> ${sent[flag]}`);
        if (this.t.hidden && !e.hidden)
            out.push('hidden applies only when a variable is created: this one stays visible in the UI');
        if (!this.flag('masked') && e.hidden)
            out.push('masked stays true: GitLab cannot unmask a hidden variable');
        return out.length ? out : undefined;
    }
    get path() {
        return `${this.base}/variables/${encodeURIComponent(this.secretName)}`;
    }
    update(secret) {
        return this.api.client.request('PUT', this.path, {
            query: this.scopeQuery,
            body: { value: secret, ...this.flags() },
        });
    }
    async write(secret) {
        this.checkValue(secret);
        if (this.existing) {
            await this.update(secret);
            return { result: 'updated', changes: this.changes() };
        }
        const { masked, ...rest } = this.flags();
        const visibility = this.t.hidden ? { masked_and_hidden: true, masked: true } : { masked };
        try {
            await this.api.client.request('POST', `${this.base}/variables`, {
                body: {
                    key: this.secretName,
                    value: secret,
                    ...(this.t.kind === 'instance' ? {} : { environment_scope: this.t.scope }),
                    ...rest,
                    ...visibility,
                },
            });
        }
        catch (err) {
            // Created meanwhile (by an attempt whose answer was lost, or another run): continue as an update.
            if (!(err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TokenActionError */ .gk &&
                err.status === 400 &&
                /already been taken/i.test(err.platformMessage ?? '')))
                throw err;
            await this.update(secret);
            return { result: 'updated', changes: ['the variable appeared after preflight; updated instead of created'] };
        }
        return { result: 'created' };
    }
    /** Reads the value back; a hidden variable's value reads as null, so GitLab cannot tell then. */
    async confirm(secret) {
        try {
            const res = await this.api.client.get(this.path, { query: this.scopeQuery });
            return typeof res.data?.value === 'string' ? res.data.value === secret : undefined;
        }
        catch (err) {
            return err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_ ? false : undefined;
        }
    }
}
function createGitLabDestinations(targets, config, transport) {
    const api = new GitLabApi((0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'gitlab', `${config.url}/api/v4`, { 'private-token': config.token }));
    return targets.map((t) => new GitLabVariableDestination(t.id, t, api));
}


/***/ })

};
