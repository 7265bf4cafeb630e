export const id = 518;
export const ids = [518];
export const modules = {

/***/ 1518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubSecrets: () => (/* binding */ GitHubSecrets),
  MAX_PAGES: () => (/* binding */ MAX_PAGES),
  PAGINATION_DEADLINE_MS: () => (/* binding */ PAGINATION_DEADLINE_MS),
  expandRepos: () => (/* binding */ expandRepos),
  githubDestination: () => (/* binding */ githubDestination)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/transport/url.ts
var url = __webpack_require__(800);
// EXTERNAL MODULE: ./node_modules/libsodium-wrappers/dist/modules-esm/libsodium-wrappers.mjs + 1 modules
var libsodium_wrappers = __webpack_require__(4768);
;// CONCATENATED MODULE: ./src/platforms/github/sealed-box.ts
/** GitHub's secret encryption: libsodium crypto_box_seal with the namespace's X25519 public key, base64 ORIGINAL. */

async function sealForGitHub(value, publicKeyBase64) {
    await libsodium_wrappers/* default.ready */.Ay.ready;
    const key = libsodium_wrappers/* default.from_base64 */.Ay.from_base64(publicKeyBase64, libsodium_wrappers/* default.base64_variants */.Ay.base64_variants.ORIGINAL);
    if (key.length !== libsodium_wrappers/* default */.Ay.crypto_box_PUBLICKEYBYTES) {
        throw new Error(`GitHub public key must be ${libsodium_wrappers/* default */.Ay.crypto_box_PUBLICKEYBYTES} bytes, got ${key.length}`);
    }
    const sealed = libsodium_wrappers/* default */.Ay.crypto_box_seal(libsodium_wrappers/* default.from_string */.Ay.from_string(value), key);
    return libsodium_wrappers/* default.to_base64 */.Ay.to_base64(sealed, libsodium_wrappers/* default.base64_variants */.Ay.base64_variants.ORIGINAL);
}

// EXTERNAL MODULE: ./src/transport/clock.ts
var clock = __webpack_require__(1575);
;// CONCATENATED MODULE: ./src/platforms/github/destination.ts
/**
 * GitHub Actions / Dependabot / Codespaces secrets for repositories, environments and orgs.
 * Public keys are fetched once per namespace per run; an org secret keeps its visibility and
 * selected repositories on update unless the destination line sets them.
 */




const MAX_VALUE_BYTES = 48 * 1024;
/** Pagination bounds: 1,000 pages of 100 is 100,000 repositories; a server that never stops is refused. */
const MAX_PAGES = 1000;
const PAGINATION_DEADLINE_MS = 10 * 60_000;
const VISIBILITIES = ['all', 'private', 'selected'];
const REPO_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
function untrusted(what) {
    return new errors/* UntrustedResponseError */.YV(`github: ${what}`, 'github');
}
/** A sealed box needs the namespace's 32-byte X25519 key: checked in preflight, not after minting. */
function checkPublicKey(namespace, data) {
    const d = data;
    if (!d || typeof d !== 'object' || typeof d.key_id !== 'string' || !d.key_id || typeof d.key !== 'string')
        throw untrusted(`GET ${namespace}/public-key answered without a key_id and key`);
    const bytes = Buffer.from(d.key, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(d.key) || bytes.length !== 32 || bytes.toString('base64') !== d.key) {
        throw untrusted(`GET ${namespace}/public-key answered a key that is not 32 bytes of base64 (got ${d.key.length} characters): secrets cannot be encrypted for it`);
    }
    return { key_id: d.key_id, key: d.key };
}
/** Follows numbered pages until `last(page)` says so, within MAX_PAGES and PAGINATION_DEADLINE_MS. */
async function paginate(what, fetchPage) {
    const deadline = Date.now() + PAGINATION_DEADLINE_MS;
    for (let page = 1;; page++) {
        if (page > MAX_PAGES)
            throw untrusted(`${what}: more than ${MAX_PAGES} pages; refusing to follow a listing that does not end`);
        if (Date.now() > deadline)
            throw untrusted(`${what}: pagination took longer than ${PAGINATION_DEADLINE_MS / 1000} s`);
        if (await fetchPage(page))
            return;
    }
}
const PERMISSION_HINT = {
    repo: 'a fine-grained token or GitHub App with repository "Secrets: write" (classic PAT: repo scope)',
    env: 'a fine-grained token or GitHub App with repository "Environments: write" (classic PAT: repo scope)',
    org: 'a fine-grained token or GitHub App with organization "Secrets: write" (classic PAT: admin:org scope)',
};
/** Per-run GitHub API helpers shared by all GitHub destinations (one key fetch per namespace). */
class GitHubSecrets {
    client;
    keys = new Map();
    constructor(client) {
        this.client = client;
    }
    /** Drops a cached key that GitHub no longer accepts (it rotated it mid-run). */
    forgetKey(namespace) {
        this.keys.delete(namespace);
    }
    publicKey(namespace) {
        let key = this.keys.get(namespace);
        if (!key) {
            key = this.client.get(`${namespace}/public-key`).then((r) => checkPublicKey(namespace, r.data));
            // A failed lookup must not be cached: a retry of the run (or another line) asks again.
            key.catch(() => this.keys.delete(namespace));
            this.keys.set(namespace, key);
        }
        return key;
    }
    async repoId(owner, repo) {
        const res = await this.client.get(`/repos/${enc(owner)}/${enc(repo)}`);
        if (!Number.isSafeInteger(res.data?.id))
            throw untrusted(`GET /repos/${owner}/${repo} answered without a numeric id`);
        return res.data.id;
    }
    async listOrgRepos(org) {
        const all = [];
        // Pages are numbered by us, never taken from the `link` header's URL.
        await paginate(`listing the repositories of ${org}`, async (page) => {
            const res = await this.client.get(`/orgs/${enc(org)}/repos`, {
                query: { per_page: 100, page, type: 'all' },
            });
            if (!Array.isArray(res.data))
                throw untrusted(`GET /orgs/${org}/repos answered ${typeof res.data}, not a list of repositories`);
            for (const r of res.data) {
                // A repository name becomes a path segment and a report line: only GitHub's own name alphabet.
                if (typeof r?.name !== 'string' || !REPO_NAME.test(r.name) || (0,url/* isDotSegment */.DH)(r.name))
                    throw untrusted(`GET /orgs/${org}/repos listed a repository whose name is not a GitHub repository name`);
                all.push({
                    name: r.name,
                    archived: r.archived === true,
                    topics: Array.isArray(r.topics) ? r.topics.filter((t) => typeof t === 'string') : undefined,
                });
            }
            const link = String(res.headers.link ?? '');
            return res.data.length < 100 || !/rel="next"/.test(link);
        });
        return all;
    }
}
/** One encoded path segment; `.`/`..` are refused (the plan refuses them already; this guards every other caller). */
function enc(value) {
    return (0,url/* segment */.mX)(value);
}
function namespaceOf(t) {
    switch (t.kind) {
        case 'repo':
            return `/repos/${enc(t.owner)}/${enc(t.repo)}/${t.app}/secrets`;
        case 'env':
            return `/repos/${enc(t.owner)}/${enc(t.repo)}/environments/${enc(t.environment)}/secrets`;
        case 'org':
        case 'repos':
            return `/orgs/${enc(t.org)}/${t.app}/secrets`;
    }
}
function describe(t) {
    switch (t.kind) {
        case 'repo':
            return `repository ${t.owner}/${t.repo}`;
        case 'env':
            return `environment "${t.environment}" of ${t.owner}/${t.repo}`;
        default:
            return `organization ${t.org}`;
    }
}
/** Rewrites GitHub's terse 401/403/404 into what the user must change. */
function explain(err, t) {
    if (err instanceof errors/* AuthError */.lR && err.status === 401) {
        throw new errors/* AuthError */.lR(`github-token was rejected by GitHub (401 "${err.platformMessage}"): check that it is valid and not expired`, 'github', 401, err.platformMessage);
    }
    if (err instanceof errors/* AuthError */.lR && err.status === 403) {
        const scope = t.kind === 'repos' ? 'repo' : t.kind;
        const integration = /not accessible by integration/i.test(err.platformMessage ?? '');
        throw new errors/* AuthError */.lR(`github-token may not write secrets of ${describe(t)} (403 "${err.platformMessage}"). It needs ${PERMISSION_HINT[scope]}.` +
            (integration
                ? " The workflow's default GITHUB_TOKEN can never write secrets: pass a PAT or an App token as github-token."
                : ''), 'github', 403, err.platformMessage);
    }
    (0,errors/* rethrowNotVisible */.BM)(err, 'github', describe(t), 'github-token');
}
/** A repository or environment secret; OrgSecret adds the org's access rules. */
class GitHubDestination {
    id;
    target;
    api;
    secretName;
    namespace;
    constructor(id, target, api) {
        this.id = id;
        this.target = target;
        this.api = api;
        this.secretName = target.name;
        this.namespace = namespaceOf(target);
    }
    async preflight() {
        try {
            await this.api.publicKey(this.namespace);
            await this.preflightMore();
        }
        catch (err) {
            explain(err, this.target);
        }
    }
    async preflightMore() { }
    /** Whether the secret existed when preflight looked (org secrets look there; others on demand). */
    existedAtPreflight;
    async wouldWrite() {
        this.existedAtPreflight ??= Boolean(await this.existing());
        return this.existedAtPreflight ? 'updated' : 'created';
    }
    checkValue(secret) {
        if (Buffer.byteLength(secret, 'utf8') > MAX_VALUE_BYTES)
            throw new errors/* ConfigError */.xL(this.id, 'GitHub secret values are at most 48 KB');
    }
    async write(secret) {
        try {
            return await this.put(secret);
        }
        catch (err) {
            // GitHub rotated the namespace's key since it was fetched: fetch it again and retry once.
            if (!(err instanceof errors/* TokenActionError */.gk && err.status === 422 && /key_id/i.test(err.platformMessage ?? '')))
                return explain(err, this.target);
            this.api.forgetKey(this.namespace);
            try {
                return await this.put(secret);
            }
            catch (again) {
                return explain(again, this.target);
            }
        }
    }
    async put(secret) {
        const key = await this.api.publicKey(this.namespace);
        const body = {
            encrypted_value: await sealForGitHub(secret, key.key),
            key_id: key.key_id,
            ...(await this.extraBody()),
        };
        const res = await this.api.client.request('PUT', `${this.namespace}/${enc(this.secretName)}`, { body });
        return { result: res.status === 201 ? 'created' : 'updated', changes: this.changes() };
    }
    /** Secret values cannot be read back: the secret's `updated_at` says whether the write landed. */
    async confirm(_secret, since) {
        const current = await this.existing().catch(() => null);
        if (current === null)
            return undefined;
        return current ? (0,clock/* writtenSince */.w)(current.updated_at, since) : false;
    }
    async extraBody() {
        return {};
    }
    changes() {
        return undefined;
    }
    async existing() {
        try {
            return (await this.api.client.get(`${this.namespace}/${enc(this.secretName)}`)).data;
        }
        catch (err) {
            if (err instanceof errors/* NotFoundError */.m_)
                return undefined;
            explain(err, this.target);
        }
    }
}
class OrgSecret extends GitHubDestination {
    access;
    previous;
    async preflightMore() {
        const t = this.target;
        const current = await this.existing();
        this.existedAtPreflight = Boolean(current);
        if (current)
            this.previous = await this.readAccess(current);
        if (t.visibility) {
            const ids = t.repos ? await Promise.all(t.repos.map((r) => this.api.repoId(t.org, r))) : undefined;
            this.access = { visibility: t.visibility, selectedRepositoryIds: ids };
        }
        else {
            // Keep what the org has; a brand-new secret gets GitHub's UI default (private repositories).
            this.access = this.previous ?? { visibility: 'private' };
        }
    }
    async readAccess(current) {
        const visibility = current.visibility;
        if (!VISIBILITIES.includes(visibility))
            throw untrusted(`the org secret ${this.secretName} has an unknown visibility`);
        if (visibility !== 'selected')
            return { visibility };
        const ids = [];
        // A server-supplied URL: the client follows it only on the configured origin, under the API base path.
        const url = typeof current.selected_repositories_url === 'string'
            ? current.selected_repositories_url
            : `${this.namespace}/${enc(this.secretName)}/repositories`;
        await paginate(`listing the repositories of org secret ${this.secretName}`, async (page) => {
            const res = await this.api.client.get(url, {
                query: { per_page: 100, page },
            });
            const repos = res.data?.repositories;
            if (!Array.isArray(repos) || repos.some((r) => !Number.isSafeInteger(r?.id)))
                throw untrusted(`the selected repositories of org secret ${this.secretName} are not a list of repository ids`);
            ids.push(...repos.map((r) => r.id));
            return repos.length < 100 || ids.length >= Number(res.data.total_count);
        });
        return { visibility, selectedRepositoryIds: ids };
    }
    async extraBody() {
        if (!this.access)
            await this.preflightMore();
        const a = this.access;
        return a.visibility === 'selected'
            ? { visibility: a.visibility, selected_repository_ids: a.selectedRepositoryIds ?? [] }
            : { visibility: a.visibility };
    }
    changes() {
        if (!this.previous || !this.access)
            return undefined;
        const out = [];
        if (this.previous.visibility !== this.access.visibility)
            out.push(`visibility: ${this.previous.visibility} -> ${this.access.visibility}`);
        const before = (this.previous.selectedRepositoryIds ?? []).slice().sort().join(',');
        const after = (this.access.selectedRepositoryIds ?? []).slice().sort().join(',');
        if (this.access.visibility === 'selected' && before !== after)
            out.push('selected repositories changed');
        return out.length ? out : undefined;
    }
}
/** Expands `github:repos/ORG?...` into one repository destination per match (an API call: part of preflight). */
async function expandRepos(target, api) {
    let repos;
    try {
        repos = await api.listOrgRepos(target.org);
    }
    catch (err) {
        explain(err, target);
    }
    const picked = repos.filter((r) => (target.archived || !r.archived) &&
        (!target.match || target.match.test(r.name)) &&
        (!target.topic || (r.topics ?? []).includes(target.topic)));
    if (!picked.length)
        throw new errors/* ConfigError */.xL('destinations', `${target.id} matched no repository of ${target.org}`);
    return picked.map((r) => ({
        platform: 'github',
        kind: 'repo',
        owner: target.org,
        repo: r.name,
        app: target.app,
        name: target.name,
        id: `github:repo/${target.org}/${r.name}${target.app === 'actions' ? '' : `?app=${target.app}`}`,
    }));
}
function githubDestination(target, api) {
    return target.kind === 'org' ? new OrgSecret(target.id, target, api) : new GitHubDestination(target.id, target, api);
}


/***/ })

};
