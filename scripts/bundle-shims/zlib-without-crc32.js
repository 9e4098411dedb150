// In the bundle, node:zlib has two importers: the SDK's CRC32 checksum, which uses zlib.crc32 when
// there is one and its own JavaScript CRC32 otherwise, and the request compression of the
// CloudWatch client, which provider-logging.ts turns off (its metrics are a few KiB). Connect's
// user APIs take no checksum, and loading zlib costs every cold start: this answers "no crc32",
// and refuses to compress, without loading it. A test fails if anything else comes to import node:zlib.
const refuse = () => {
    throw new Error('this bundle carries no zlib: request compression must stay off (disableRequestCompression)');
};
exports.gzip = refuse;
exports.createGzip = refuse;
