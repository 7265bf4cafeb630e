export const id = 901;
export const ids = [901];
export const modules = {

/***/ 3901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installationToken: () => (/* binding */ installationToken),
/* harmony export */   ownerOf: () => (/* binding */ ownerOf)
/* harmony export */ });
/* unused harmony exports appJwt, permissionsFor */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _transport_transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1159);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/**
 * GitHub App authentication: a JWT signed with the App's private key (RS256, node:crypto) finds the
 * installation of each owner and mints an installation token limited to the secret permissions the
 * destinations need. Each token is masked at once and revoked when the run ends.
 */



function base64url(data) {
    return Buffer.from(data).toString('base64url');
}
/** An App JWT valid for 9 minutes, back-dated 60 s for clock drift (GitHub's recommendation). */
function appJwt(appId, privateKeyPem, nowMs) {
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKeyPem.replace(/\\n/g, '\n'));
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL('github-app-private-key', 'is not a PEM private key (paste the whole .pem file the App settings page gave you)');
    }
    const now = Math.floor(nowMs / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ iat: now - 60, exp: now + 540, iss: appId }));
    const unsigned = `${header}.${payload}`;
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createSign)('RSA-SHA256').update(unsigned).sign(key);
    return `${unsigned}.${base64url(signature)}`;
}
/** Least privilege: only the secret permissions these targets need (names from GitHub's app-permissions schema). */
const PERMISSION = {
    repo: { actions: 'secrets', dependabot: 'dependabot_secrets', codespaces: 'codespaces_secrets' },
    org: {
        actions: 'organization_secrets',
        dependabot: 'organization_dependabot_secrets',
        codespaces: 'organization_codespaces_secrets',
    },
};
function permissionsFor(targets) {
    const p = { metadata: 'read' };
    for (const t of targets) {
        if (t.kind === 'env')
            p.environments = 'write';
        else
            p[PERMISSION[t.kind === 'org' ? 'org' : 'repo'][t.app]] = 'write';
    }
    return p;
}
function ownerOf(t) {
    return t.kind === 'repo' || t.kind === 'env' ? t.owner : t.org;
}
const appHeaders = (jwt) => ({
    authorization: `Bearer ${jwt}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
});
/** Mints an installation token for `owner`; the returned revoke() ends it (404/401: already gone). */
async function installationToken(transport, apiUrl, app, owner, targets) {
    const jwt = appJwt(app.id, app.privateKey, transport.clock.now());
    transport.redactor.add(jwt);
    const client = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .makeClient */ .yu)(transport, 'github', apiUrl, appHeaders(jwt));
    const isOrg = targets.some((t) => t.kind === 'org' || t.kind === 'repos');
    const first = targets[0];
    let installation;
    try {
        const path = isOrg || first.kind === 'org' || first.kind === 'repos'
            ? `/orgs/${encodeURIComponent(owner)}/installation`
            : `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(first.repo)}/installation`;
        installation = (await client.get(path)).data;
    }
    catch (err) {
        if (err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m_)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotFoundError */ .m_(`GitHub App ${app.id} is not installed on ${owner} (404): install it there with the secret permissions`, 'github', 404);
        throw err;
    }
    // The installation id becomes a path segment, the token a header: both are checked first.
    if (!Number.isSafeInteger(installation?.id))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UntrustedResponseError */ .YV(`github: the installation of GitHub App ${app.id} on ${owner} was answered without a numeric id`, 'github');
    const res = await client.request('POST', `/app/installations/${installation.id}/access_tokens`, {
        body: { permissions: permissionsFor(targets) },
    });
    const token = res.data?.token;
    if (typeof token !== 'string' || token.length < 16 || /\s/.test(token))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UntrustedResponseError */ .YV(`github: GitHub App ${app.id} was given no usable installation token for ${owner}`, 'github');
    transport.redactor.add(token);
    return {
        token,
        revoke: async () => {
            // After a cancellation too: its own deadline, not the run's aborted signal.
            const own = (0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .makeClient */ .yu)((0,_transport_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanupTransport */ .K2)(transport), 'github', apiUrl, appHeaders(token));
            // It expires within the hour anyway; say so rather than fail a finished run.
            await own
                .request('DELETE', '/installation/token')
                .catch((err) => transport.log.warning(`could not revoke the GitHub App installation token for ${owner}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)} (it expires within an hour)`));
        },
    };
}


/***/ })

};
