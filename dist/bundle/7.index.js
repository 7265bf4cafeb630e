export const id = 7;
export const ids = [7];
export const modules = {

/***/ 6007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATE_TOKEN_ID: () => (/* binding */ STATE_TOKEN_ID),
/* harmony export */   maskInputs: () => (/* binding */ maskInputs),
/* harmony export */   readActionInputs: () => (/* binding */ readActionInputs)
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


/***/ })

};
