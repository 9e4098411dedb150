// `npm run build`: type-check, then bundle the handler into dist/handlers.js with esbuild.
// `--no-check` skips the type-check (tests that only need a fresh bundle use it).
import { build, Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'handlers.js');
/** The compiled resource schema, beside the bundle: only CREATE and UPDATE read it. */
export const VALIDATOR_BUNDLE = join(ROOT, 'dist', 'schema-validator.js');
/** Every file of the Lambda code: what `npm run package`, `cfn submit` and `sam build` ship. */
export const LAMBDA_FILES = [BUNDLE, VALIDATOR_BUNDLE];
/** esbuild's account of what went into dist/handlers.js (not part of the Lambda code). */
export const BUNDLE_META = join(ROOT, 'dist', 'handlers.meta.json');

/**
 * An SDK client's schema module defines every shape of its service (Connect's ~1,700) as a top-level
 * literal. Most are dead for us, but esbuild keeps any literal with a computed key (`{ [_h]: …}`,
 * `_h` being a string constant of the same file) and all it references, as computing a key could
 * have a side effect. Written as the literal keys they are, the unused shapes drop out; the error
 * shapes the module registers (a real side effect) stay. A test checks that the bundle carries
 * the HTTP bindings of the operations we call and of no other.
 */
const literalSchemaKeys: Plugin = {
    name: 'literal-schema-keys',
    setup(pluginBuild) {
        pluginBuild.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-(connect|cloudwatch|cloudwatch-logs)[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
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
    const { metafile, outputFiles } = await build({
        ...common,
        entryPoints: [join(ROOT, 'src', 'handlers.ts')],
        outfile: BUNDLE,
        write: false,
        // ES-module entry points let esbuild drop the Connect commands we never send.
        mainFields: ['module', 'main'],
        plugins: [literalSchemaKeys, separateValidator],
        metafile: true,
        // Dead weight at cold start, replaced by what the handler really needs (see each shim).
        // aws-sdk v2 needs no alias: it is a local stub package (src/runtime/aws-sdk-v2-absent/).
        alias: {
            // The library imports reflect-metadata for its side effect, the global Reflect metadata
            // API (class-transformer's @Type reads it); @abraham/reflection is the same API in 6 KiB
            // instead of 22 (no Map/WeakMap emulation for engines that lack them).
            'reflect-metadata': '@abraham/reflection',
            'string.prototype.replaceall': join(ROOT, 'src', 'runtime', 'shims', 'replaceall.js'),
            '@aws-sdk/credential-provider-node': join(ROOT, 'src', 'runtime', 'shims', 'credential-provider-node.js'),
            '@smithy/core/event-streams': join(ROOT, 'src', 'runtime', 'shims', 'no-event-streams.js'),
            uuid: join(ROOT, 'src', 'runtime', 'shims', 'uuid.js'),
        },
        tsconfig: join(ROOT, 'tsconfig.json'),
    });
    const validator = await build({ ...common, entryPoints: [join(ROOT, 'src', 'generated', 'schema-validator.ts')], outfile: VALIDATOR_BUNDLE, write: false });
    // The SDK loads node:http and node:async_hooks with import(): in a CommonJS bundle that starts
    // Node's ES module loader on the first call just to hand back a built-in. require does the same.
    const code = outputFiles[0].text.replace(/\bimport\("(node:[a-z_/]+)"\)/g, 'Promise.resolve().then(() => require("$1"))');
    mkdirSync(dirname(BUNDLE), { recursive: true });
    // Each file appears whole (written aside, then renamed): test processes may load the bundle meanwhile.
    writeWhole(BUNDLE_META, JSON.stringify(metafile));
    writeWhole(VALIDATOR_BUNDLE, validator.outputFiles[0].text);
    writeWhole(BUNDLE, code);
}

function writeWhole(path: string, content: string) {
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, content);
    renameSync(aside, path);
}

function newestSource(dir = join(ROOT, 'src')): number {
    return Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    }));
}

/** dist/ is missing a file, or is older than a source file. */
export function bundleIsStale(): boolean {
    return !LAMBDA_FILES.every((file) => existsSync(file)) || statSync(BUNDLE).mtimeMs < newestSource();
}

/** Bundles again when the bundle is stale; says whether it did. */
export async function ensureBuilt(): Promise<boolean> {
    if (!bundleIsStale()) return false;
    await buildBundle();
    return true;
}

/** The same, for callers that cannot wait on a promise (a test's synchronous require of the bundle). */
export function ensureBuiltSync(): void {
    if (!bundleIsStale()) return;
    execFileSync(process.execPath, ['--import', 'tsx', __filename, '--no-check'], { stdio: 'inherit' });
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
