export const id = 590;
export const ids = [590];
export const modules = {

/***/ 8590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkWritableFile: () => (/* binding */ checkWritableFile),
/* harmony export */   writeFilePrivately: () => (/* binding */ writeFilePrivately)
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
        // rename replaces the directory entry itself: an existing file keeps nothing of its mode, a symlink is not
        // followed.
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
