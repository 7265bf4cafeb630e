export const id = 138;
export const ids = [138];
export const modules = {

/***/ 2138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeByIds: () => (/* binding */ revokeByIds),
/* harmony export */   revokeToken: () => (/* binding */ revokeToken)
/* harmony export */ });
/* harmony import */ var _issuers_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8588);
/* harmony import */ var _plan_token_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9780);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8382);
/* harmony import */ var _transport_of_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(247);
/**
 * Revoking tokens by id, outside a rotation: the ephemeral post step, the CLI's `revoke` and its
 * clean-up after cancellation. Loads the issuer and the transport only - no platform, no lifecycle.
 */




/** Revokes one token by id (the ephemeral post step, and clean-up after cancellation). */
async function revokeToken(plan, id, options) {
    return (0,_issuers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createIssuer */ .A)(plan.issuer, (0,_transport_of_js__WEBPACK_IMPORTED_MODULE_3__/* .transportFor */ .J)(plan, options)).revoke(id);
}
/**
 * `token-action revoke --token-id ID`: revokes tokens by id. A live token outside the rotation set is
 * refused unless `force` - a typo must not revoke a token some other system depends on. An id no
 * live token has is `notFound`: already revoked (a re-run) or never made; nothing is sent for it.
 */
async function revokeByIds(plan, ids, force, options) {
    const transport = (0,_transport_of_js__WEBPACK_IMPORTED_MODULE_3__/* .transportFor */ .J)(plan, options);
    const issuer = (0,_issuers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .createIssuer */ .A)(plan.issuer, transport);
    const live = await issuer.list('');
    const inSet = new Set(live.filter((t) => (0,_plan_token_name_js__WEBPACK_IMPORTED_MODULE_1__/* .isMintedWith */ .cb)(plan.spec.namePrefix, t.name)).map((t) => t.id));
    const known = new Set(live.map((t) => t.id));
    const outside = ids.filter((id) => known.has(id) && !inSet.has(id));
    if (outside.length && !force)
        return { revoked: [], notFound: [], outside, failed: [] };
    const notFound = ids.filter((id) => !known.has(id));
    const revoked = [];
    const failed = [];
    for (const id of ids.filter((i) => known.has(i))) {
        try {
            if ((await issuer.revoke(id)) === 'revoked')
                revoked.push(id);
            else
                notFound.push(id);
        }
        catch (err) {
            failed.push(id);
            transport.log.error(`revoking ${id} failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        }
    }
    return { revoked, notFound, outside, failed };
}


/***/ })

};
