export const id = 740;
export const ids = [740,359];
export const modules = {

/***/ 5740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ checkMintedIdentity),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   aZ: () => (/* binding */ checkMintedSecret),
/* harmony export */   bI: () => (/* binding */ isTokenId),
/* harmony export */   bp: () => (/* binding */ untrusted),
/* harmony export */   pt: () => (/* binding */ checkListedToken)
/* harmony export */ });
/* unused harmony export MIN_TOKEN_LENGTH */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/**
 * Shape checks for what issuers answer: the lifecycle decides on these answers (which tokens exist,
 * which to revoke, what to write everywhere), so an answer of another shape is an error, never
 * "no tokens" or an empty secret.
 */

/** Shortest token value we accept from any issuer: real tokens carry far more entropy. */
const MIN_TOKEN_LENGTH = 16;
function untrusted(kind, what) {
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`issuer ${kind}: ${what}`, kind);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/**
 * Token ids become URL path segments (revoke), outputs (`token-id`, `revoked-ids`) and report entries
 * that a workflow may pass on: a UUID, `tok_01HZX`, an integer - letters, digits and `._~:-`, at most
 * 200 characters. Anything else is refused before it is used.
 */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}$/;
function isTokenId(id) {
    return TOKEN_ID.test(id);
}
/**
 * The id and name a mint answered. A missing or malformed id is an untrusted answer (the token may
 * exist under the asked name: the caller looks it up). A name other than the one asked for is a token
 * the run did not ask for: MintedTokenRejectedError, so it is revoked by its id and never written.
 */
function checkMintedIdentity(kind, answer, asked, idField) {
    if (typeof answer.id !== 'string' || !isTokenId(answer.id))
        throw untrusted(kind, `creating token ${asked} answered ${answer.id ? 'a malformed' : 'no'} ${idField}; the token may exist: look for ${asked} at the issuer`);
    const name = answer.name;
    if (name === undefined || name === null)
        return { id: answer.id, name: asked };
    if (name !== asked) {
        const named = typeof name === 'string' ? JSON.stringify(name.slice(0, 200)) : 'a non-string name';
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MintedTokenRejectedError */ .DS(`issuer ${kind}: the minted token (id ${answer.id}) is named ${named}, not ${asked} as asked; it was not written anywhere`, kind, { id: answer.id, name: asked });
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
    const reject = (why) => new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MintedTokenRejectedError */ .DS(`issuer ${kind}: the minted token ${which} ${why}; it was not written anywhere`.replace(/  +/g, ' '), kind, minted);
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
/** A listed token: string id and name, and a created_at that is a real date (else its age, and so "due", is unknown). */
function checkListedToken(kind, raw, fields) {
    if (!isObject(raw))
        throw untrusted(kind, 'the token list holds an entry that is not an object');
    const id = raw[fields.id];
    const name = raw.name;
    if (typeof id !== 'string' || !id)
        throw untrusted(kind, `a listed token has no string ${fields.id}`);
    if (!isTokenId(id))
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


/***/ })

};
