// `npm run build:function -- NAME... [--out DIR]`: the Lambda code of template.yml's functions,
// for the two builds the AWS toolchain runs:
// - `cfn submit` (the TypeScript plugin) runs .rpdk-config's buildCommand with " TypeFunction"
//   appended, then zips build/TypeFunction/ as ResourceProvider.zip;
// - `sam build` (template.yml's BuildMethod: makefile) runs `make build-NAME`, which calls this
//   with --out "$ARTIFACTS_DIR".
// Either way the code is what `npm run package` zips: LAMBDA_FILES (scripts/build.ts) from dist/.
// It also writes the scoped resource-role.yaml back: `cfn generate` writes cfn's `Resource: "*"`
// form, and `cfn submit` deploys that file right after this build (tools/render-role.ts).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFunctions } from '../local/lambda-runtime/template';
import { loadResourceSchema } from '../tools/resource-schema';
import { renderRole } from '../tools/render-role';
import { buildBundle, LAMBDA_FILES, typeCheck } from './build';

const ROOT = join(__dirname, '..');

async function main() {
    const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
    const declared = readFunctions(join(ROOT, 'template.yml'));
    if (positionals.length === 0 && !values.out) throw new Error(`usage: npm run build:function -- NAME... [--out DIR] (template.yml declares ${[...declared.keys()].join(', ')})`);
    for (const name of positionals) if (!declared.has(name)) throw new Error(`unknown function ${name}: template.yml declares ${[...declared.keys()].join(', ')}`);
    if (values.out && positionals.length > 1) throw new Error('--out takes one function');
    typeCheck();
    await buildBundle();
    const targets = values.out ? [resolve(values.out)] : positionals.map((name) => join(ROOT, 'build', name));
    for (const target of targets) {
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        for (const file of LAMBDA_FILES) copyFileSync(file, join(target, basename(file)));
        console.log(`wrote ${target}: ${LAMBDA_FILES.map((file) => basename(file)).join(', ')}`);
    }
    const rolePath = join(ROOT, 'resource-role.yaml');
    const role = renderRole(loadResourceSchema());
    if (readFileSync(rolePath, 'utf8') !== role) {
        writeFileSync(rolePath, role);
        console.log('wrote resource-role.yaml: its connect: actions scoped to the account\'s instances again (cfn generate writes Resource: "*")');
    }
}

main().catch((error) => {
    console.error(`build:function: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
});
