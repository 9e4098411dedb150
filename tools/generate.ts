// `npm run generate`: everything derived from the resource schema (aws-connect-user.json, or its renamed file), written in one pass.
// `--check` writes nothing and exits 1 when a checked-in file differs from what it would write.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { JsonSchema, loadResourceSchema, REPO_ROOT, SCHEMA_FILE } from './resource-schema';
import { renderModels, renderProperties } from './render-models';
import { renderDocs } from './render-docs';
import { renderRole } from './render-role';
import { EXAMPLE_LIB, renderCdkConstruct } from './cdk-construct';
import { renderValidator } from './render-validator';

/** How long CloudFormation gives each mutating handler, in ms: the handlers' retry budget. */
function renderHandlerTimeouts(schema: JsonSchema): string {
    // The meta-schema's default when a handler declares none.
    const minutes = (action: string) => schema.handlers?.[action]?.timeoutInMinutes ?? 120;
    return [
        `// This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`.`,
        '/** The timeoutInMinutes each handler declares, in milliseconds. */',
        `export const HANDLER_TIMEOUT_MS = { CREATE: ${minutes('create') * 60_000}, UPDATE: ${minutes('update') * 60_000}, DELETE: ${minutes('delete') * 60_000} } as const;`,
        '',
    ].join('\n');
}

/** Every generated file, keyed by its path relative to the repository root. */
export function renderAll(schema: JsonSchema): Map<string, string> {
    return new Map([
        ['src/generated/models.ts', renderModels(schema)],
        ['src/generated/properties.ts', renderProperties(schema)],
        ['src/generated/schema-validator.ts', renderValidator(schema)],
        ['src/generated/handler-timeouts.ts', renderHandlerTimeouts(schema)],
        ['resource-role.yaml', renderRole(schema)],
        ...[renderCdkConstruct(schema)].map(({ file, source }): [string, string] => [`${EXAMPLE_LIB}/${file}`, source]),
        ...renderDocs(schema),
    ]);
}

/** Pages in docs/ that the schema no longer makes: cfn generate deletes docs/ before it writes. */
function leftoverDocs(root: string, rendered: Map<string, string>): string[] {
    try {
        return readdirSync(join(root, 'docs')).map((file) => `docs/${file}`).filter((path) => !rendered.has(path));
    } catch {
        return [];
    }
}

/** Paths whose content on disk differs from what the schema makes, and docs pages it does not make. */
export function staleFiles(root = REPO_ROOT, schema = loadResourceSchema()): string[] {
    const rendered = renderAll(schema);
    const stale: string[] = [];
    for (const [path, content] of rendered) {
        let current: string | undefined;
        try {
            current = readFileSync(join(root, path), 'utf8');
        } catch {
            current = undefined;
        }
        if (current !== content) stale.push(path);
    }
    return [...stale, ...leftoverDocs(root, rendered)];
}

if (require.main === module) {
    const schema = loadResourceSchema();
    if (process.argv.includes('--check')) {
        const stale = staleFiles(REPO_ROOT, schema);
        if (stale.length > 0) {
            console.error(`out of date with ${SCHEMA_FILE} (run npm run generate): ${stale.join(', ')}`);
            process.exit(1);
        }
        console.log('generated files are up to date');
    } else {
        const rendered = renderAll(schema);
        for (const path of leftoverDocs(REPO_ROOT, rendered)) rmSync(join(REPO_ROOT, path));
        for (const [path, content] of rendered) {
            const target = join(REPO_ROOT, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, content);
            console.log(`wrote ${relative(process.cwd(), target) || path}`);
        }
    }
}
