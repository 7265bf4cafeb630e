export const id = 229;
export const ids = [229];
export const modules = {

/***/ 2229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createCircleCIDestinations: () => (/* binding */ createCircleCIDestinations)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

function createCircleCIDestinations(targets, _plan, _ctx) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL('destinations', `${targets[0].id}: CircleCI destinations are not implemented yet`);
}


/***/ })

};
