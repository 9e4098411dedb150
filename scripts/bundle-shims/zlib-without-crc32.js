// In the bundle, node:zlib has one importer: the SDK's CRC32 checksum, which uses zlib.crc32 when
// there is one and its own JavaScript CRC32 otherwise. Connect's user APIs take no checksum, and
// loading zlib costs every cold start: this answers "no crc32" without loading it. A test fails
// if anything else in the bundle comes to import node:zlib.
module.exports = {};
