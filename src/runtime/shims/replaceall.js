// In the bundle, `string.prototype.replaceall` (the library's polyfill, with es-abstract behind
// it) is Node's own String.prototype.replaceAll: every Lambda Node.js runtime has it.
module.exports = (string, search, replacement) => String.prototype.replaceAll.call(string, search, replacement);
