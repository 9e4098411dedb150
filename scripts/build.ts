// `npm run build`: type-check, then bundle the handler into dist/handlers.js with esbuild.
// `--no-check` skips the type-check (tests that only need a fresh bundle use it).
import { build, Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'handlers.js');
export const AWS_SDK_V2_BUNDLE = join(ROOT, 'dist', 'aws-sdk-v2.js');
/** The compiled resource schema, beside the bundle: only CREATE and UPDATE read it. */
export const VALIDATOR_BUNDLE = join(ROOT, 'dist', 'schema-validator.js');
/** Every file of the Lambda code: what `npm run package`, `cfn submit` and `sam build` ship. */
export const LAMBDA_FILES = [BUNDLE, AWS_SDK_V2_BUNDLE, VALIDATOR_BUNDLE];
/** esbuild's account of what went into dist/handlers.js (not part of the Lambda code). */
export const BUNDLE_META = join(ROOT, 'dist', 'handlers.meta.json');

/**
 * The aws-sdk v2 clients the CloudFormation library imports at load time, for its provider log
 * delivery and metrics: needed only when CloudFormation passes provider credentials.
 */
const V2_CLIENTS: Record<string, string> = { cloudwatchlogs: 'CloudWatchLogs', s3: 'S3', cloudwatch: 'CloudWatch' };

/**
 * Resolves the library's aws-sdk v2 imports to lazy stand-ins: each loads dist/aws-sdk-v2.js the
 * first time a client is constructed or looked at, so an invocation without provider
 * credentials never loads v2 at all. `aws-sdk/clients/all` offers the same three clients by name.
 */
const lazyAwsSdkV2: Plugin = {
    name: 'lazy-aws-sdk-v2',
    setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^aws-sdk(\/|$)/ }, (args) => {
            const client = /^aws-sdk\/clients\/([a-z0-9]+)$/.exec(args.path)?.[1];
            if (client !== 'all' && !(client && client in V2_CLIENTS)) {
                return { errors: [{ text: `${args.path} is not one of the aws-sdk v2 clients the build makes lazy (${Object.keys(V2_CLIENTS).join(', ')}, all)` }] };
            }
            return { path: client, namespace: 'lazy-aws-sdk-v2' };
        });
        pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-aws-sdk-v2' }, (args) => {
            const load = `let loaded; const v2 = () => (loaded ??= require('./aws-sdk-v2.js'));`;
            const lazyClass = (name: string) =>
                `new Proxy(function ${name}() {}, {` +
                `construct: (_, args) => new (v2().${name})(...args),` +
                `get: (_, key) => (key === '__esModule' ? undefined : v2().${name}[key]) })`;
            if (args.path === 'all') {
                const getters = Object.values(V2_CLIENTS).map((name) => `get ${name}() { return v2().${name}; }`).join(',');
                return { contents: `${load} module.exports = { ${getters} };`, loader: 'js' };
            }
            return { contents: `${load} module.exports = ${lazyClass(V2_CLIENTS[args.path])};`, loader: 'js' };
        });
    },
};

/**
 * The Connect client's schema module defines every one of Connect's ~1,700 shapes as a top-level
 * literal. Most are dead for us, but esbuild keeps any literal with a computed key (`{ [_h]: …}`,
 * `_h` being a string constant of the same file) and all it references, as computing a key could
 * have a side effect. Written as the literal keys they are, the unused shapes drop out; the error
 * shapes the module registers (a real side effect) stay. A test checks that the bundle carries
 * the HTTP bindings of the operations we call and of no other.
 */
const literalSchemaKeys: Plugin = {
    name: 'literal-schema-keys',
    setup(pluginBuild) {
        pluginBuild.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-connect[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            const strings = new Map([...source.matchAll(/^const (_\w+) = ("(?:[^"\\]|\\.)*");$/gm)].map((m) => [m[1], m[2]]));
            const contents = source.replace(/\[(_\w+)\]:/g, (whole, name: string) => (strings.has(name) ? `${strings.get(name)}:` : whole));
            return { contents, loader: 'js' };
        });
    },
};

/**
 * The ajv code of the compiled schema is the largest module of ours and only CREATE and UPDATE
 * run it (validate.ts requires it on first use): as a file of its own, a cold start that reads,
 * deletes or lists does not even parse it.
 */
const separateValidator: Plugin = {
    name: 'separate-validator',
    setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /[\\/]generated[\\/]schema-validator$/ }, () => ({ path: './schema-validator.js', external: true }));
    },
};

// Whitespace and syntax are minified, identifiers are not: the library derives each exception's
// HandlerErrorCode from `this.constructor.name`, and keeping names this way loads faster than
// mangling them and restoring them with esbuild's keepNames (a __name call per function).
const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', minifyWhitespace: true, minifySyntax: true, legalComments: 'none', logLevel: 'warning' } as const;

export async function buildBundle(): Promise<void> {
    const { metafile } = await build({
        ...common,
        entryPoints: [join(ROOT, 'src', 'handlers.ts')],
        outfile: BUNDLE,
        // ES-module entry points let esbuild drop the Connect commands we never send.
        mainFields: ['module', 'main'],
        plugins: [lazyAwsSdkV2, literalSchemaKeys, separateValidator],
        metafile: true,
        external: ['./aws-sdk-v2.js'],
        // Dead weight at cold start, replaced by what the handler really needs (see each shim).
        alias: {
            'string.prototype.replaceall': join(ROOT, 'scripts', 'bundle-shims', 'replaceall.js'),
            '@aws-sdk/credential-provider-node': join(ROOT, 'scripts', 'bundle-shims', 'credential-provider-node.js'),
            'node:zlib': join(ROOT, 'scripts', 'bundle-shims', 'zlib-without-crc32.js'),
            'reflect-metadata': join(ROOT, 'scripts', 'bundle-shims', 'reflect-metadata.js'),
            '@smithy/core/event-streams': join(ROOT, 'scripts', 'bundle-shims', 'no-event-streams.js'),
        },
        tsconfig: join(ROOT, 'tsconfig.json'),
    });
    writeFileSync(BUNDLE_META, JSON.stringify(metafile));
    // The SDK loads node:http and node:async_hooks with import(): in a CommonJS bundle that starts
    // Node's ES module loader on the first call just to hand back a built-in. require does the same.
    const code = readFileSync(BUNDLE, 'utf8');
    writeFileSync(BUNDLE, code.replace(/\bimport\("(node:[a-z_/]+)"\)/g, 'Promise.resolve().then(() => require("$1"))'));
    await build({ ...common, entryPoints: [join(ROOT, 'src', 'generated', 'schema-validator.ts')], outfile: VALIDATOR_BUNDLE });
    await build({
        ...common,
        stdin: {
            contents: Object.entries(V2_CLIENTS).map(([file, name]) => `exports.${name} = require('aws-sdk/clients/${file}');`).join('\n'),
            resolveDir: ROOT,
            sourcefile: 'aws-sdk-v2-clients.js',
        },
        outfile: AWS_SDK_V2_BUNDLE,
    });
}

function newestSource(dir = join(ROOT, 'src')): number {
    return Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }));
}

/** Bundles again when dist/handlers.js is missing or older than a source file; says whether it did. */
export async function ensureBuilt(): Promise<boolean> {
    if (LAMBDA_FILES.every((file) => existsSync(file)) && statSync(BUNDLE).mtimeMs >= newestSource()) return false;
    await buildBundle();
    return true;
}

export function typeCheck(): void {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', ROOT], { stdio: 'inherit' });
}

if (require.main === module) {
    (async () => {
        if (!process.argv.includes('--no-check')) typeCheck();
        await buildBundle();
        console.log(`built ${BUNDLE} (${Math.round(statSync(BUNDLE).size / 1024)} KiB)`);
    })().catch((error) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
    });
}
