// What every development process loads (`node --import ./scripts/register.mjs`): tsx, to run the
// TypeScript sources, and the bundle's answer to the CloudFormation library's aws-sdk v2 imports
// (scripts/bundle-shims/aws-sdk-v2-absent.js) wherever no aws-sdk v2 is installed, as in this project.
import 'tsx';
import Module, { createRequire } from 'node:module';

const absent = createRequire(import.meta.url).resolve('./bundle-shims/aws-sdk-v2-absent.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    try {
        return resolve.call(this, request, ...rest);
    } catch (error) {
        // Only where no aws-sdk is installed: the bench's scaffold build carries its own.
        if (/^aws-sdk(\/|$)/.test(request) && error.code === 'MODULE_NOT_FOUND') return absent;
        throw error;
    }
};
