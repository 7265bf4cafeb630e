export const id = 669;
export const ids = [669];
export const modules = {

/***/ 6007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ui: () => (/* binding */ readActionInputs),
/* harmony export */   aY: () => (/* binding */ maskInputs),
/* harmony export */   o7: () => (/* binding */ STATE_TOKEN_ID)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _plan_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1846);
/** The Action's inputs as the runner hands them over (INPUT_* variables), shared by the main and post steps. */


/** The post step finds the ephemeral token to revoke under this state key. */
const STATE_TOKEN_ID = 'token-id';
function readActionInputs() {
    const inputs = {};
    for (const name of _plan_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_NAMES */ .Qh) {
        // Not trimmed per line: multi-line inputs (destinations, private keys) keep their shape.
        const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name, { trimWhitespace: false });
        if (value.trim())
            inputs[name] = value;
    }
    return inputs;
}
/** Every secret input is masked before anything else is logged. */
function maskInputs(inputs) {
    for (const name of (0,_plan_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputsWhere */ .tz)('secret')) {
        if (inputs[name]?.trim())
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(inputs[name].trim());
    }
}


/***/ }),

/***/ 1669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _action_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6007);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8590);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(246);
/* harmony import */ var _report_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8850);
/* harmony import */ var _shared_sanitize_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8406);
/** The GitHub Action's main step: inputs -> plan -> run -> outputs, job summary and report file. */







const actionLog = { info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq, warning: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e, error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3 };
function setOutputs(plan, report, secret) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('outcome', report.outcome);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token-id', report.token?.id ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token-name', report.token?.name ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('expires-at', report.token?.expiresAt ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('revoked-ids', JSON.stringify(report.revokedIds));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('sets', JSON.stringify((0,_report_report_js__WEBPACK_IMPORTED_MODULE_5__/* .setsOutput */ .xq)(report, plan.spec.namePrefix)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report', (0,_report_report_js__WEBPACK_IMPORTED_MODULE_5__/* .reportOutput */ .uT)(report, plan.reportFile));
    // One token per line has no one value to hand on: each line's destinations hold their own.
    if ((plan.mode === 'ephemeral' || plan.mode === 'create') &&
        plan.tokenPer === 'run' &&
        secret &&
        report.outcome !== 'failed')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token', secret);
}
async function run() {
    const inputs = (0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readActionInputs */ .Ui)();
    (0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .maskInputs */ .aY)(inputs);
    let plan;
    try {
        plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_4__.buildPlan)(inputs, process.env);
        // Checked before anything is minted: a finished rotation must not fail on a path typo.
        if (plan.reportFile)
            (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWritableFile */ .N)('report-file', plan.reportFile);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err));
        process.exitCode = err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL ? 2 : 1;
        return;
    }
    // The engine (undici, the lifecycle) loads only for a run: bad input never parses it.
    const { cancelOnSignals, runPlan } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(763), __webpack_require__.e(411), __webpack_require__.e(359)]).then(__webpack_require__.bind(__webpack_require__, 9411));
    const controller = cancelOnSignals(actionLog);
    let secret;
    const report = await runPlan(plan, {
        log: actionLog,
        mask: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
        signal: controller.signal,
        onMinted: (token) => {
            secret = token.secret;
            if (plan.mode === 'ephemeral')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_action_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_TOKEN_ID */ .o7, token.id);
        },
    });
    if (plan.mode === 'distribute')
        secret = plan.issuer.token;
    // The report quotes servers (token names, error bodies): every line is sanitised before it is printed.
    for (const line of (0,_report_report_js__WEBPACK_IMPORTED_MODULE_5__/* .summaryText */ .g5)(report))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_6__/* .sanitize */ .aj)(line));
    setOutputs(plan, report, secret);
    if (process.env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw((0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_6__/* .sanitizeLines */ .X$)((0,_report_report_js__WEBPACK_IMPORTED_MODULE_5__/* .summaryMarkdown */ .eH)(report))).write();
    if (plan.reportFile) {
        try {
            (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFilePrivately */ .s)(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644);
        }
        catch (err) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`report-file: could not write ${plan.reportFile}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)} (the run itself ${report.outcome === 'failed' ? 'failed' : 'finished'}; see the report output)`);
        }
    }
    if (report.outcome === 'failed') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(report.error ?? 'token-action failed');
        process.exitCode = (0,_report_report_js__WEBPACK_IMPORTED_MODULE_5__/* .exitCode */ .I$)(report);
    }
}


/***/ }),

/***/ 8850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   uT: () => (/* binding */ reportOutput),
/* harmony export */   xq: () => (/* binding */ setsOutput)
/* harmony export */ });
/* unused harmony exports OUTCOMES, DESTINATION_STATUSES, FINDING_KINDS, escapeMarkdown, codeSpan, byAttention, statusCounts, totalsLine, utf8Bytes, outputBytes, SUMMARY_MAX_BYTES, SUMMARY_OPEN_ROWS, TEXT_OPEN_ROWS, OUTPUT_REPORT_MAX_BYTES */
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
/** `empty-set`: no token in the set - a misspelled token-name, or a set never rotated; not about one token (id and name are empty). */
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
        out.push(`- **${f.kind}**${f.name ? ` ${codeSpan(f.name, false)}` : ''}: ${escapeMarkdown(f.detail)}`);
    if (a.findings.length)
        out.push('');
    return out;
}
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
/** The printed summary: the outcome and the counts, the error, the destinations that need attention, then the rest (collapsed when many). */
function summaryText(r) {
    const lines = [`token-action ${r.mode}: ${r.outcome}${r.dryRun ? ' (dry run)' : ''}`];
    if (r.destinations.length)
        lines.push(`  ${totalsLine(r.destinations)}`);
    if (r.error)
        lines.push(`  error: ${r.error}`);
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


/***/ }),

/***/ 8590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ checkWritableFile),
/* harmony export */   s: () => (/* binding */ writeFilePrivately)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8382);
/**
 * Files the front ends write: `report-file` (Action and CLI) and the CLI's `--token-file`. Both are
 * checked before anything is minted (so a typo in a path cannot strand a fresh token), and written
 * through a temporary file in the same directory, created 0600 and renamed into place: an existing
 * file of looser mode is replaced, and a symlink at the path is replaced, never followed.
 */




/** The file can be (re)written: its directory exists and is writable, and the path is not a directory. */
function checkWritableFile(input, path) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path);
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(full);
    let dirStat;
    try {
        dirStat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: the directory ${dir} does not exist`);
    }
    if (!dirStat.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: ${dir} is not a directory`);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(dir, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: the directory ${dir} is not writable`);
    }
    let existing;
    try {
        existing = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(full);
    }
    catch {
        return; // does not exist yet: fine
    }
    if (existing.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(input, `cannot write ${path}: it is a directory`);
}
/** Writes `data` to `path` with `mode` (default 0600) via a same-directory temporary file and a rename. */
function writeFilePrivately(path, data, mode = 0o600) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path);
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(full), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(full)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    // O_EXCL: the temporary name is fresh, so nothing (no planted symlink) is followed when creating it.
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(tmp, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW ?? 0), mode);
    try {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fchmodSync)(fd, mode); // exactly this mode, whatever the umask
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        // rename replaces the directory entry itself: an existing file keeps nothing of its mode, a symlink is not followed.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, full);
    }
    catch (err) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(tmp);
        }
        catch {
            // already gone
        }
        throw err;
    }
}


/***/ })

};
