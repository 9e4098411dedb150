// In the bundle, the SDK's default credential chain (SSO, STS, INI files, IMDS…) is never
// used: the handler always builds its Connect client from the credentials CloudFormation passes.
exports.defaultProvider = () => async () => {
    throw new Error('the handler has no default credential chain: it uses the caller credentials CloudFormation passes');
};
