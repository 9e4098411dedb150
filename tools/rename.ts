// `npm run rename -- --type-name Org::Connect::User`: moves the project to another type name
// everywhere the cfn tools look, so `cfn submit` registers it (AWS:: is reserved for AWS): the
// schema's typeName and file name (<type-name in lower case, "::" as "-">.json), .rpdk-config,
// template.yml, the example templates, and everything generated from the schema (models, validator, role, docs).
// `npm run package -- --type-name` renames in the package only; this renames the project.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectTypeName, REPO_ROOT, schemaFileName, typeNameProblem } from './resource-schema';

export function renameProject(typeName: string, root = REPO_ROOT): string[] {
    const problem = typeNameProblem(typeName);
    if (problem) throw new Error(problem);
    const current = projectTypeName(root);
    if (current === typeName) return [];
    const from = join(root, schemaFileName(current));
    const to = join(root, schemaFileName(typeName));
    if (!existsSync(from)) throw new Error(`${from} is missing: .rpdk-config names ${current}`);
    if (existsSync(to)) throw new Error(`${to} already exists`);
    const replace = (text: string) => text.split(current).join(typeName);
    writeFileSync(from, replace(readFileSync(from, 'utf8')));
    renameSync(from, to);
    const changed = [`${schemaFileName(current)} -> ${schemaFileName(typeName)}`];
    const examples = readdirSync(join(root, 'examples')).filter((file) => /\.(json|ya?ml)$/.test(file)).map((file) => join('examples', file));
    for (const file of ['.rpdk-config', 'template.yml', ...examples]) {
        const path = join(root, file);
        const text = readFileSync(path, 'utf8');
        if (replace(text) !== text) {
            writeFileSync(path, replace(text));
            changed.push(file);
        }
    }
    // The README names the schema file (its layout, how validation works): the file moved.
    const readme = join(root, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const moved = text.split(schemaFileName(current)).join(schemaFileName(typeName));
    if (moved !== text) {
        writeFileSync(readme, moved);
        changed.push('README.md');
    }
    return changed;
}

if (require.main === module) {
    const { values } = parseArgs({ options: { 'type-name': { type: 'string' } } });
    try {
        if (!values['type-name']) throw new Error('usage: npm run rename -- --type-name Org::Connect::User');
        const changed = renameProject(values['type-name']);
        console.log(changed.length === 0 ? `already ${values['type-name']}` : `renamed: ${changed.join(', ')}`);
        // A new process: the generator finds the schema by the type name .rpdk-config now holds.
        execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tools', 'generate.ts')], { cwd: REPO_ROOT, stdio: 'inherit' });
    } catch (error) {
        console.error(`rename: ${error instanceof Error ? error.message : error}`);
        process.exit(2);
    }
}
