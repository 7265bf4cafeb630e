export const id = 419;
export const ids = [419];
export const modules = {

/***/ 9419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createVaultDestinations: () => (/* binding */ createVaultDestinations)
/* harmony export */ });
/* unused harmony export VaultApi */
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1159);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _transport_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(800);
/**
 * HashiCorp Vault KV secrets (`vault:kv/MOUNT/PATH`). The mount and its KV version come from
 * `sys/internal/ui/mounts/<path>`, as `vault kv put` finds them, so nested mounts and KV v1 need no
 * option. A line writes one field and keeps the others: KV v2 reads, merges and writes with
 * check-and-set (a conflict - another writer changed the secret meanwhile - reads and merges again);
 * KV v1 has no versions, so it reads, merges and writes. A lost answer is read back: KV values are
 * readable. Preflight proves the token's capabilities on the exact path (`sys/capabilities-self`).
 */



/** Conflicting writers would have to change the secret this many times in a row to make a write give up. */
const MAX_CAS_ATTEMPTS = 5;
const encodePath = (path) => path.split('/').map(_transport_url_js__WEBPACK_IMPORTED_MODULE_2__/* .segment */ .mX).join('/');
class VaultApi {
    client;
    credential;
    checked;
    mounts = new Map();
    constructor(client, 
    /** How messages name the credential: the input, or the role it logged in as. */
    credential) {
        this.client = client;
        this.credential = credential;
    }
    checkToken() {
        this.checked ??= this.client
            .get('/auth/token/lookup-self')
            .then(() => undefined)
            .catch((err) => {
            if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`${this.credential} was refused by Vault (${err.status} "${err.platformMessage}"): invalid, expired, or without the default policy`, 'vault', err.status, err.platformMessage);
            throw err;
        });
        return this.checked;
    }
    mountOf(t) {
        if (!this.mounts.has(t.path))
            this.mounts.set(t.path, this.findMount(t));
        return this.mounts.get(t.path);
    }
    async findMount(t) {
        let data;
        try {
            data = (await this.client.get(`/sys/internal/ui/mounts/${encodePath(t.path)}`)).data?.data;
        }
        catch (err) {
            // Vault answers 403 both for a path under no mount and for one the token may not see.
            if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`${t.id}: no mount found that ${this.credential} may use (${err.status} "${err.platformMessage}"): check the path and the token's policy`, 'vault', err.status, err.platformMessage);
            throw err;
        }
        const path = data?.path;
        if (typeof path !== 'string' || !path.endsWith('/') || !`${t.path}/`.startsWith(path) || path.length < 2)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`vault: the mount of ${t.path} was answered without a usable path`, 'vault');
        if (data?.type !== 'kv')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(t.id, `${path} is a ${typeof data?.type === 'string' ? data.type.slice(0, 40) : 'unknown'} secrets engine, not KV`);
        const version = data.options?.version ?? '1';
        if (version !== '1' && version !== '2')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`vault: ${path} reports KV version ${String(version).slice(0, 10)}`, 'vault');
        if (`${t.path}/` === path)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(t.id, `${path} is the mount itself: name a secret under it`);
        return { path, version: Number(version) };
    }
}
class VaultKvDestination {
    t;
    api;
    id;
    secretName;
    mount;
    current;
    constructor(t, api) {
        this.t = t;
        this.api = api;
        this.id = t.id;
        this.secretName = t.field;
    }
    /** The API path of the secret's data: `{mount}data/{path}` (v2) or `{mount}{path}` (v1). */
    get dataPath() {
        const m = this.mount;
        const sub = this.t.path.slice(m.path.length);
        return `${m.path}${m.version === 2 ? 'data/' : ''}${sub}`;
    }
    async preflight() {
        await this.api.checkToken();
        this.mount = await this.api.mountOf(this.t);
        this.current = await this.read();
        await this.checkCapabilities();
    }
    async checkCapabilities() {
        const path = this.dataPath;
        const res = await this.api.client.request('POST', '/sys/capabilities-self', {
            body: { paths: [path] },
            idempotent: true,
        });
        const said = res.data?.[path] ?? res.data?.capabilities ?? res.data?.data?.[path];
        if (!Array.isArray(said) || !said.every((c) => typeof c === 'string'))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`vault: capabilities-self answered without the capabilities of ${path}`, 'vault');
        const has = new Set(said);
        if (has.has('root'))
            return;
        const write = this.current.exists ? 'update' : 'create';
        const missing = ['read', write].filter((c) => !has.has(c));
        if (missing.length)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`${this.id}: ${this.api.credential} lacks ${missing.map((c) => `"${c}"`).join(' and ')} on ${path} (it has: ${[...has].join(', ').slice(0, 200) || 'nothing'}); its policy needs read and ${write}`, 'vault', 403);
    }
    async wouldWrite() {
        return this.current && this.t.field in this.current.fields ? 'updated' : 'created';
    }
    checkValue() { }
    async read() {
        let data;
        try {
            data = (await this.api.client.get(`/${encodePath(this.dataPath)}`)).data?.data;
        }
        catch (err) {
            if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFoundError */ .m_)
                return { fields: {}, version: 0, exists: false };
            throw err;
        }
        if (this.mount.version === 1) {
            if (!isObject(data))
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`vault: ${this.t.path} was answered without its data`, 'vault');
            return { fields: data, version: 0, exists: true };
        }
        const fields = data?.data;
        const version = data?.metadata?.version;
        if (!Number.isSafeInteger(version))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV(`vault: ${this.t.path} was answered without its version`, 'vault');
        // A deleted latest version reads as no data; its version still counts for check-and-set.
        return { fields: isObject(fields) ? fields : {}, version: version, exists: isObject(fields) };
    }
    async write(secret) {
        const created = !(this.current && this.t.field in this.current.fields);
        const changes = [];
        for (let attempt = 1;; attempt++) {
            const current = attempt === 1 && this.current ? this.current : await this.read();
            if (current.fields[this.t.field] === secret)
                break; // a lost answer's write had landed
            const body = { ...current.fields, [this.t.field]: secret };
            try {
                if (this.mount.version === 2) {
                    await this.api.client.request('POST', `/${encodePath(this.dataPath)}`, {
                        body: { data: body, options: { cas: current.version } },
                    });
                }
                else {
                    await this.api.client.request('POST', `/${encodePath(this.dataPath)}`, { body, idempotent: true });
                }
                break;
            }
            catch (err) {
                const conflict = err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TokenActionError */ .gk && err.status === 400 && /check-and-set/i.test(err.platformMessage ?? '');
                if (!conflict && !(err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OutcomeUnknownError */ .Do))
                    throw err;
                if (attempt >= MAX_CAS_ATTEMPTS)
                    throw err;
                if (conflict)
                    changes.push('another writer changed the secret meanwhile: read and merged again');
                this.current = undefined;
            }
        }
        return { result: created ? 'created' : 'updated', changes: changes.length ? changes : undefined };
    }
    async confirm(secret) {
        try {
            return (await this.read()).fields[this.t.field] === secret;
        }
        catch {
            return undefined;
        }
    }
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Logs in with the job's OIDC token (JWT auth, as hashicorp/vault-action does); the Vault token is revoked at
 * the end.
 */
/** The job's OIDC token: given by the CI system (GitLab, CircleCI), or requested from the GitHub Actions runner. */
async function jobJwt(oidc, transport) {
    if ('jwt' in oidc)
        return oidc.jwt;
    const url = new URL(oidc.request.url);
    // Like @actions/core's getIDToken: GET the runner's URL with the request token as bearer; the answer is {value}.
    const runner = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'github-oidc', url.origin, { authorization: `Bearer ${oidc.request.token}` });
    const jwt = (await runner.get(url.pathname, { query: Object.fromEntries(url.searchParams) }))
        .data?.value;
    if (typeof jwt !== 'string' || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV('github-oidc: the runner answered without an OIDC token', 'github-oidc');
    transport.redactor.add(jwt);
    return jwt;
}
async function oidcLogin(settings, transport, headers) {
    const jwt = await jobJwt(settings.oidc, transport);
    const login = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'vault', `${settings.url}/v1`, headers);
    let token;
    try {
        token = (await login.request('POST', `/auth/${encodePath(settings.authPath)}/login`, {
            body: { role: settings.role, jwt },
        })).data?.auth?.client_token;
    }
    catch (err) {
        if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TokenActionError */ .gk && err.status !== undefined && err.status < 500)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR(`vault-role: Vault refused the login as role "${settings.role}" at auth/${settings.authPath} (${err.status} "${err.platformMessage}"): check the role's bound claims`, 'vault', err.status, err.platformMessage);
        throw err;
    }
    if (typeof token !== 'string' || token.length < 8 || /\s/.test(token))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UntrustedResponseError */ .YV('vault: the JWT login was answered without a client token', 'vault');
    transport.redactor.add(token);
    return token;
}
/** Builds the Vault client (logging in first with `vault-role`) and one destination per line. */
async function createVaultDestinations(targets, settings, transport, 
/** The Vault token a role login gets is revoked when the run ends. */
cleanups) {
    const headers = {
        'x-vault-request': 'true',
        ...(settings.namespace ? { 'x-vault-namespace': settings.namespace } : {}),
    };
    let token = settings.token;
    if (settings.role) {
        token = await oidcLogin(settings, transport, headers);
        const own = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'vault', `${settings.url}/v1`, { ...headers, 'x-vault-token': token });
        cleanups.push(() => own
            .request('POST', '/auth/token/revoke-self', { idempotent: true })
            .then(() => undefined)
            .catch((err) => transport.log.warning(`could not revoke the Vault token of this run: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)} (it ends with its TTL)`)));
    }
    const client = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .makeClient */ .yu)(transport, 'vault', `${settings.url}/v1`, { ...headers, 'x-vault-token': token });
    const api = new VaultApi(client, settings.role ? `the Vault token of role ${settings.role}` : 'vault-token');
    return targets.map((t) => new VaultKvDestination(t, api));
}


/***/ })

};
