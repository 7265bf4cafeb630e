export const id = 669;
export const ids = [669];
export const modules = {

/***/ 1669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(246);
/* harmony import */ var _shared_sanitize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8406);
/** The GitHub Action's main step: inputs -> plan -> run -> outputs, job summary and report file. */




// Modules the post step or the CLI share with this step load lazily: each is bundled once, in its own chunk.
const actionInputs = () => __webpack_require__.e(/* import() */ 7).then(__webpack_require__.bind(__webpack_require__, 6007));
const files = () => __webpack_require__.e(/* import() */ 590).then(__webpack_require__.bind(__webpack_require__, 8590));
const render = () => __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 4967));
const actionLog = { info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq, warning: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e, error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3 };
async function setOutputs(plan, report, secret) {
    const { reportOutput, setsOutput } = await render();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('outcome', report.outcome);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token-id', report.token?.id ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token-name', report.token?.name ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('expires-at', report.token?.expiresAt ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('revoked-ids', JSON.stringify(report.revokedIds));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('sets', JSON.stringify(setsOutput(report, plan.spec.namePrefix)));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report', reportOutput(report, plan.reportFile));
    // One token per line has no one value to hand on: each line's destinations hold their own.
    if ((plan.mode === 'ephemeral' || plan.mode === 'create') &&
        plan.tokenPer === 'run' &&
        secret &&
        report.outcome !== 'failed')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('token', secret);
}
async function run() {
    const { maskInputs, readActionInputs, STATE_TOKEN_ID } = await actionInputs();
    const { checkWritableFile, writeFilePrivately } = await files();
    const inputs = readActionInputs();
    maskInputs(inputs);
    let plan;
    try {
        plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_2__.buildPlan)(inputs, process.env);
        // Checked before anything is minted: a finished rotation must not fail on a path typo.
        if (plan.reportFile)
            checkWritableFile('report-file', plan.reportFile);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
        process.exitCode = err instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL ? 2 : 1;
        return;
    }
    // The engine (undici, the lifecycle) loads only for a run: bad input never parses it.
    const { cancelOnSignals, runPlan } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(502), __webpack_require__.e(411)]).then(__webpack_require__.bind(__webpack_require__, 9411));
    const controller = cancelOnSignals(actionLog);
    let secret;
    const report = await runPlan(plan, {
        log: actionLog,
        mask: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
        signal: controller.signal,
        onMinted: (token) => {
            secret = token.secret;
            if (plan.mode === 'ephemeral')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_TOKEN_ID, token.id);
        },
    });
    if (plan.mode === 'distribute')
        secret = plan.issuer.token;
    const { exitCode, summaryMarkdown, summaryText } = await render();
    // The report quotes servers (token names, error bodies): every line is sanitised before it is printed.
    for (const line of summaryText(report))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitize */ .aj)(line));
    await setOutputs(plan, report, secret);
    if (process.env.GITHUB_STEP_SUMMARY)
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw((0,_shared_sanitize_js__WEBPACK_IMPORTED_MODULE_3__/* .sanitizeLines */ .X$)(summaryMarkdown(report))).write();
    if (plan.reportFile) {
        try {
            writeFilePrivately(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644);
        }
        catch (err) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`report-file: could not write ${plan.reportFile}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)} (the run itself ${report.outcome === 'failed' ? 'failed' : 'finished'}; see the report output)`);
        }
    }
    if (report.outcome === 'failed') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(report.error ?? 'token-action failed');
        process.exitCode = exitCode(report);
    }
}


/***/ })

};
