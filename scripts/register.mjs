// What every development process loads (`node --import ./scripts/register.mjs`): tsx, to run the
// TypeScript sources, and the bundle's answer to the CloudFormation library's aws-sdk v2 imports
// (scripts/bundle-shims/aws-sdk-v2-absent.js), as the project installs no aws-sdk v2.
import 'tsx';
import Module, { createRequire } from 'node:module';

const absent = createRequire(import.meta.url).resolve('./bundle-shims/aws-sdk-v2-absent.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    return /^aws-sdk(\/|$)/.test(request) ? absent : resolve.call(this, request, ...rest);
};
