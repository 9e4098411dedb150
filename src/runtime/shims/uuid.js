// In the bundle, `uuid` (the library imports it for the log stream and S3 folder names of the log
// delivery this provider replaces, and calls only v4) is Node's own crypto.randomUUID: same RFC 4122
// version-4 UUIDs, without the package's own random pools and validators.
exports.v4 = () => require('node:crypto').randomUUID();
