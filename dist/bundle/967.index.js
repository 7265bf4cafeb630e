export const id = 967;
export const ids = [967];
export const modules = {

/***/ 4967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exitCode: () => (/* reexport */ exitCode),
  reportOutput: () => (/* reexport */ reportOutput),
  setsOutput: () => (/* reexport */ setsOutput),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  summaryText: () => (/* reexport */ summaryText)
});

;// CONCATENATED MODULE: ./src/report/report.ts
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
/**
 * `empty-set`: no token in the set - a misspelled token-name, or a set never rotated; not about one token (id
 * and name are empty).
 */
const FINDING_KINDS = (/* unused pure expression or super */ null && ([
    'empty-set',
    'unused',
    'rotation-due',
    'expired',
    'expiring-soon',
    'never-expires',
    'orphan',
    'disabled',
    'orphan-set',
]));
/** 1 when the run failed; bad input (2) never gets as far as a report. */
function exitCode(report) {
    return report.outcome === 'failed' ? 1 : 0;
}
/**
 * Destinations, those that need attention first (failed, unknown, not written, ...); the order within a status
 * is kept.
 */
function byAttention(rows) {
    const rank = (d) => DESTINATION_STATUSES.indexOf(d.status);
    return rows
        .map((d, i) => ({ d, i }))
        .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
        .map((x) => x.d);
}
/**
 * How many destinations have each status, in attention order (failures first); statuses no destination has are
 * left out.
 */
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

// EXTERNAL MODULE: ./src/shared/sanitize.ts
var sanitize = __webpack_require__(8406);
;// CONCATENATED MODULE: ./src/report/output.ts
/** The Action's outputs made from a report: `report` (kept under GitHub's limit) and `sets`. */

/** UTF-8 size: what a summary file weighs. */
function utf8Bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * What an output weighs against GitHub's limit: GitHub counts outputs in UTF-16; UTF-8 is counted too, whichever
 * is larger.
 */
function outputBytes(text) {
    return Math.max(utf8Bytes(text), text.length * 2);
}
/** The `sets` output: every rotation set with its line, token and outcome (one entry with token-per: run). */
function setsOutput(r, runSet) {
    const entry = (name, o, t, revokedIds, line) => ({
        set: name,
        ...(line === undefined ? {} : { line }),
        tokenId: t?.id ?? '',
        tokenName: t?.name ?? '',
        expiresAt: t?.expiresAt ?? '',
        outcome: o,
        revokedIds,
    });
    return r.sets
        ? r.sets.map((s) => entry(s.name, s.outcome, s.token, s.revokedIds, s.line))
        : [entry(runSet, r.outcome, r.token, r.revokedIds)];
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

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** The job summary: Markdown in which every untrusted string renders as text, capped in size. */



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
    // token-per: line - which token each line's destinations now hold, and what became of each set.
    if (r.sets?.length) {
        head.push('| line | set | token | id | fingerprint |', '|---|---|---|---|---|');
        for (const s of r.sets)
            head.push(`| ${codeSpan(s.line)} | ${s.outcome === 'failed' ? '❌' : '✅'} ${s.outcome} | ${codeSpan(s.token?.name ?? '-')} | ${codeSpan(s.token?.id ?? '-')} | ${codeSpan(s.token?.fingerprint ?? '-')} |`);
        head.push('');
    }
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
    const safeHead = head.map((l) => (0,sanitize/* sanitize */.aj)(l));
    const safeTail = tail.map((l) => (0,sanitize/* sanitize */.aj)(l));
    const table = ['| destination | secret | result | detail |', '|---|---|---|---|'];
    const sorted = byAttention(r.destinations);
    const rows = sorted.map((d) => {
        const detail = [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
        return (0,sanitize/* sanitize */.aj)(`| ${codeSpan(d.id)} | ${codeSpan(d.name)} | ${ICON[d.status]} | ${escapeMarkdown(detail)} |`);
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
        out.push(`- **${f.kind}**${f.name ? ` ${codeSpan(f.name, false)}` : ''}: ${escapeMarkdown(f.detail)}`);
    if (a.findings.length)
        out.push('');
    return out;
}

;// CONCATENATED MODULE: ./src/report/text.ts
/** The printed summary: what a person reads in a log or a terminal. */


/** Destination lines the printed summary shows before it counts the rest, as the job summary's open rows. */
const TEXT_OPEN_ROWS = SUMMARY_OPEN_ROWS;
/** This many `not written` rows with the same reason print as one line with a count. */
const SAME_REASON_LINES = 3;
function destinationLine(status, what, detail) {
    return `  ${status.padEnd(12)} ${what}${detail ? `: ${detail}` : ''}`;
}
/**
 * The destination lines of the printed summary: every failed and unknown one (what needs acting
 * on), `not written` ones with a shared reason as one counted line (a failed preflight leaves
 * hundreds "not written" for one cause), then the rest up to TEXT_OPEN_ROWS lines and a count of
 * what is left out.
 */
function destinationLines(rows) {
    const detailOf = (d) => [d.detail, ...(d.changes ?? [])].filter(Boolean).join('; ');
    const attention = rows.filter((d) => d.status === 'failed' || d.status === 'unknown');
    const notWritten = rows.filter((d) => d.status === 'not written');
    const rest = rows.filter((d) => !attention.includes(d) && !notWritten.includes(d));
    const lines = attention.map((d) => destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)));
    const byReason = new Map();
    for (const d of notWritten)
        byReason.set(detailOf(d), [...(byReason.get(detailOf(d)) ?? []), d]);
    for (const [reason, group] of byReason)
        if (group.length >= SAME_REASON_LINES)
            lines.push(destinationLine('not written', `${group.length} destinations`, reason));
        else
            for (const d of group)
                lines.push(destinationLine(d.status, `${d.id} (${d.name})`, reason));
    const room = Math.max(0, TEXT_OPEN_ROWS - lines.length);
    for (const d of rest.slice(0, room))
        lines.push(destinationLine(d.status, `${d.id} (${d.name})`, detailOf(d)));
    const left = rest.slice(room);
    if (left.length)
        lines.push(`  ... ${totalsLine(left).replace(/^(\d+) destinations?/, '$1 more')} (--json or report-file lists every destination)`);
    return lines;
}
/**
 * The printed summary: the outcome and the counts, the error, the destinations that need attention, then the
 * rest (collapsed when many).
 */
function summaryText(r) {
    const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`];
    if (r.destinations.length)
        lines.push(`  ${totalsLine(r.destinations)}`);
    if (r.error)
        lines.push(`  error: ${r.error}`);
    for (const s of r.sets ?? [])
        lines.push(`  set ${s.line}: ${s.outcome}${s.token?.name ? `, token ${s.token.name} (id ${s.token.id})` : ''}${s.error ? `: ${s.error}` : ''}`);
    lines.push(...destinationLines(byAttention(r.destinations)));
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
        lines.push(`  finding ${f.kind}: ${f.name ? `${f.name}: ` : ''}${f.detail}`);
    for (const n of r.notes)
        lines.push(`  note: ${n}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/report/render.ts
/**
 * Everything the front ends make of a report, in one module: the Action, the CLI and ephemeral load it
 * lazily, so it is bundled once, in a chunk of its own, and a run that fails on bad input never parses it.
 */






/***/ })

};
