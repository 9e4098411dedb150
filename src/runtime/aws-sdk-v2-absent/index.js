// The CloudFormation library imports aws-sdk v2 clients (CloudWatch Logs, S3, CloudWatch, and
// `aws-sdk/clients/all` for SessionProxy.client) for the log delivery and metrics it runs when
// CloudFormation passes provider credentials. This provider delivers them itself on SDK v3
// (src/provider-logging.ts) and carries no aws-sdk v2: every such import resolves to this module,
// whose every client refuses to be built, so nothing can reach v2 unnoticed.
class AwsSdkV2NotIncluded {
    constructor() {
        throw new Error('aws-sdk v2 is not part of this provider: logs and metrics are delivered on SDK v3 by src/provider-logging.ts');
    }
}
// `require('aws-sdk/clients/x')` (the client itself) and `require('aws-sdk/clients/all')[name]`.
module.exports = new Proxy(AwsSdkV2NotIncluded, { get: (target, key) => (key in target ? target[key] : AwsSdkV2NotIncluded) });
