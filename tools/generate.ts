// `npm run generate`: everything derived from aws-connect-user.json, written in one pass.
// `--check` writes nothing and exits 1 when a checked-in file differs from what it would write.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { JsonSchema, loadResourceSchema, REPO_ROOT } from './resource-schema';
import { renderModels } from './render-models';
import { renderDocs } from './render-docs';
import { renderRole } from './render-role';
import { renderValidator } from './render-validator';

/** How long CloudFormation gives each mutating handler, in ms: the handlers' retry budget. */
function renderHandlerTimeouts(schema: JsonSchema): string {
    // The meta-schema's default when a handler declares none.
    const minutes = (action: string) => schema.handlers?.[action]?.timeoutInMinutes ?? 120;
    return [
        '// This is a generated file. Modifications will be overwritten: edit aws-connect-user.json and run `npm run generate`.',
        '/** The timeoutInMinutes each handler declares, in milliseconds. */',
        `export const HANDLER_TIMEOUT_MS = { CREATE: ${minutes('create') * 60_000}, UPDATE: ${minutes('update') * 60_000}, DELETE: ${minutes('delete') * 60_000} } as const;`,
        '',
    ].join('\n');
}

/** Every generated file, keyed by its path relative to the repository root. */
export function renderAll(schema: JsonSchema): Map<string, string> {
    return new Map([
        ['src/generated/models.ts', renderModels(schema)],
        ['src/generated/schema-validator.ts', renderValidator(schema)],
        ['src/generated/handler-timeouts.ts', renderHandlerTimeouts(schema)],
        ['resource-role.yaml', renderRole(schema)],
        ...renderDocs(schema),
    ]);
}

/** Paths whose content on disk differs from what the schema makes. */
export function staleFiles(root = REPO_ROOT, schema = loadResourceSchema()): string[] {
    const stale: string[] = [];
    for (const [path, content] of renderAll(schema)) {
        let current: string | undefined;
        try {
            current = readFileSync(join(root, path), 'utf8');
        } catch {
            current = undefined;
        }
        if (current !== content) stale.push(path);
    }
    return stale;
}

if (require.main === module) {
    const schema = loadResourceSchema();
    if (process.argv.includes('--check')) {
        const stale = staleFiles(REPO_ROOT, schema);
        if (stale.length > 0) {
            console.error(`out of date with aws-connect-user.json (run npm run generate): ${stale.join(', ')}`);
            process.exit(1);
        }
        console.log('generated files are up to date');
    } else {
        for (const [path, content] of renderAll(schema)) {
            const target = join(REPO_ROOT, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, content);
            console.log(`wrote ${relative(process.cwd(), target) || path}`);
        }
    }
}
