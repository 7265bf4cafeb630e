export const id = 409;
export const ids = [409];
export const modules = {

/***/ 7409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8382);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(246);
/**
 * The Action's post step: revokes the ephemeral token saved by main, even when the job failed or
 * was cancelled. Does nothing in other modes.
 */



async function post() {
    // Shared with the main step: loaded lazily, so it is bundled once.
    const { readActionInputs, STATE_TOKEN_ID } = await __webpack_require__.e(/* import() */ 7).then(__webpack_require__.bind(__webpack_require__, 6007));
    const id = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_TOKEN_ID);
    if (!id)
        return;
    try {
        const plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_2__.buildPlan)(readActionInputs(), process.env);
        const { revokeToken } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(502), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 2138));
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
