export const id = 409;
export const ids = [409];
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

/***/ 7409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _action_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6007);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(246);
/**
 * The Action's post step: revokes the ephemeral token saved by main, even when the job failed or
 * was cancelled. Does nothing in other modes.
 */




async function post() {
    const id = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_action_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE_TOKEN_ID */ .o7);
    if (!id)
        return;
    try {
        const plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_3__.buildPlan)((0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readActionInputs */ .Ui)(), process.env);
        const { revokeToken } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(763), __webpack_require__.e(599)]).then(__webpack_require__.bind(__webpack_require__, 2138));
        await revokeToken(plan, id, {
            log: { info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq, warning: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e, error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3 },
            mask: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
        });
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`revoked ephemeral token ${id}`);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`could not revoke ephemeral token ${id}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ })

};
