// `npm run build`: type-check, then bundle the handler into dist/handlers.js with esbuild.
// `--no-check` skips the type-check (tests that only need a fresh bundle use it).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'handlers.js');

export async function buildBundle(): Promise<void> {
    await build({
        entryPoints: [join(ROOT, 'src', 'handlers.ts')],
        outfile: BUNDLE,
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        // ES-module entry points let esbuild drop the Connect commands we never send.
        mainFields: ['module', 'main'],
        minify: true,
        // The library derives a HandlerErrorCode from `this.constructor.name`: mangled class
        // names would leave every thrown handler exception without an error code.
        keepNames: true,
        legalComments: 'none',
        // aws-sdk v2 is what the CloudFormation library loads for provider log delivery and
        // metrics; it is resolved from node_modules at run time, not copied into the bundle.
        external: ['aws-sdk', 'aws-sdk/*'],
        tsconfig: join(ROOT, 'tsconfig.json'),
        logLevel: 'warning',
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
    if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSource()) return false;
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
