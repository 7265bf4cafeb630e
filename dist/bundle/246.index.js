export const id = 246;
export const ids = [246];
export const modules = {

/***/ 6471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W8: () => (/* binding */ issuerKind),
/* harmony export */   o2: () => (/* binding */ ISSUER_KINDS),
/* harmony export */   x5: () => (/* binding */ ISSUERS)
/* harmony export */ });
const NONE = { create: false, list: false, revoke: false, expiry: false, projects: false };
const ISSUER_KINDS = {
    'rack-gateway': {
        can: { create: true, list: true, revoke: true, expiry: false, projects: false },
        madeIn: 'Rack Gateway (API tokens)',
        defaultSecretName: 'RACK_GATEWAY_API_TOKEN',
    },
    http: { can: { create: true, list: true, revoke: true, expiry: true, projects: true }, madeIn: 'the issuer' },
    rwx: {
        can: NONE,
        madeIn: 'RWX (cloud.rwx.com, Access Tokens)',
        defaultUrl: 'https://cloud.rwx.com',
        defaultSecretName: 'RWX_ACCESS_TOKEN',
    },
    hawzu: { can: NONE, madeIn: 'Hawzu (workspace settings, API tokens)', defaultUrl: 'https://api.hawzu.com' },
    static: { can: NONE, madeIn: 'the system that issued it' },
};
const ISSUERS = Object.keys(ISSUER_KINDS);
function issuerKind(kind) {
    return ISSUER_KINDS[kind];
}


/***/ }),

/***/ 2983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Gw: () => (/* binding */ addDuration),
/* harmony export */   Sd: () => (/* binding */ expiryDate),
/* harmony export */   rQ: () => (/* binding */ parseExpiry)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/**
 * Durations and expiry specs as users write them: `30min`, `12h`, `30d`, `1w`, `6mo`, `1y`. A bare
 * `m` is refused: `30m` read as months once made a token live until 2029 for someone who meant
 * 30 minutes, and nothing told them.
 */

const DURATION = /^(\d+)\s*(min|mo|[hdwy])$/;
const AMBIGUOUS = /^(\d+)\s*m$/;
/** A century in each unit: longer is a typo, and would overflow Date arithmetic. */
const MAX_AMOUNT = {
    min: 52_596_000,
    h: 876_600,
    d: 36_525,
    w: 5_218,
    mo: 1_200,
    y: 100,
};
/** `30m` could be minutes or months: refused with both readings, so the user picks one. */
function refuseAmbiguous(input, value) {
    const m = AMBIGUOUS.exec(value);
    if (m)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `"${value}" is ambiguous: did you mean ${m[1]}min or ${m[1]}mo?`);
}
function parseDuration(input, value) {
    const v = value.trim();
    refuseAmbiguous(input, v);
    const m = DURATION.exec(v);
    if (!m || Number(m[1]) <= 0) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `"${value}" is not a duration: use a positive number and a unit min, h, d, w, mo (months) or y, e.g. 90d, 6mo, 1y`);
    }
    const unit = m[2];
    if (Number(m[1]) > MAX_AMOUNT[unit])
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `"${value}" is longer than 100 years`);
    return { amount: Number(m[1]), unit, text: v };
}
/** Adds a duration using calendar months and years, so `6mo` from Jan 31 lands at the end of July. */
function addDuration(from, d) {
    const t = new Date(from.getTime());
    switch (d.unit) {
        case 'min':
            t.setUTCMinutes(t.getUTCMinutes() + d.amount);
            break;
        case 'h':
            t.setUTCHours(t.getUTCHours() + d.amount);
            break;
        case 'd':
            t.setUTCDate(t.getUTCDate() + d.amount);
            break;
        case 'w':
            t.setUTCDate(t.getUTCDate() + 7 * d.amount);
            break;
        case 'mo':
            t.setUTCMonth(t.getUTCMonth() + d.amount);
            break;
        case 'y':
            t.setUTCFullYear(t.getUTCFullYear() + d.amount);
            break;
    }
    return t;
}
/** Date parsing rolls 2027-02-30 over to March 2; a typo like that must be refused instead. */
function isCalendarDate(ymd) {
    const [y, m, d] = ymd.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function parseExpiry(input, value, now) {
    const v = value.trim();
    if (v === 'never')
        return { kind: 'never' };
    if (DURATION.test(v) || AMBIGUOUS.test(v))
        return { kind: 'in', duration: parseDuration(input, v) };
    if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
        const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
        if (Number.isNaN(date.getTime()) || !isCalendarDate(v.slice(0, 10)))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `"${v}" is not a valid date`);
        if (date.getTime() <= now.getTime())
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `${v} is in the past`);
        return { kind: 'at', date };
    }
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(input, `"${v}" is not an expiry: use 1w, 1mo, 6mo, 1y, Nd, Nh, Nmin, an ISO date (2027-01-31) or never`);
}
function expiryDate(spec, now) {
    if (spec.kind === 'never')
        return undefined;
    return spec.kind === 'at' ? spec.date : addDuration(now, spec.duration);
}


/***/ }),

/***/ 6271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ destinationKey),
  Sx: () => (/* binding */ parseTargets)
});

// UNUSED EXPORTS: parseTarget, stripComment

// EXTERNAL MODULE: ./src/transport/url.ts
var url = __webpack_require__(800);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/platforms/names.ts
/** Each platform's rule for secret/variable names, checked before anything is minted. */
/** Returns the broken rule, or undefined when `name` is legal on `platform`. */
function nameRuleViolation(platform, name) {
    switch (platform) {
        case 'github':
            if (!/^[A-Za-z0-9_]+$/.test(name))
                return 'GitHub secret names may contain only letters, digits and _';
            if (/^[0-9]/.test(name))
                return 'GitHub secret names must not start with a digit';
            if (/^GITHUB_/i.test(name))
                return 'GitHub secret names must not start with GITHUB_';
            return undefined;
        case 'circleci':
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                return 'CircleCI variable names must match [A-Za-z_][A-Za-z0-9_]*';
            if (name.length > 300)
                return 'CircleCI variable names are at most 300 characters';
            return undefined;
        case 'gitlab':
            if (!/^[A-Za-z0-9_]+$/.test(name))
                return 'GitLab variable keys may contain only letters, digits and _';
            if (name.length > 255)
                return 'GitLab variable keys are at most 255 characters';
            return undefined;
        case 'vault':
            // KV fields are JSON keys and take any string; these keep a field readable in `vault kv get -field=`.
            if (!/^[A-Za-z0-9_.-]{1,256}$/.test(name))
                return 'Vault field names here are 1-256 letters, digits, _ . -';
            return undefined;
    }
}

// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
;// CONCATENATED MODULE: ./src/platforms/target-syntax.ts
/** What every platform's destination lines share: `KIND/PATH?key=value&...`, checked the same way. Pure. */




const INPUT = 'destinations';
const SEGMENT = /^[A-Za-z0-9_.-]+$/;
/** Quotes the offending line, cut to a readable length (a 120 KB line must not become a 120 KB message). */
function fail(line, rule) {
    throw new errors/* ConfigError */.xL(INPUT, `"${line.length > 1000 ? `${line.slice(0, 1000)}...` : line}": ${rule}`);
}
function segments(line, rest, count, what) {
    const parts = rest.split('/');
    const ok = count === 'many' ? parts.length >= 1 : parts.length === count;
    if (!ok || parts.some((p) => p === ''))
        fail(line, `expected ${what}`);
    return parts;
}
function parseOptions(line, query, allowed) {
    const opts = new Map();
    if (query === undefined)
        return opts;
    for (const pair of query.split('&')) {
        if (!pair)
            continue;
        const eq = pair.indexOf('=');
        const key = eq < 0 ? pair : pair.slice(0, eq);
        let value = '';
        try {
            value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
        }
        catch {
            fail(line, `option "${key}" has malformed percent-encoding (write %25 for a literal %)`);
        }
        if ((0,sanitize/* hasUnsafeChars */.E6)(value))
            fail(line, `option "${key}" must not contain control characters or line breaks`);
        if (!allowed.includes(key))
            fail(line, `unknown option "${key}" (allowed here: ${allowed.join(', ')})`);
        if (opts.has(key))
            fail(line, `option "${key}" given twice`);
        opts.set(key, value);
    }
    return opts;
}
function bool(line, opts, key, fallback) {
    const v = opts.get(key);
    if (v === undefined)
        return fallback;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    fail(line, `option "${key}" must be true or false, not "${v}"`);
}
function oneOf(line, opts, key, values, fallback) {
    const v = opts.get(key) ?? fallback;
    if (!values.includes(v))
        fail(line, `option "${key}" must be one of ${values.join(', ')}, not "${v}"`);
    return v;
}
/**
 * Owner, repository, organisation, group and VCS segments: letters, digits, `_`, `.`, `-`; never `.` or `..`
 * (they would address another resource).
 */
function checkSegments(line, parts) {
    for (const p of parts) {
        if ((0,url/* isDotSegment */.DH)(p))
            fail(line, `"${p}" is not allowed as a path segment (. and .. would address another resource)`);
        if (!SEGMENT.test(p))
            fail(line, `"${p}" is not a valid name segment`);
    }
}
function secretName(line, platform, opts, fallback) {
    const name = opts.get('name') ?? fallback;
    const broken = nameRuleViolation(platform, name);
    if (!broken)
        return name;
    // Blame the input the name came from: the line's ?name= or the secret-name input.
    if (opts.has('name'))
        fail(line, `secret name "${name}": ${broken}`);
    throw new errors/* ConfigError */.xL('secret-name', `"${name}" cannot be written to ${line}: ${broken}`);
}

;// CONCATENATED MODULE: ./src/platforms/circleci/target.ts
/** CircleCI destination lines: `circleci:context|project/...`. Pure. */


function parseCircleCI(line, kind, rest, query, defaultName) {
    if (kind === 'context') {
        const opts = parseOptions(line, query, ['create', 'name']);
        const [vcs, org, context] = segments(line, rest, 3, 'circleci:context/VCS/ORG/CONTEXT (e.g. circleci:context/gh/acme/rwx)');
        checkSegments(line, [vcs, org]);
        if (!/^[^\s/][^/]*$/.test(context) || (0,url/* isDotSegment */.DH)(context))
            fail(line, `"${context}" is not a valid context name`);
        return {
            platform: 'circleci',
            kind,
            vcs,
            org,
            context,
            create: bool(line, opts, 'create', true),
            id: `circleci:context/${vcs}/${org}/${context}`,
            name: secretName(line, 'circleci', opts, defaultName),
        };
    }
    if (kind === 'project') {
        const opts = parseOptions(line, query, ['name']);
        const [vcs, org, repo] = segments(line, rest, 3, 'circleci:project/VCS/ORG/REPO (e.g. circleci:project/gh/acme/api)');
        checkSegments(line, [vcs, org, repo]);
        return {
            platform: 'circleci',
            kind,
            vcs,
            org,
            repo,
            id: `circleci:project/${vcs}/${org}/${repo}`,
            name: secretName(line, 'circleci', opts, defaultName),
        };
    }
    fail(line, `unknown CircleCI target "${kind}" (use context or project)`);
}

;// CONCATENATED MODULE: ./src/platforms/github/target.ts
/** GitHub destination lines: `github:repo|env|org|repos/...`. Pure. */


/** GitHub's limit on environment names. */
const MAX_ENVIRONMENT_CHARS = 255;
/** GitHub's environment rules: at most 255 characters, no control characters, no . or .. part. */
function checkEnvironment(line, environment) {
    if (environment.length > MAX_ENVIRONMENT_CHARS)
        fail(line, `the environment name is ${environment.length} characters; GitHub allows at most ${MAX_ENVIRONMENT_CHARS}`);
    if (environment !== environment.trim())
        fail(line, 'the environment name must not start or end with whitespace');
    if (environment.split('/').some((p) => (0,url/* isDotSegment */.DH)(p) || p === ''))
        fail(line, `environment "${environment}": . and .. and empty parts are not allowed`);
}
const APPS = ['actions', 'dependabot', 'codespaces'];
/**
 * The options that select repositories, in a fixed order: the same line written with its options in
 * another order is the same destination (and the same rotation set with token-per: line).
 */
function canonicalQuery(opts) {
    const pairs = [...opts]
        .filter(([k]) => k !== 'name')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v.replace(/[%&#\s]/g, encodeURIComponent)}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
}
function parseGitHub(line, kind, rest, query, defaultName) {
    switch (kind) {
        case 'repo': {
            const opts = parseOptions(line, query, ['app', 'name']);
            const [owner, repo] = segments(line, rest, 2, 'github:repo/OWNER/REPO');
            checkSegments(line, [owner, repo]);
            const app = oneOf(line, opts, 'app', APPS, 'actions');
            const suffix = app === 'actions' ? '' : `?app=${app}`;
            return {
                platform: 'github',
                kind,
                owner,
                repo,
                app,
                id: `github:repo/${owner}/${repo}${suffix}`,
                name: secretName(line, 'github', opts, defaultName),
            };
        }
        case 'env': {
            const opts = parseOptions(line, query, ['name']);
            const parts = rest.split('/');
            if (parts.length < 3 || parts.slice(0, 3).some((p) => !p))
                fail(line, 'expected github:env/OWNER/REPO/ENVIRONMENT');
            const [owner, repo] = parts;
            checkSegments(line, [owner, repo]);
            // Environment names may themselves contain `/` (it is URL-encoded when sent).
            const environment = parts.slice(2).join('/');
            checkEnvironment(line, environment);
            return {
                platform: 'github',
                kind,
                owner,
                repo,
                environment,
                app: 'actions',
                id: `github:env/${owner}/${repo}/${environment}`,
                name: secretName(line, 'github', opts, defaultName),
            };
        }
        case 'org': {
            const opts = parseOptions(line, query, ['visibility', 'repos', 'app', 'name']);
            const [org] = segments(line, rest, 1, 'github:org/ORG');
            checkSegments(line, [org]);
            const app = oneOf(line, opts, 'app', APPS, 'actions');
            const visibility = opts.has('visibility')
                ? oneOf(line, opts, 'visibility', ['all', 'private', 'selected'], 'all')
                : undefined;
            const repos = opts
                .get('repos')
                ?.split(',')
                .map((r) => r.trim())
                .filter(Boolean);
            if (repos && visibility !== 'selected')
                fail(line, 'repos= needs visibility=selected');
            if (visibility === 'selected' && !repos?.length)
                fail(line, 'visibility=selected needs repos=NAME,NAME');
            if (repos)
                checkSegments(line, repos);
            const suffix = app === 'actions' ? '' : `?app=${app}`;
            return {
                platform: 'github',
                kind,
                org,
                app,
                visibility,
                repos,
                id: `github:org/${org}${suffix}`,
                name: secretName(line, 'github', opts, defaultName),
            };
        }
        case 'repos': {
            const opts = parseOptions(line, query, ['match', 'topic', 'archived', 'app', 'name']);
            const [org] = segments(line, rest, 1, 'github:repos/ORG');
            checkSegments(line, [org]);
            let match;
            const pattern = opts.get('match');
            if (pattern !== undefined) {
                try {
                    match = new RegExp(pattern);
                }
                catch (err) {
                    fail(line, `match= is not a valid regular expression: ${err.message}`);
                }
            }
            const app = oneOf(line, opts, 'app', APPS, 'actions');
            return {
                platform: 'github',
                kind,
                org,
                app,
                match,
                topic: opts.get('topic'),
                archived: bool(line, opts, 'archived', false),
                id: `github:repos/${org}${canonicalQuery(opts)}`,
                name: secretName(line, 'github', opts, defaultName),
            };
        }
        default:
            fail(line, `unknown GitHub target "${kind}" (use repo, env, org or repos)`);
    }
}

;// CONCATENATED MODULE: ./src/platforms/gitlab/target.ts
/** GitLab destination lines: `gitlab:group|project/...`. Pure. */

/** Instance variables have no environment scope and no hidden flag (GitLab's admin/ci/variables API). */
function parseGitLabInstance(line, rest, query, defaultName) {
    if (rest !== undefined)
        fail(line, 'gitlab:instance takes no path (it is the whole GitLab instance)');
    const opts = parseOptions(line, query, ['protected', 'masked', 'raw', 'scope', 'hidden', 'name']);
    for (const refused of ['scope', 'hidden'])
        if (opts.has(refused))
            fail(line, `instance-level variables have no ${refused === 'scope' ? 'environment scope' : 'hidden flag'}: drop ${refused}=`);
    return {
        platform: 'gitlab',
        kind: 'instance',
        path: '',
        protected: bool(line, opts, 'protected', false),
        masked: bool(line, opts, 'masked', true),
        raw: bool(line, opts, 'raw', true),
        scope: '*',
        hidden: false,
        explicit: ['protected', 'masked', 'raw'].filter((f) => opts.has(f)),
        id: 'gitlab:instance',
        name: secretName(line, 'gitlab', opts, defaultName),
    };
}
function parseGitLab(line, kind, rest, query, defaultName) {
    if (kind === 'instance')
        return parseGitLabInstance(line, rest, query, defaultName);
    if (kind !== 'group' && kind !== 'project')
        fail(line, `unknown GitLab target "${kind}" (use group, project or instance)`);
    const opts = parseOptions(line, query, ['protected', 'masked', 'raw', 'scope', 'hidden', 'name']);
    const parts = segments(line, rest ?? '', 'many', `gitlab:${kind}/FULL/PATH`);
    if (kind === 'project' && parts.length < 2)
        fail(line, 'expected gitlab:project/GROUP/PROJECT');
    checkSegments(line, parts);
    const masked = bool(line, opts, 'masked', true);
    const hidden = bool(line, opts, 'hidden', false);
    if (hidden && !masked)
        fail(line, 'hidden=true needs masked=true (GitLab hides only masked variables)');
    const scope = opts.get('scope') ?? '*';
    if (!scope)
        fail(line, 'scope= must not be empty');
    return {
        platform: 'gitlab',
        kind,
        path: parts.join('/'),
        protected: bool(line, opts, 'protected', false),
        masked,
        raw: bool(line, opts, 'raw', true),
        scope,
        hidden,
        explicit: ['protected', 'masked', 'raw'].filter((f) => opts.has(f)),
        id: `gitlab:${kind}/${parts.join('/')}${scope === '*' ? '' : `?scope=${scope}`}`,
        name: secretName(line, 'gitlab', opts, defaultName),
    };
}

;// CONCATENATED MODULE: ./src/platforms/vault/target.ts
/** Vault destination lines: `vault:kv/MOUNT/PATH?key=FIELD`. Pure. */




/**
 * Vault path segments: what KV paths commonly use; never empty, `.` or `..` (Vault would clean them to another
 * path).
 */
const VAULT_SEGMENT = /^[A-Za-z0-9_.@+=-]+$/;
function parseVault(line, kind, rest, query, defaultName) {
    if (kind !== 'kv')
        fail(line, `unknown Vault target "${kind}" (use kv: vault:kv/MOUNT/PATH)`);
    const opts = parseOptions(line, query, ['key', 'name']);
    const parts = segments(line, rest, 'many', 'vault:kv/MOUNT/PATH (e.g. vault:kv/secret/ci/rwx)');
    if (parts.length < 2)
        fail(line, 'expected vault:kv/MOUNT/PATH: a KV mount and a secret path under it');
    for (const p of parts) {
        if ((0,url/* isDotSegment */.DH)(p))
            fail(line, `"${p}" is not allowed as a path segment (. and .. would address another secret)`);
        if (!VAULT_SEGMENT.test(p))
            fail(line, `"${p}" is not a valid Vault path segment (letters, digits and _ . @ + = -)`);
    }
    if (opts.has('key') && opts.has('name'))
        fail(line, 'key= and name= both name the field: give one');
    const field = opts.get('key') ?? opts.get('name') ?? defaultName;
    const broken = nameRuleViolation('vault', field);
    if (broken) {
        if (opts.has('key') || opts.has('name'))
            fail(line, `field "${field}": ${broken}`);
        throw new errors/* ConfigError */.xL('secret-name', `"${field}" cannot be written to ${line}: ${broken}`);
    }
    const path = parts.join('/');
    return {
        platform: 'vault',
        kind,
        path,
        field,
        id: `vault:kv/${path}`,
        name: field,
    };
}

;// CONCATENATED MODULE: ./src/platforms/aws/target.ts
/** AWS Secrets Manager destination lines: `aws:secret/NAME-OR-ARN?region=R&key=FIELD&create=false`. Pure. */


/** Secrets Manager's rule for secret names. */
const AWS_SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const AWS_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):([^:]*):([^:]*):(\d{12}):(.*)$/;
const AWS_REGION = /^([a-z]+-)+\d+$/;
function parseAws(line, kind, rest, query) {
    if (kind !== 'secret')
        fail(line, `unknown AWS target "${kind}" (use secret: aws:secret/NAME-OR-ARN)`);
    const opts = parseOptions(line, query, ['region', 'key', 'create']);
    if (!rest)
        fail(line, 'expected aws:secret/NAME-OR-ARN');
    let region = opts.get('region');
    let name = rest;
    if (rest.startsWith('arn:')) {
        const arn = AWS_ARN.exec(rest);
        if (!arn)
            fail(line, 'is not a valid ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)');
        const [, , service, arnRegion, , resource] = arn;
        if (service !== 'secretsmanager')
            fail(line, `is an ARN of ${service || 'no service'}, not of a Secrets Manager secret (arn:aws:secretsmanager:...)`);
        if (!resource.startsWith('secret:'))
            fail(line, 'is a Secrets Manager ARN but not of a secret (...:secret:NAME)');
        if (region !== undefined && region !== arnRegion)
            fail(line, `region=${region} contradicts the ARN's region ${arnRegion}`);
        region = arnRegion;
        name = resource.slice('secret:'.length);
    }
    if (!AWS_SECRET_NAME.test(name))
        fail(line, `"${name}" is not a Secrets Manager secret name (1-512 of letters, digits and / _ + = . @ -)`);
    if (name.split('/').some(url/* isDotSegment */.DH))
        fail(line, `"${name}": . and .. are not allowed as parts of a secret name`);
    if (region !== undefined && !AWS_REGION.test(region))
        fail(line, `region "${region}" is not an AWS region (e.g. us-east-1)`);
    const field = opts.get('key');
    if (field !== undefined && !field)
        fail(line, 'key= must name a field of the JSON secret');
    const create = bool(line, opts, 'create', false);
    if (create && rest.startsWith('arn:'))
        fail(line, "create=true needs the secret's name, not an ARN (AWS makes the ARN)");
    const options = [...(opts.has('region') ? [`region=${region}`] : []), ...(field ? [`key=${field}`] : [])];
    return {
        platform: 'aws',
        kind,
        secretId: rest,
        region,
        field,
        create,
        id: `aws:secret/${rest}${options.length ? `?${options.join('&')}` : ''}`,
        name: field ?? name,
    };
}

;// CONCATENATED MODULE: ./src/plan/grammar.ts
/**
 * The destination grammar (one per line, `#` comments):
 *   github:repo/OWNER/REPO  github:env/OWNER/REPO/ENV  github:org/ORG  github:repos/ORG
 *   circleci:context/VCS/ORG/CONTEXT  circleci:project/VCS/ORG/REPO
 *   gitlab:group/FULL/PATH  gitlab:project/FULL/PATH  gitlab:instance
 *   vault:kv/MOUNT/PATH  aws:secret/NAME-OR-ARN
 * each optionally followed by `?key=value&...`. Pure: no I/O.
 */







/** Parses one destination line (already trimmed, not a comment). */
function parseTarget(line, defaultName) {
    // A tab, lone CR or other control character has no place in a destination (and would reach logs and URLs).
    if ((0,sanitize/* hasUnsafeChars */.E6)(line))
        fail(line, 'must not contain control characters (tabs, carriage returns, ...)');
    // `a,b` or `a b` reads naturally but is one line: say so, rather than blame a name segment.
    if (line.split(/[\s,]+/).filter((part) => /^(github|circleci|gitlab|vault|aws):/.test(part)).length > 1)
        fail(line, 'holds more than one destination: put one per line (a YAML block `|` in a workflow; repeat --destinations on the command line)');
    const m = /^(github|circleci|gitlab|vault|aws):([a-z]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(line);
    if (!m)
        fail(line, 'expected PLATFORM:KIND/PATH, e.g. github:repo/acme/api, circleci:context/gh/acme/rwx, gitlab:group/acme, vault:kv/secret/ci, aws:secret/ci/rwx');
    const [, platform, kind, rest, query] = m;
    if (platform === 'gitlab')
        return parseGitLab(line, kind, rest, query, defaultName);
    if (platform === 'vault')
        return parseVault(line, kind, rest ?? '', query, defaultName);
    if (platform === 'aws')
        return parseAws(line, kind, rest ?? '', query);
    if (platform === 'github')
        return parseGitHub(line, kind, rest ?? '', query, defaultName);
    return parseCircleCI(line, kind, rest ?? '', query, defaultName);
}
/**
 * Cuts a trailing `# comment` (a `#` at the start or after whitespace). A scan, not a regex like
 * /\s+#.*$/, which backtracks quadratically on a long run of spaces.
 */
function stripComment(raw) {
    for (let i = raw.indexOf('#'); i >= 0; i = raw.indexOf('#', i + 1)) {
        if (i === 0 || /\s/.test(raw[i - 1]))
            return raw.slice(0, i);
    }
    return raw;
}
/**
 * The identity of a destination for duplicate detection. GitHub owner, repository, organisation and
 * environment names are case-insensitive, so `acme/api` and `ACME/API` are the same destination:
 * listing both is refused as a duplicate (not silently merged), like any other line listed twice.
 * Secret names are case-insensitive on every platform we write to.
 */
function destinationKey(t) {
    const id = t.platform !== 'github'
        ? t.id
        : t.kind === 'repos'
            ? `github:repos/${t.org.toLowerCase()}${t.id.slice(`github:repos/${t.org}`.length)}`
            : t.id.toLowerCase();
    return `${id}|${t.name.toUpperCase()}`;
}
/** Parses the `destinations` input: one per line, blank lines and `#` comments ignored, duplicates rejected. */
function parseTargets(text, defaultName) {
    const targets = [];
    const seen = new Set();
    for (const raw of text.split(/\r?\n/)) {
        const line = stripComment(raw).trim();
        if (!line)
            continue;
        const t = parseTarget(line, defaultName);
        const key = destinationKey(t);
        if (seen.has(key))
            fail(line, t.platform === 'github'
                ? 'listed twice (GitHub names are case-insensitive: this line names the same destination as an earlier one)'
                : 'listed twice');
        seen.add(key);
        targets.push(t);
    }
    return targets;
}


/***/ }),

/***/ 1846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   RL: () => (/* binding */ MULTI_LINE_INPUTS),
/* harmony export */   eG: () => (/* binding */ describeInput),
/* harmony export */   t5: () => (/* binding */ envFallbacks),
/* harmony export */   tz: () => (/* binding */ inputsWhere)
/* harmony export */ });
/* unused harmony export INPUTS */
const INPUTS = {
    issuer: { description: 'Token issuer: rack-gateway, http (generic contract), rwx, hawzu or static.' },
    'issuer-url': {
        description: 'Issuer base URL, https only (loopback excepted). Defaults: rwx https://cloud.rwx.com (or RWX_HOST), hawzu https://api.hawzu.com.',
    },
    'issuer-token': {
        description: 'Credential allowed to create, list and revoke tokens (Rack Gateway: an admin API token).',
        secret: true,
        file: true,
        header: true,
    },
    token: {
        description: "An existing token value to distribute (rwx, hawzu, static; or any issuer's token in distribute mode).",
        secret: true,
        lineBreaks: true,
    },
    'token-name': {
        description: 'The rotation set: name prefix of minted tokens (a UTC timestamp and a run tag are appended). Default: where the run comes from plus the secret name, e.g. gh.acme.api.rack-gateway-api-token; required outside CI in rotate and audit mode.',
    },
    'token-per': {
        description: 'run (default): one token for every destination. line: one token, and one rotation set, per destination line (one token per integration).',
    },
    'token-role': { description: 'Role of the minted token (Rack Gateway: viewer, ops, deployer, cicd, admin).' },
    'token-permissions': { description: 'Explicit permissions instead of a role, one per line.', repeatable: true },
    'token-projects': { description: 'Project-scoped token (http issuer): lines PROJECT_ID=ROLE.', repeatable: true },
    'token-expires-in': {
        description: 'Expiry: 1w, 1mo, 6mo, 1y, 30d, 12h, 30min, an ISO date, or never (a bare m is refused: write min or mo). Refused for issuers without expiry.',
    },
    mode: {
        description: 'rotate, create, ephemeral, distribute or audit (review the rotation set, change nothing). Default: rotate (distribute for rwx, hawzu and static, which cannot mint).',
    },
    'rotate-if-older-than': {
        description: 'Skip (outcome not-due) when the newest token with the prefix is younger than this (and not expiring within rotate-before-expiry), e.g. 90d or 6mo.',
    },
    'rotate-before-expiry': {
        description: 'With rotate-if-older-than: rotate anyway when the newest token expires within this, e.g. 14d (the default).',
    },
    'revoke-first': {
        description: "true for a leaked token: revoke the rotation set's live tokens first, then mint the replacement (same rights), write it everywhere, and name every destination left holding the dead token (exit 1).",
        yesNo: true,
    },
    'fail-on-findings': {
        description: 'mode audit: exit 1 when the review of the rotation set has findings (default: list them and exit 0).',
        yesNo: true,
    },
    'secret-name': {
        description: 'Secret/variable name to write. Default RWX_ACCESS_TOKEN (rwx) or RACK_GATEWAY_API_TOKEN (rack-gateway); else required.',
    },
    destinations: {
        description: 'One destination per line (github:repo/O/R, github:env/O/R/E, github:org/ORG, github:repos/ORG, circleci:context/VCS/ORG/CTX, circleci:project/VCS/ORG/REPO, gitlab:group/PATH, gitlab:project/PATH, gitlab:instance, vault:kv/MOUNT/PATH, aws:secret/NAME-OR-ARN). Required except in ephemeral and audit modes.',
        repeatable: true,
    },
    'github-token': {
        description: "Token with Secrets write (fine-grained PAT or App token). The workflow's GITHUB_TOKEN cannot write secrets.",
        secret: true,
        file: true,
        envFallbacks: ['GITHUB_TOKEN'],
        header: true,
    },
    'github-api-url': {
        description: 'GitHub API URL. Default GITHUB_API_URL or https://api.github.com (GHES: https://HOST/api/v3).',
    },
    'github-app-id': {
        description: 'GitHub App id: alternative to github-token (a least-privilege installation token per org, revoked at the end).',
    },
    'github-app-private-key': {
        description: "The GitHub App's private key (PEM).",
        secret: true,
        file: true,
        lineBreaks: true,
    },
    shard: { description: 'K/N: write only the K-th of N slices of the destinations (matrix jobs, distribute mode).' },
    'circleci-token': {
        description: 'CircleCI personal API token.',
        secret: true,
        file: true,
        envFallbacks: ['CIRCLE_TOKEN', 'CIRCLECI_TOKEN'],
        header: true,
    },
    'circleci-url': { description: 'CircleCI URL.' },
    'gitlab-token': {
        description: 'GitLab token with api scope (group Owner or project Maintainer).',
        secret: true,
        file: true,
        envFallbacks: ['GITLAB_TOKEN'],
        header: true,
    },
    'gitlab-url': { description: 'GitLab URL. Default CI_SERVER_URL or https://gitlab.com.' },
    'vault-url': {
        description: 'Vault address for vault: destinations. Default VAULT_ADDR.',
        envFallbacks: ['VAULT_ADDR'],
    },
    'vault-token': {
        description: 'Vault token with create/update on the KV paths (or use vault-role). Default VAULT_TOKEN.',
        secret: true,
        file: true,
        envFallbacks: ['VAULT_TOKEN'],
        header: true,
    },
    'vault-namespace': {
        description: 'Vault Enterprise namespace (X-Vault-Namespace). Default VAULT_NAMESPACE.',
        envFallbacks: ['VAULT_NAMESPACE'],
    },
    'vault-role': {
        description: "GitHub Actions: log in to Vault with the job's OIDC token (JWT auth) as this role instead of a stored vault-token; the Vault token is revoked when the run ends. Needs permissions: id-token: write.",
    },
    'vault-auth-path': { description: 'Mount path of the JWT auth method vault-role logs in with. Default jwt.' },
    concurrency: { description: 'Parallel destination writes.' },
    'dry-run': { description: 'Plan, preflight and due-check only: mint, write and revoke nothing.', yesNo: true },
    'report-file': { description: 'Write the JSON report (no secrets) to this path.' },
};
const INPUT_NAMES = Object.keys(INPUTS);
const spec = (name) => INPUTS[name];
const inputsWhere = (has) => INPUT_NAMES.filter((n) => spec(n)[has]);
/** Inputs whose value may hold line breaks: the repeatable ones and single values that span lines. */
const MULTI_LINE_INPUTS = INPUT_NAMES.filter((n) => spec(n).repeatable || spec(n).lineBreaks);
const describeInput = (name) => spec(name).description;
const envFallbacks = (name) => spec(name).envFallbacks ?? [];


/***/ }),

/***/ 246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUT_NAMES: () => (/* reexport */ plan_inputs/* INPUT_NAMES */.Qh),
  ISSUERS: () => (/* reexport */ kinds/* ISSUERS */.x5),
  MODES: () => (/* reexport */ MODES),
  RACK_GATEWAY_ROLES: () => (/* reexport */ RACK_GATEWAY_ROLES),
  TOKEN_PER: () => (/* reexport */ TOKEN_PER),
  buildPlan: () => (/* binding */ buildPlan),
  checkUrl: () => (/* reexport */ checkUrl),
  planSecrets: () => (/* binding */ planSecrets)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/plan/duration.ts
var duration = __webpack_require__(2983);
;// CONCATENATED MODULE: ./src/plan/origin.ts
/** The CI system's own record of this run, where it provides one. */
function runOrigin(env) {
    const gh = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const fields = {
        repository: env.GITHUB_REPOSITORY ??
            env.CI_PROJECT_PATH ??
            (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME
                ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
                : undefined),
        run: gh ?? env.CI_PIPELINE_URL ?? env.CIRCLE_BUILD_URL,
        actor: env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? env.CIRCLE_USERNAME,
        commit: env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.CIRCLE_SHA1,
    };
    return Object.fromEntries(Object.entries(fields).filter((e) => Boolean(e[1])));
}

// EXTERNAL MODULE: ./src/issuers/kinds.ts
var kinds = __webpack_require__(6471);
// EXTERNAL MODULE: ./src/plan/token-name.ts
var token_name = __webpack_require__(9780);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
// EXTERNAL MODULE: ./src/transport/url.ts
var transport_url = __webpack_require__(800);
// EXTERNAL MODULE: ./src/plan/inputs.ts
var plan_inputs = __webpack_require__(1846);
;// CONCATENATED MODULE: ./src/plan/values.ts
/** The rules every input value meets: characters, URLs, booleans, counts, keys. Pure. */





function get(inputs, name) {
    const v = inputs[name]?.trim();
    return v ? v : undefined;
}
function isLoopback(host) {
    const h = host.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
/** https only, except loopback (emulators and local gateways); a base URL, so no query, fragment or credentials. */
function checkUrl(input, value) {
    // URL parsing silently drops tabs and newlines: refuse them instead.
    if ((0,sanitize/* hasUnsafeChars */.E6)(value))
        throw new errors/* ConfigError */.xL(input, 'must not contain control characters or line breaks');
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ConfigError */.xL(input, `"${value}" is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        throw new errors/* ConfigError */.xL(input, `must use https:// (plain http is allowed only for loopback addresses), got ${url.protocol}//${url.host}`);
    }
    if (url.username || url.password)
        throw new errors/* ConfigError */.xL(input, 'must not carry credentials in the URL');
    if (url.search || url.hash || /[?#]/.test(value))
        throw new errors/* ConfigError */.xL(input, 'is a base URL: it must not have a ?query or #fragment');
    return (0,transport_url/* trimTrailingSlashes */.iV)(value);
}
/**
 * Multi-line list inputs (token-permissions, token-projects): one item per line, blank lines and
 * `#` comment lines ignored. Commas do not separate items (the documented grammar is one per line,
 * like destinations); the callers refuse a comma with that hint rather than guess.
 */
function lines(text) {
    return (text ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
}
/** Inputs that carry secrets: never quoted in a message. */
const SECRET_INPUTS = (0,plan_inputs/* inputsWhere */.tz)('secret');
const HEADER_CREDENTIALS = (0,plan_inputs/* inputsWhere */.tz)('header');
/** No input may smuggle control characters; multi-line inputs may hold line breaks (and tabs before a comment). */
function checkCharacters(inputs) {
    for (const name of plan_inputs/* INPUT_NAMES */.Qh) {
        const value = get(inputs, name);
        if (value === undefined || (SECRET_INPUTS.includes(name) && !HEADER_CREDENTIALS.includes(name)))
            continue;
        const rest = plan_inputs/* MULTI_LINE_INPUTS */.RL.includes(name) ? value.replace(/[\r\n\t]/g, '') : value;
        if ((0,sanitize/* hasUnsafeChars */.E6)(rest)) {
            throw new errors/* ConfigError */.xL(name, HEADER_CREDENTIALS.includes(name)
                ? 'contains a line break or control character (a paste error? the value is not shown)'
                : 'must not contain control characters or line breaks');
        }
    }
}
/**
 * A GitHub App private key is checked here, before any request: an RSA private key in PEM (GitHub signs App JWTs
 * with RS256).
 */
function checkAppPrivateKey(pem) {
    const text = pem.replace(/\\n/g, '\n');
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(text);
    }
    catch {
        const hint = /PUBLIC KEY/.test(text)
            ? ': this is a public key; the App settings page gives a private key (.pem)'
            : /-----BEGIN/.test(text)
                ? ' (or it is encrypted)'
                : ' (paste the whole .pem file the App settings page gave you, -----BEGIN RSA PRIVATE KEY----- included)';
        throw new errors/* ConfigError */.xL('github-app-private-key', `is not a PEM private key${hint}`);
    }
    if (key.asymmetricKeyType !== 'rsa')
        throw new errors/* ConfigError */.xL('github-app-private-key', `is a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub App keys are RSA (RS256)`);
}
function parseBool(input, value, fallback) {
    if (value === undefined)
        return fallback;
    if (/^(true|yes|1)$/i.test(value))
        return true;
    if (/^(false|no|0)$/i.test(value))
        return false;
    throw new errors/* ConfigError */.xL(input, `must be true or false, not "${value}"`);
}
function parseShard(value) {
    if (value === undefined)
        return undefined;
    const m = /^(\d+)\/(\d+)$/.exec(value);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count)
        throw new errors/* ConfigError */.xL('shard', `"${value}" must be K/N with 1 <= K <= N, e.g. 2/4`);
    return { index, count };
}
function parseConcurrency(value) {
    if (value === undefined)
        return 8;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 100)
        throw new errors/* ConfigError */.xL('concurrency', `must be a whole number from 1 to 100, not "${value}"`);
    return n;
}

;// CONCATENATED MODULE: ./src/plan/spec.ts
/** What a run mints: its mode, one token or one per line, and the token's name, rights and expiry. Pure. */





const MODES = ['rotate', 'create', 'ephemeral', 'distribute', 'audit'];
const TOKEN_PER = ['run', 'line'];
const RACK_GATEWAY_ROLES = ['viewer', 'ops', 'deployer', 'cicd', 'admin'];
function parseProjects(value) {
    if (value === undefined)
        return undefined;
    const projects = lines(value).map((line) => {
        if (line.includes(','))
            throw new errors/* ConfigError */.xL('token-projects', `"${line}": one PROJECT_ID=ROLE per line (commas do not separate)`);
        const m = /^([^=\s]+)\s*=\s*([A-Za-z0-9_-]+)$/.exec(line);
        if (!m)
            throw new errors/* ConfigError */.xL('token-projects', `"${line}" must be PROJECT_ID=ROLE`);
        return { id: m[1], role: m[2] };
    });
    // One role per project: a second line would be an ambiguous (or escalating) grant.
    const twice = projects.find((p, i) => projects.findIndex((q) => q.id === p.id) !== i);
    if (twice)
        throw new errors/* ConfigError */.xL('token-projects', `project ${twice.id} is listed twice (one role per project)`);
    return projects;
}
function parseMode(inputs, kind) {
    const mode = get(inputs, 'mode');
    const canMint = kinds/* ISSUER_KINDS */.o2[kind].can.create;
    if (mode === undefined)
        return canMint ? 'rotate' : 'distribute';
    if (!MODES.includes(mode))
        throw new errors/* ConfigError */.xL('mode', `"${mode}" is not a mode: use ${MODES.join(', ')}`);
    if (!canMint && mode !== 'distribute') {
        throw new errors/* ConfigError */.xL('mode', `issuer ${kind} has no API to mint tokens, so mode ${mode} is impossible: create the token in ${kinds/* ISSUER_KINDS */.o2[kind].madeIn}, pass it as \`token\` and use mode distribute`);
    }
    return mode;
}
function parseTokenPer(value, mode) {
    if (value === undefined)
        return 'run';
    if (!TOKEN_PER.includes(value))
        throw new errors/* ConfigError */.xL('token-per', `"${value}" must be run (one token for every destination) or line (one per destination line)`);
    if (value === 'line' && (mode === 'distribute' || mode === 'ephemeral'))
        throw new errors/* ConfigError */.xL('token-per', `line mints one token per destination line, which ${mode} mode cannot do (${mode === 'distribute' ? 'it writes the one token it is given' : 'it mints one short-lived token for the job'}): leave token-per out (one token for every destination), or mint with mode rotate or mode create`);
    return value;
}
function parseSpec(inputs, kind, mode, secretName, env, now) {
    const can = kinds/* ISSUER_KINDS */.o2[kind].can;
    const role = get(inputs, 'token-role');
    const permissions = get(inputs, 'token-permissions') === undefined ? undefined : lines(get(inputs, 'token-permissions'));
    const comma = permissions?.find((p) => p.includes(','));
    if (comma)
        throw new errors/* ConfigError */.xL('token-permissions', `"${comma}": one permission per line (commas do not separate)`);
    const projects = parseProjects(get(inputs, 'token-projects'));
    const expiresIn = get(inputs, 'token-expires-in');
    const mints = mode !== 'distribute' && mode !== 'audit';
    if (role && permissions)
        throw new errors/* ConfigError */.xL('token-role', 'give token-role or token-permissions, not both');
    if (projects && !can.projects)
        throw new errors/* ConfigError */.xL('token-projects', `issuer ${kind} has no project-scoped tokens`);
    if (projects && (role || permissions))
        throw new errors/* ConfigError */.xL('token-projects', 'project tokens carry a role per project: drop token-role / token-permissions');
    if (expiresIn !== undefined && !can.expiry)
        throw new errors/* ConfigError */.xL('token-expires-in', `issuer ${kind} has no token expiry: remove token-expires-in`);
    if (kind === 'rack-gateway' && role && !RACK_GATEWAY_ROLES.includes(role)) {
        throw new errors/* ConfigError */.xL('token-role', `"${role}" is not a Rack Gateway role (valid roles: ${RACK_GATEWAY_ROLES.join(', ')})`);
    }
    // A rotation without rights copies those of the token it replaces; other mints must say them.
    const copyRights = mode === 'rotate' && !role && !permissions && !projects;
    if (mints && !copyRights && kind === 'rack-gateway' && !role && !permissions) {
        throw new errors/* ConfigError */.xL('token-role', `Rack Gateway tokens need a role (${RACK_GATEWAY_ROLES.join(', ')}) or token-permissions (a rotation may leave both out to copy the replaced token's rights)`);
    }
    if (mints && !copyRights && kind === 'http' && !role && !permissions && !projects) {
        throw new errors/* ConfigError */.xL('token-role', "http issuer tokens need token-role (workspace token) or token-projects (project token); a rotation may leave them out to copy the replaced token's rights");
    }
    const namePrefix = get(inputs, 'token-name') ??
        (0,token_name/* defaultPrefix */.Mq)(secretName, env) ??
        (mode === 'rotate' || mode === 'audit' ? undefined : secretName.toLowerCase().replace(/_/g, '-'));
    if (namePrefix === undefined) {
        throw new errors/* ConfigError */.xL('token-name', `is required in ${mode} mode outside GitHub Actions, GitLab CI and CircleCI: it names the rotation set, the tokens a successful rotation revokes (e.g. --token-name ci-deploy-rack-gateway)`);
    }
    // Rack Gateway names are <= 150 chars and we append -yyyymmddHHMMss (15 chars).
    if (namePrefix.length > token_name/* MAX_PREFIX */.sq)
        throw new errors/* ConfigError */.xL('token-name', `must be at most ${token_name/* MAX_PREFIX */.sq} characters (a timestamp and a run tag, 22 characters, are appended)`);
    // Names are what the issuer accepts (Hawzu's own example is "CI Runner"): printable text starting
    // with a letter or digit (inputs are trimmed, as issuers trim names).
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{P}\p{S} ]*$/u.test(namePrefix)) {
        throw new errors/* ConfigError */.xL('token-name', `"${namePrefix}" may contain only letters, digits, punctuation and spaces, and must start with a letter or digit`);
    }
    return {
        namePrefix,
        role,
        permissions,
        projects,
        copyRights: copyRights && mints,
        expiry: expiresIn === undefined ? undefined : (0,duration/* parseExpiry */.rQ)('token-expires-in', expiresIn, now),
    };
}
/**
 * On an issuer with expiry, leaving `token-expires-in` out never mints a token that lives forever:
 * twice `rotate-if-older-than` (so a missed rotation still leaves time), else 90 days.
 */
function defaultExpiry(rotateIfOlderThan) {
    return {
        kind: 'in',
        duration: rotateIfOlderThan
            ? {
                ...rotateIfOlderThan,
                amount: rotateIfOlderThan.amount * 2,
                text: `${rotateIfOlderThan.amount * 2}${rotateIfOlderThan.unit}`,
            }
            : { amount: 90, unit: 'd', text: '90d' },
    };
}

;// CONCATENATED MODULE: ./src/plan/stores.ts
/** Vault and AWS Secrets Manager settings, from inputs and the variables their own tools read. Pure. */


/** Vault path parts (namespace, auth mount): never empty, `.` or `..`. */
function checkVaultPath(input, value) {
    const parts = value.replace(/^\/+|\/+$/g, '').split('/');
    if (parts.some((p) => !/^[A-Za-z0-9_.@+=-]+$/.test(p) || p === '.' || p === '..'))
        throw new errors/* ConfigError */.xL(input, `"${value}" is not a Vault path (parts of letters, digits and _ . @ + = -; no . or ..)`);
    return parts.join('/');
}
function parseVault(inputs, env, used) {
    const role = get(inputs, 'vault-role');
    // A role means the job's OIDC token logs in: an ambient VAULT_TOKEN is not a second credential.
    const token = get(inputs, 'vault-token') ?? (role ? undefined : env.VAULT_TOKEN?.trim() || undefined);
    const urlText = get(inputs, 'vault-url') ?? (env.VAULT_ADDR?.trim() || undefined);
    const namespace = get(inputs, 'vault-namespace') ?? (env.VAULT_NAMESPACE?.trim() || undefined);
    const settings = {
        url: urlText && checkUrl('vault-url', urlText),
        token,
        namespace: namespace && checkVaultPath('vault-namespace', namespace),
        role,
        authPath: checkVaultPath('vault-auth-path', get(inputs, 'vault-auth-path') ?? 'jwt'),
    };
    if (!used)
        return settings;
    if (!settings.url)
        throw new errors/* ConfigError */.xL('vault-url', 'is required for vault: destinations (or set VAULT_ADDR)');
    if (role && get(inputs, 'vault-token'))
        throw new errors/* ConfigError */.xL('vault-role', 'give vault-token or vault-role, not both (which credential would write?)');
    if (!role && !token)
        throw new errors/* ConfigError */.xL('vault-token', 'is required for vault: destinations (or VAULT_TOKEN; in GitHub Actions, vault-role logs in with the job OIDC token)');
    if (role) {
        if (!/^[A-Za-z0-9_.@-]{1,128}$/.test(role))
            throw new errors/* ConfigError */.xL('vault-role', `"${role}" is not a Vault role name`);
        const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
        const jwt = (env.VAULT_ID_TOKEN ?? env.CIRCLE_OIDC_TOKEN_V2)?.trim();
        if (url && bearer)
            settings.oidc = { request: { url: checkRequestUrl('vault-role', url), token: bearer } };
        else if (jwt)
            settings.oidc = { jwt };
        else
            throw new errors/* ConfigError */.xL('vault-role', "logs in with the job's OIDC token, which this job does not have: in GitHub Actions grant `permissions: id-token: write`; in GitLab CI add `id_tokens: VAULT_ID_TOKEN` to the job; CircleCI provides CIRCLE_OIDC_TOKEN_V2");
    }
    return settings;
}
/** The runner's token endpoint carries a query (`?api-version=2.0`); otherwise the rules of checkUrl. */
function checkRequestUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ConfigError */.xL(input, 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
        throw new errors/* ConfigError */.xL(input, 'ACTIONS_ID_TOKEN_REQUEST_URL must use https://');
    return url.href;
}
const AWS_REGION = /^([a-z]+-)+\d+$/;
function parseAws(env, targets) {
    const value = (name) => env[name]?.trim() || undefined;
    const region = value('AWS_REGION') ?? value('AWS_DEFAULT_REGION');
    const endpointName = value('AWS_ENDPOINT_URL_SECRETS_MANAGER')
        ? 'AWS_ENDPOINT_URL_SECRETS_MANAGER'
        : 'AWS_ENDPOINT_URL';
    const endpoint = value(endpointName);
    const settings = {
        accessKeyId: value('AWS_ACCESS_KEY_ID'),
        secretAccessKey: value('AWS_SECRET_ACCESS_KEY'),
        sessionToken: value('AWS_SESSION_TOKEN'),
        region,
        endpoint: endpoint && checkUrl(endpointName, endpoint),
    };
    const lines = targets.filter((t) => t.platform === 'aws');
    if (!lines.length)
        return settings;
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])
        if (!value(name))
            throw new errors/* ConfigError */.xL(name, 'is required for aws: destinations (aws-actions/configure-aws-credentials sets it from OIDC; see the README recipe)');
    if (settings.accessKeyId && !/^[A-Z0-9]{16,128}$/.test(settings.accessKeyId))
        throw new errors/* ConfigError */.xL('AWS_ACCESS_KEY_ID', 'is not an AWS access key id (upper-case letters and digits)');
    if (region && !AWS_REGION.test(region))
        throw new errors/* ConfigError */.xL(value('AWS_REGION') ? 'AWS_REGION' : 'AWS_DEFAULT_REGION', `"${region}" is not an AWS region`);
    const regionless = lines.find((t) => !t.region);
    if (regionless && !region)
        throw new errors/* ConfigError */.xL('AWS_REGION', `is required for ${regionless.id} (or give the line region=, or use the secret's ARN)`);
    return settings;
}

// EXTERNAL MODULE: ./src/plan/grammar.ts + 7 modules
var grammar = __webpack_require__(6271);
;// CONCATENATED MODULE: ./src/plan/plan.ts
/**
 * Turns raw inputs (action inputs, CLI flags or TOKEN_ACTION_* variables - all the same names) into
 * one validated Plan. Pure: no I/O. Every error names the input and the rule, so nothing is minted
 * or written when any input is bad.
 */












function buildPlan(inputs, env = {}, now = new Date()) {
    checkCharacters(inputs);
    const issuerName = get(inputs, 'issuer');
    if (!issuerName)
        throw new errors/* ConfigError */.xL('issuer', `is required: one of ${kinds/* ISSUERS */.x5.join(', ')}`);
    if (!kinds/* ISSUERS */.x5.includes(issuerName))
        throw new errors/* ConfigError */.xL('issuer', `"${issuerName}" is not an issuer: use ${kinds/* ISSUERS */.x5.join(', ')}`);
    const kind = issuerName;
    const mode = parseMode(inputs, kind);
    const tokenPer = parseTokenPer(get(inputs, 'token-per'), mode);
    const urlInput = get(inputs, 'issuer-url') ??
        (kind === 'rwx' && env.RWX_HOST
            ? `https://${env.RWX_HOST.replace(/^https?:\/\//, '')}`
            : (0,kinds/* issuerKind */.W8)(kind).defaultUrl);
    if (!urlInput && kind !== 'static')
        throw new errors/* ConfigError */.xL('issuer-url', `is required for issuer ${kind}`);
    const url = urlInput ? checkUrl('issuer-url', urlInput) : undefined;
    const token = get(inputs, 'token');
    const credential = get(inputs, 'issuer-token');
    if (mode === 'distribute' && !token) {
        throw new errors/* ConfigError */.xL('token', `is required in distribute mode${kinds/* ISSUER_KINDS */.o2[kind].can.create ? '' : `: create the token in ${kinds/* ISSUER_KINDS */.o2[kind].madeIn} and pass it as \`token\``}`);
    }
    if (mode !== 'distribute' && token)
        throw new errors/* ConfigError */.xL('token', `is only used in distribute mode (mode is ${mode})`);
    const rotateIfOlderThan = get(inputs, 'rotate-if-older-than') === undefined
        ? undefined
        : (0,duration/* parseDuration */.E9)('rotate-if-older-than', get(inputs, 'rotate-if-older-than'));
    if (rotateIfOlderThan && !kinds/* ISSUER_KINDS */.o2[kind].can.list)
        throw new errors/* ConfigError */.xL('rotate-if-older-than', `issuer ${kind} cannot list tokens, so their age is unknown`);
    if (rotateIfOlderThan && mode === 'distribute')
        throw new errors/* ConfigError */.xL('rotate-if-older-than', 'needs a mode that mints (rotate or create)');
    const rotateBeforeExpiry = (0,duration/* parseDuration */.E9)('rotate-before-expiry', get(inputs, 'rotate-before-expiry') ?? '14d');
    const revokeFirst = parseBool('revoke-first', get(inputs, 'revoke-first'), false);
    if (revokeFirst && mode !== 'rotate')
        throw new errors/* ConfigError */.xL('revoke-first', `revokes the rotation set before minting its replacement: use it with mode rotate, not ${mode}`);
    if (revokeFirst && rotateIfOlderThan)
        throw new errors/* ConfigError */.xL('revoke-first', 'a leaked token is replaced now: drop rotate-if-older-than');
    const needsCredential = mode !== 'distribute' || rotateIfOlderThan !== undefined;
    if (needsCredential && !credential)
        throw new errors/* ConfigError */.xL('issuer-token', `is required to mint, list and revoke tokens with issuer ${kind}`);
    const secretName = get(inputs, 'secret-name') ?? (0,kinds/* issuerKind */.W8)(kind).defaultSecretName;
    if (!secretName)
        throw new errors/* ConfigError */.xL('secret-name', `is required for issuer ${kind} (no conventional default)`);
    const spec = parseSpec(inputs, kind, mode, secretName, env, now);
    if (!spec.expiry && kinds/* ISSUER_KINDS */.o2[kind].can.expiry && (mode === 'rotate' || mode === 'create'))
        Object.assign(spec, { expiry: defaultExpiry(rotateIfOlderThan), expiryDefaulted: true });
    const destinationsText = get(inputs, 'destinations');
    // Audit reviews the rotation set at the issuer; destinations, if given, are not touched.
    const needsDestinations = mode !== 'ephemeral' && mode !== 'audit';
    if (!destinationsText && needsDestinations)
        throw new errors/* ConfigError */.xL('destinations', 'is required (one per line, e.g. github:repo/acme/api); only ephemeral and audit modes may omit it');
    // An audit touches no destination; with token-per: line its lines only name the sets to review.
    const auditsLines = mode === 'audit' && tokenPer === 'line';
    if (auditsLines && !destinationsText)
        throw new errors/* ConfigError */.xL('destinations', 'names the rotation sets of an audit with token-per: line: give the lines the rotation uses');
    const targets = mode === 'audit' && !auditsLines ? [] : (0,grammar/* parseTargets */.Sx)(destinationsText ?? '', secretName);
    if (!targets.length && needsDestinations)
        throw new errors/* ConfigError */.xL('destinations', 'lists no destination (only comments or blank lines)');
    if (targets.length && mode === 'ephemeral') {
        throw new errors/* ConfigError */.xL('destinations', 'must be empty in ephemeral mode: the post step revokes the token, so any destination would be left holding a revoked token (use mode create to distribute)');
    }
    const github = {
        token: get(inputs, 'github-token'),
        apiUrl: checkUrl('github-api-url', get(inputs, 'github-api-url') ?? env.GITHUB_API_URL ?? 'https://api.github.com'),
        appId: get(inputs, 'github-app-id'),
        appPrivateKey: get(inputs, 'github-app-private-key'),
    };
    const circleci = {
        token: get(inputs, 'circleci-token'),
        url: checkUrl('circleci-url', get(inputs, 'circleci-url') ?? 'https://circleci.com'),
    };
    const gitlab = {
        token: get(inputs, 'gitlab-token'),
        url: checkUrl('gitlab-url', get(inputs, 'gitlab-url') ?? env.CI_SERVER_URL ?? 'https://gitlab.com'),
    };
    const uses = (p) => mode !== 'audit' && targets.some((t) => t.platform === p);
    if (uses('github') && !github.token && !github.appId)
        throw new errors/* ConfigError */.xL('github-token', 'is required for github: destinations (a token with Secrets write; the workflow GITHUB_TOKEN cannot write secrets), or set github-app-id and github-app-private-key');
    if (Boolean(github.appId) !== Boolean(github.appPrivateKey))
        throw new errors/* ConfigError */.xL('github-app-id', 'github-app-id and github-app-private-key go together');
    if (github.appId && github.token)
        throw new errors/* ConfigError */.xL('github-app-id', 'give github-token or github-app-id with github-app-private-key, not both (which credential would write the secrets?)');
    if (github.appId && !/^\d{1,15}$/.test(github.appId))
        throw new errors/* ConfigError */.xL('github-app-id', `"${github.appId}" must be the App's numeric id (App settings, "App ID")`);
    if (github.appPrivateKey)
        checkAppPrivateKey(github.appPrivateKey);
    if (uses('circleci') && !circleci.token)
        throw new errors/* ConfigError */.xL('circleci-token', 'is required for circleci: destinations (a personal API token)');
    if (uses('gitlab') && !gitlab.token)
        throw new errors/* ConfigError */.xL('gitlab-token', 'is required for gitlab: destinations (a token with api scope, Owner of the group or Maintainer of the project)');
    const vault = parseVault(inputs, env, uses('vault'));
    const aws = parseAws(env, targets);
    const shard = parseShard(get(inputs, 'shard'));
    if (shard && mode !== 'distribute')
        throw new errors/* ConfigError */.xL('shard', 'splits destinations across jobs that write one shared token: use it with mode distribute');
    return {
        mode,
        dryRun: parseBool('dry-run', get(inputs, 'dry-run'), false),
        issuer: { kind, url, credential, token },
        spec,
        tokenPer,
        rotateIfOlderThan,
        rotateBeforeExpiry,
        revokeFirst,
        failOnFindings: parseBool('fail-on-findings', get(inputs, 'fail-on-findings'), false),
        secretName,
        origin: runOrigin(env),
        targets,
        github,
        circleci,
        gitlab,
        vault,
        aws,
        concurrency: parseConcurrency(get(inputs, 'concurrency')),
        shard,
        reportFile: get(inputs, 'report-file'),
    };
}
/** The secrets a plan carries, to be masked before anything is logged. */
function planSecrets(plan) {
    return [
        plan.issuer.credential,
        plan.issuer.token,
        plan.github.token,
        plan.github.appPrivateKey,
        plan.circleci.token,
        plan.gitlab.token,
        plan.vault.token,
        plan.vault.oidc && 'request' in plan.vault.oidc ? plan.vault.oidc.request.token : plan.vault.oidc?.jwt,
        plan.aws.secretAccessKey,
        plan.aws.sessionToken,
    ].filter((s) => Boolean(s));
}


/***/ }),

/***/ 9780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jb: () => (/* binding */ mintedName),
/* harmony export */   Mq: () => (/* binding */ defaultPrefix),
/* harmony export */   aF: () => (/* binding */ lineSetName),
/* harmony export */   cb: () => (/* binding */ isMintedWith),
/* harmony export */   qN: () => (/* binding */ newRunTag),
/* harmony export */   s4: () => (/* binding */ setOf),
/* harmony export */   sq: () => (/* binding */ MAX_PREFIX)
/* harmony export */ });
/* unused harmony export listRotationSet */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Minted token names are `<set>-<UTC yyyymmddHHMMss>-<run>`: sortable, they say what minted them, and
 * the run's random part makes a name certainly this run's - a token found by that exact name after a
 * lost answer was minted here, by no other run of the set.
 */

/** Rack Gateway's limit on token names. */
const ISSUER_NAME_LIMIT = 150;
const STAMP_CHARS = 15; // -yyyymmddHHMMss
const RUN_CHARS = 7; // -xxxxxx
const MAX_PREFIX = ISSUER_NAME_LIMIT - STAMP_CHARS - RUN_CHARS;
const STAMP = /^-\d{14}(?:-[0-9a-f]{6})?$/;
/** Where the run comes from, per CI system: the part of the default prefix that keeps workflows apart. */
function origin(env) {
    if (env.GITHUB_REPOSITORY)
        return `gh.${env.GITHUB_REPOSITORY}`;
    if (env.CI_PROJECT_PATH)
        return `gl.${env.CI_PROJECT_PATH}`;
    if (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME)
        return `cci.${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`;
    return undefined;
}
const shortHash = (text, chars) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, chars);
/** Lowercase, `/` -> `.`, anything but `[a-z0-9_.-]` -> `-`: readable in an issuer's token list. */
function slug(text) {
    return text
        .toLowerCase()
        .replace(/_/g, '-')
        .replace(/\//g, '.')
        .replace(/[^a-z0-9_.-]/g, '-');
}
/** Cuts `text` to `max` characters, keeping it unique: the end carries a hash of the whole. */
function fit(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 9)}.${shortHash(text, 8)}`;
}
/**
 * The default rotation set: where the run comes from plus the secret name, e.g.
 * `gh.acme.api.rack-gateway-api-token`, so two repositories rotating the same secret on one issuer
 * never revoke each other's tokens. Undefined outside a CI system this knows.
 */
function defaultPrefix(secretName, env) {
    const where = origin(env);
    return where === undefined ? undefined : fit(slug(`${where}/${secretName}`), MAX_PREFIX);
}
/**
 * The rotation set of one destination line (`token-per: line`): the run's set name, the line's
 * readable slug and a hash of the line's identity, e.g.
 * `ci-deploy.github.repo.acme.api.1f3a9c`. The identity is the destination and its secret name, in
 * the form duplicates are detected by, so comments, option order and line order never change it and
 * two lines the platform treats as one cannot both exist. A long line is cut; the hash keeps it distinct.
 */
function lineSetName(base, readable, key) {
    const text = slug(readable.replace(':', '/'));
    const hash = shortHash(key, 6);
    const head = MAX_PREFIX - base.length - hash.length - 2 >= 12 ? base : fit(base, MAX_PREFIX - 20);
    return `${head}.${text.slice(0, MAX_PREFIX - head.length - hash.length - 2).replace(/[.-]+$/, '')}.${hash}`;
}
/** Six random hex characters, once per run: every name this run mints ends with them. */
function newRunTag() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex');
}
function mintedName(prefix, at, runTag) {
    const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `${prefix}-${stamp}-${runTag}`;
}
/**
 * True only for names this prefix minted, so `rwx-access-token` never touches
 * `rwx-access-token-staging-...`. Names from before the run tag (`<prefix>-<stamp>`) still belong.
 */
function isMintedWith(prefix, name) {
    return name.startsWith(`${prefix}-`) && STAMP.test(name.slice(prefix.length));
}
/** The set a minted name belongs to (its name without the stamp and run tag), or undefined. */
function setOf(name) {
    const m = /^(.*)-\d{14}(?:-[0-9a-f]{6})?$/.exec(name);
    return m?.[1];
}
/** The rotation set at the issuer: the tokens this prefix minted, and no other. */
async function listRotationSet(issuer, prefix) {
    return (await issuer.list(prefix)).filter((t) => isMintedWith(prefix, t.name));
}


/***/ }),

/***/ 8382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ rethrowNotVisible),
/* harmony export */   DS: () => (/* binding */ MintedTokenRejectedError),
/* harmony export */   Do: () => (/* binding */ OutcomeUnknownError),
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   YV: () => (/* binding */ UntrustedResponseError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   gk: () => (/* binding */ TokenActionError),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8406);
/** Typed errors: every failure carries the platform, the HTTP status and the platform's own words (secret-redacted). */

class TokenActionError extends Error {
    platform;
    status;
    platformMessage;
    constructor(message, platform, status, platformMessage) {
        // Messages quote servers and users: one safe line, whatever they sent.
        super((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(message));
        this.platform = platform;
        this.status = status;
        this.platformMessage = platformMessage === undefined ? undefined : (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(platformMessage);
        this.name = new.target.name;
    }
}
/** Bad input: names the input (or destination) and the rule it broke. Exit code 2. */
class ConfigError extends TokenActionError {
    input;
    constructor(input, rule) {
        super(`${input}: ${rule}`);
        this.input = input;
    }
}
class AuthError extends TokenActionError {
}
class NotFoundError extends TokenActionError {
}
class RateLimitError extends TokenActionError {
}
class ApiError extends TokenActionError {
}
class NetworkError extends TokenActionError {
}
/**
 * A write (or mint) was sent but its answer was lost: a 5xx, a reset or a timeout after sending. It
 * may have happened; callers decide as if it did. Status and message are those of the last attempt.
 */
class OutcomeUnknownError extends TokenActionError {
}
/**
 * A server's answer was refused before anything acted on it: too large, not JSON, not the known
 * shape, or pointing at another origin. Never retried: asking again gets the same answer.
 */
class UntrustedResponseError extends ApiError {
}
/**
 * The issuer answered a mint with a token that cannot be right (empty, whitespace, too short, not
 * the issuer's format). It was minted all the same: `minted.id` (when the answer had one) is what
 * to revoke. Nothing was written anywhere.
 */
class MintedTokenRejectedError extends ApiError {
    minted;
    constructor(message, platform, minted) {
        super(message, platform);
        this.minted = minted;
    }
}
/** Rethrows a 404 as what the user must check (the target's name, or the credential's reach); anything else as is. */
function rethrowNotVisible(err, platform, what, credential) {
    if (err instanceof NotFoundError) {
        throw new NotFoundError(`${what} was not found, or ${credential} cannot see it (404 "${err.platformMessage}")`, platform, 404, err.platformMessage);
    }
    throw err;
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 8406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ hasUnsafeChars),
/* harmony export */   X$: () => (/* binding */ sanitizeLines),
/* harmony export */   aj: () => (/* binding */ sanitize),
/* harmony export */   bI: () => (/* binding */ isTokenId)
/* harmony export */ });
/**
 * Makes untrusted text (anything a server said, anything a user typed) safe to print on one log
 * line: CR, LF and every other control character become visible escapes, so a server cannot start
 * a new line, and a line never starts a workflow command (`::name::` or the legacy `##[name]`).
 * Applied centrally: by the logger to every line and by the error constructor to every message.
 */
// C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides that make
// text display in another order than it is read ("Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escape(c) {
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    if (c === '\t')
        return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** True when `text` holds a character that `sanitize` would replace. */
function hasUnsafeChars(text) {
    UNSAFE.lastIndex = 0;
    return UNSAFE.test(text);
}
/** One safe line: control characters escaped, no leading `::`, no `##[` anywhere. */
function sanitize(text) {
    let out = text.replace(UNSAFE, escape);
    // The runner trims leading whitespace before looking for `::`.
    const lead = out.length - out.trimStart().length;
    if (out.startsWith('::', lead))
        out = `${out.slice(0, lead)}: :${out.slice(lead + 2)}`;
    return out.split('##[').join('# #[');
}
/** Sanitises each line of a multi-line text we composed ourselves (the job summary), keeping its line breaks. */
function sanitizeLines(text) {
    return text
        .split('\n')
        .map((l) => sanitize(l))
        .join('\n');
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


/***/ }),

/***/ 800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ isDotSegment),
/* harmony export */   O2: () => (/* binding */ resolveUrl),
/* harmony export */   iV: () => (/* binding */ trimTrailingSlashes),
/* harmony export */   mX: () => (/* binding */ segment)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/**
 * URL building for every request: credentials go only to the configured origin and under the
 * configured base path. A path is joined to the base with `new URL()` (never by string
 * concatenation, which turns `@other-host/x` into a user-info URL), dot segments are refused rather
 * than resolved, and a server-supplied absolute URL (a `*_url` field, a pagination link) is followed
 * only when it has the base's origin and stays under its path.
 */

/** `.`, `..` and their percent-encoded forms: WHATWG URL parsing resolves all of them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** Trailing slashes off, without a regex that backtracks on long runs of `/`. */
function trimTrailingSlashes(value) {
    let end = value.length;
    while (end > 0 && value[end - 1] === '/')
        end--;
    return value.slice(0, end);
}
/** True when `s` is `.`, `..` (or an encoded form), which a URL parser would resolve away. */
function isDotSegment(s) {
    return DOT_SEGMENT.test(s);
}
/** One path segment, percent-encoded; empty and dot segments are refused (they would change the path's meaning). */
function segment(value) {
    if (value === '' || isDotSegment(value))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`refusing the path segment "${value}": empty and dot segments would change which resource is addressed`);
    return encodeURIComponent(value);
}
/**
 * `path` is either `/relative/to/the/base` (encoded by the caller with `segment`) or an absolute
 * URL a server gave us. Either way the result has the base's origin and lies under its path.
 */
function resolveUrl(platform, baseUrl, path, query) {
    const base = new URL(baseUrl);
    const basePath = trimTrailingSlashes(base.pathname);
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(path);
    const rawPath = absolute ? path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') : path;
    if (!absolute && !path.startsWith('/'))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`${platform}: refusing the relative path "${path}": it must start with /`, platform);
    if (rawPath.split(/[?#]/, 1)[0].split('/').some(isDotSegment))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`${platform}: refusing "${path}": it contains a . or .. segment`, platform);
    let url;
    try {
        url = absolute ? new URL(path) : new URL(base.origin);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`${platform}: refusing "${path}": not a URL`, platform);
    }
    if (!absolute)
        url.pathname = basePath + path;
    if (url.origin !== base.origin || url.username || url.password) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`${platform}: refusing to send the credential to ${url.protocol}//${url.host}: only ${base.origin} was configured`, platform);
    }
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UntrustedResponseError */ .YV(`${platform}: refusing ${url.pathname}: it is outside the configured base path ${basePath}`, platform);
    }
    url.hash = '';
    for (const [k, v] of Object.entries(query ?? {}))
        if (v !== undefined)
            url.searchParams.set(k, String(v));
    return url;
}


/***/ })

};
