export const id = 332;
export const ids = [332,951,740];
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


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   sX: () => (/* binding */ totalsLine),
/* harmony export */   uT: () => (/* binding */ reportOutput)
/* harmony export */ });
/* unused harmony exports OUTCOMES, DESTINATION_STATUSES, FINDING_KINDS, escapeMarkdown, codeSpan, byAttention, statusCounts, utf8Bytes, outputBytes, SUMMARY_MAX_BYTES, SUMMARY_OPEN_ROWS, OUTPUT_REPORT_MAX_BYTES */
/* harmony import */ var _shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8406);

const OUTCOMES = (/* unused pure expression or super */ null && (['rotated', 'created', 'distributed', 'not-due', 'planned', 'audited', 'failed']));
/**
 * Ordered by how much a destination needs attention: the summaries and the shortened `report` output
 * list destinations in this order. `unknown`: the write's answer was lost and the platform could not
 * confirm it: the destination may hold the new token.
 */
const DESTINATION_STATUSES = [
    'failed',
    'unknown',
    'not written',
    'would create',
    'would update',
    'created',
    'updated',
];
const FINDING_KINDS = (/* unused pure expression or super */ null && ([
    'unused',
    'rotation-due',
    'expired',
    'expiring-soon',
    'never-expires',
    'orphan',
    'disabled',
]));
/** 1 when the run failed; bad input (2) never gets as far as a report. */
function exitCode(report) {
    return report.outcome === 'failed' ? 1 : 0;
}
/**
 * Untrusted text as Markdown that renders as the same text: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), so no HTML tag, link, image, emphasis,
 * table pipe or autolink (`https\://`, `www\.`, `a\@b`) can form; line breaks become spaces.
 */
function escapeMarkdown(text) {
    return text.replace(/\r?\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/**
 * Untrusted text as a code span it cannot leave: fenced by more backticks than any run inside it,
 * padded when it starts or ends with a backtick; in a table a pipe is escaped (GFM reads `\|` in a
 * code span as a pipe).
 */
function codeSpan(text, inTable = true) {
    const flat = text.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
    return `${fence}${pad}${inTable ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`;
}
const ICON = {
    created: '✅ created',
    updated: '✅ updated',
    unknown: '❓ unknown',
    failed: '❌ failed',
    'would create': '📝 would create',
    'would update': '📝 would update',
    'not written': '⏭️ not written',
};
/** Destinations, those that need attention first (failed, unknown, not written, ...); the order within a status is kept. */
function byAttention(rows) {
    const rank = (d) => DESTINATION_STATUSES.indexOf(d.status);
    return rows
        .map((d, i) => ({ d, i }))
        .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
        .map((x) => x.d);
}
/** How many destinations have each status, in attention order (failures first); statuses no destination has are left out. */
function statusCounts(rows) {
    const counts = {};
    for (const status of DESTINATION_STATUSES) {
        const n = rows.filter((d) => d.status === status).length;
        if (n)
            counts[status] = n;
    }
    return counts;
}
/** `203 destinations: 3 failed, 200 updated` - failures first. */
function totalsLine(rows) {
    const parts = Object.entries(statusCounts(rows)).map(([status, n]) => `${n} ${status}`);
    return `${rows.length} destination${rows.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
/** UTF-8 size: what a summary file weighs. */
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** What an output weighs against GitHub's limit: GitHub counts outputs in UTF-16; UTF-8 is counted too, whichever is larger. */
function outputBytes(text) {
    return Math.max(utf8Bytes(text), text.length * 2);
}
/** GitHub drops a step summary over 1 MiB; stay at half of it, so a summary another step adds still fits. */
const SUMMARY_MAX_BYTES = 512 * 1024;
/** Destination rows shown open in the summary; the rest are collapsed under `<details>`. */
const SUMMARY_OPEN_ROWS = 30;
function kib(bytes) {
    return `${Math.round(bytes / 1024)} KiB`;
}
/**
 * The job summary (markdown, every line sanitised): the counts, the error, then the destinations
 * that need attention first - the first rows open, the rest collapsed - then the token, the run and
 * the notes. Never over `maxBytes` (UTF-8): rows that do not fit are counted, not shown.
 */
function summaryMarkdown(r, maxBytes = SUMMARY_MAX_BYTES) {
    const head = [`### token-action: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`, ''];
    if (r.destinations.length)
        head.push(`**${totalsLine(r.destinations)}**`, '');
    if (r.error)
        head.push(`**Error:** ${escapeMarkdown(r.error)}`, '');
    const tail = [];
    if (r.token)
        tail.push(`${r.token.name ? `Token ${codeSpan(r.token.name, false)} (id ${codeSpan(r.token.id ?? '', false)})` : 'The given token'}${r.token.verifiedAs ? `, verified as ${escapeMarkdown(r.token.verifiedAs)}` : ''}${r.token.expiresAt ? `, expires ${escapeMarkdown(r.token.expiresAt)}` : ''}, from ${r.issuer}${r.token.fingerprint ? `; fingerprint ${codeSpan(r.token.fingerprint, false)}` : ''}.`, '');
    if (r.origin)
        tail.push(`Run: ${Object.entries(r.origin)
            .map(([k, v]) => `${escapeMarkdown(k)} ${escapeMarkdown(v)}`)
            .join(', ')}`, '');
    const ids = (list) => list.map((i) => codeSpan(i, false)).join(', ');
    if (r.revokedIds.length)
        tail.push(`Revoked previous tokens: ${ids(r.revokedIds)}`, '');
    if (r.keptIds.length)
        tail.push(`Still valid (not revoked): ${ids(r.keptIds)}`, '');
    if (r.mayExist?.length)
        tail.push(`May exist (a mint's answer was lost; check and revoke): ${ids(r.mayExist)}`, '');
    if (r.audit)
        tail.push(...auditMarkdown(r.audit));
    for (const n of r.notes)
        tail.push(`> ${escapeMarkdown(n)}`, '');
    const safeHead = head.map((l) => (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(l));
    const safeTail = tail.map((l) => (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(l));
    const table = ['| destination | secret | result | detail |', '|---|---|---|---|'];
    const sorted = byAttention(r.destinations);
    const rows = sorted.map((d) => {
        const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
        return (0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitize */ .aj)(`| ${codeSpan(d.id)} | ${codeSpan(d.name)} | ${ICON[d.status]} | ${escapeMarkdown(detail)} |`);
    });
    const open = rows.slice(0, SUMMARY_OPEN_ROWS);
    const collapsed = rows.slice(SUMMARY_OPEN_ROWS);
    const more = totalsLine(sorted.slice(SUMMARY_OPEN_ROWS)).replace(/^\d+ destinations?/, (m) => `${m.split(' ')[0]} more ${m.split(' ')[1]}`);
    const details = () => [`<details><summary>${more}</summary>`, '', ...table];
    // Everything but the rows, with room for the line that counts the rows left out.
    const reserve = 256;
    let used = utf8Bytes([...safeHead, ...safeTail, ...table, ...details(), '</details>', ''].join('\n')) + reserve;
    const fits = (line) => {
        const size = utf8Bytes(line) + 1;
        if (used + size > maxBytes)
            return false;
        used += size;
        return true;
    };
    const shownOpen = [];
    for (const row of open)
        if (fits(row))
            shownOpen.push(row);
        else
            break;
    const shownCollapsed = [];
    if (shownOpen.length === open.length)
        for (const row of collapsed)
            if (fits(row))
                shownCollapsed.push(row);
            else
                break;
    const out = [...safeHead];
    if (rows.length) {
        out.push(...table, ...shownOpen, '');
        if (shownCollapsed.length)
            out.push(...details(), ...shownCollapsed, '', '</details>', '');
        const left = rows.length - shownOpen.length - shownCollapsed.length;
        if (left)
            out.push(`_${left} more destination${left === 1 ? '' : 's'} not shown: the summary is capped at ${kib(maxBytes)} (GitHub drops larger ones); the JSON report (report-file) lists every destination._`, '');
    }
    out.push(...safeTail);
    return capLines(out, maxBytes);
}
/** Last resort (a huge audit or many notes): whole lines up to `maxBytes`, then one line saying so. */
function capLines(lines, maxBytes) {
    const text = lines.join('\n');
    if (utf8Bytes(text) <= maxBytes)
        return text;
    const marker = `_The rest of the summary is not shown: it is capped at ${kib(maxBytes)}; the JSON report (report-file) has everything._`;
    const kept = [];
    let used = utf8Bytes(marker) + 32;
    let openDetails = false;
    for (const line of lines) {
        const size = utf8Bytes(line) + 1;
        if (used + size > maxBytes)
            break;
        used += size;
        kept.push(line);
        if (line.startsWith('<details>'))
            openDetails = true;
        if (line === '</details>')
            openDetails = false;
    }
    return [...kept, '', ...(openDetails ? ['</details>', ''] : []), marker].join('\n');
}
function auditMarkdown(a) {
    const out = [`**Rotation set:** ${a.tokens.length} valid token(s), ${a.findings.length} finding(s).`, ''];
    if (a.tokens.length) {
        out.push('| token | id | age | expires | last used | created by |', '|---|---|---|---|---|---|');
        for (const t of a.tokens)
            out.push(`| ${codeSpan(t.name)}${t.newest ? ' (newest)' : ''} | ${codeSpan(t.id)} | ${t.ageDays} d | ${escapeMarkdown(t.expiresAt ?? 'never')} | ${escapeMarkdown(t.lastUsedAt ?? '-')} | ${escapeMarkdown(t.createdBy ?? '-')} |`);
        out.push('');
    }
    for (const f of a.findings)
        out.push(`- **${f.kind}** ${codeSpan(f.name, false)}: ${escapeMarkdown(f.detail)}`);
    if (a.findings.length)
        out.push('');
    return out;
}
/** The printed summary: the outcome and the counts, the error, the destinations that need attention first, then the rest. */
function summaryText(r) {
    const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`];
    if (r.destinations.length)
        lines.push(`  ${totalsLine(r.destinations)}`);
    if (r.error)
        lines.push(`  error: ${r.error}`);
    for (const d of byAttention(r.destinations)) {
        const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
        lines.push(`  ${d.status.padEnd(12)} ${d.id} (${d.name})${detail ? `: ${detail}` : ''}`);
    }
    if (r.token)
        lines.push(`  token ${r.token.name ? `${r.token.name} (id ${r.token.id})` : '(given)'}${r.token.verifiedAs ? ` verified as ${r.token.verifiedAs}` : ''}${r.token.expiresAt ? ` expires ${r.token.expiresAt}` : ''}`);
    if (r.revokedIds.length)
        lines.push(`  revoked: ${r.revokedIds.join(', ')}`);
    if (r.keptIds.length)
        lines.push(`  still valid: ${r.keptIds.join(', ')}`);
    if (r.mayExist?.length)
        lines.push(`  may exist (check and revoke): ${r.mayExist.join(', ')}`);
    for (const t of r.audit?.tokens ?? [])
        lines.push(`  token ${t.name} (id ${t.id})${t.newest ? ' newest' : ''}: ${t.ageDays} days old, expires ${t.expiresAt ?? 'never'}, last used ${t.lastUsedAt ?? '-'}`);
    for (const f of r.audit?.findings ?? [])
        lines.push(`  finding ${f.kind}: ${f.name}: ${f.detail}`);
    for (const n of r.notes)
        lines.push(`  note: ${n}`);
    return lines;
}
/**
 * GitHub limits a job's outputs to 1 MB in all, counted in UTF-16: the `report` output keeps to half
 * of it (bytes by `outputBytes`), leaving room for the other outputs.
 */
const OUTPUT_REPORT_MAX_BYTES = 512 * 1024;
/**
 * The report as the `report` output: whole when it fits, else shortened to fit - the destinations
 * that need attention first, as many as fit, `truncated` counting every status and what was left
 * out, and a note saying where the whole report is (report-file). Never over `maxBytes`.
 */
function reportOutput(r, reportFile, maxBytes = OUTPUT_REPORT_MAX_BYTES) {
    const whole = JSON.stringify(r);
    if (outputBytes(whole) <= maxBytes)
        return whole;
    const total = r.destinations.length;
    const shortened = (kept, rest = {}) => {
        const omitted = total - kept.length;
        const where = reportFile ? `; the whole report is in ${reportFile}` : '; set report-file for the whole report';
        const note = `report output shortened to fit GitHub's output limit: ${kept.length} of ${total} destinations listed (those that need attention first), ${omitted} omitted${where}`;
        const truncated = {
            destinations: total,
            statuses: statusCounts(r.destinations),
            omitted,
            ...(reportFile ? { reportFile } : {}),
        };
        return { ...r, ...rest, destinations: kept, notes: [...(rest.notes ?? r.notes), note], truncated };
    };
    const fitRows = (rest) => {
        // The digits of the counts may grow by a few bytes once rows are added: keep a margin.
        let used = outputBytes(JSON.stringify(shortened([], rest))) + 64;
        const kept = [];
        for (const d of byAttention(r.destinations)) {
            const size = outputBytes(JSON.stringify(d)) + 2;
            if (used + size > maxBytes)
                break;
            used += size;
            kept.push(d);
        }
        return JSON.stringify(shortened(kept, rest));
    };
    const first = fitRows({});
    if (outputBytes(first) <= maxBytes)
        return first;
    // Last resort (thousands of notes or audited tokens): only what says what happened, each list cut short.
    const cut = (text) => (text && text.length > 2000 ? `${text.slice(0, 2000)}...` : text);
    const few = (list) => list.slice(0, 100);
    const audit = r.audit ? { tokens: few(r.audit.tokens), findings: few(r.audit.findings) } : undefined;
    return fitRows({
        error: cut(r.error),
        notes: few(r.notes).map((n) => cut(n)),
        revokedIds: few(r.revokedIds),
        keptIds: few(r.keptIds),
        ...(r.mayExist ? { mayExist: few(r.mayExist) } : {}),
        ...(audit ? { audit } : {}),
    });
}


/***/ })

};
