// `npm run package [-- --type-name Org::Connect::User] [--out DIR]`
// The registry submission package, laid out as `cfn submit --dry-run` writes it: schema.json,
// .rpdk-config, inputs/, ResourceProvider.zip (the Lambda code: the bundle and the compiled
// schema it loads for CREATE and UPDATE, nothing else) and .cfn_metadata.json, in <type-name>.zip;
// beside it the execution role for that type name.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderRole } from '../tools/render-role';
import { writeZip, ZipEntry } from '../tools/zip';
import { buildBundle, BUNDLE, LAMBDA_FILES, typeCheck } from './build';
import { projectTypeName, SCHEMA_PATH, typeNameProblem } from '../tools/resource-schema';

const ROOT = join(__dirname, '..');
/** The project's type name (.rpdk-config); --type-name renames it in the package only. */
export const ORIGINAL_TYPE_NAME = projectTypeName();
export interface PackageResult {
    path: string;
    /** The execution role template for this type name (its trust policy names the type). */
    rolePath: string;
    typeName: string;
    zipBytes: number;
    lambdaZipBytes: number;
    lambdaUnzippedBytes: number;
}

/** Writes the package; the type name is rewritten in the package only, never in the repository. */
export async function buildPackage(options: { typeName?: string; outDir?: string; check?: boolean } = {}): Promise<PackageResult> {
    const typeName = options.typeName ?? ORIGINAL_TYPE_NAME;
    if (options.typeName) {
        const problem = typeNameProblem(typeName);
        if (problem) throw new Error(problem);
    }
    if (options.check !== false) typeCheck();
    await buildBundle();
    const rename = (text: string) => text.split(ORIGINAL_TYPE_NAME).join(typeName);

    const bundle = readFileSync(BUNDLE, 'utf8');
    const literal = JSON.stringify(ORIGINAL_TYPE_NAME);
    if (bundle.split(literal).length !== 2) throw new Error(`expected the bundle to name ${ORIGINAL_TYPE_NAME} exactly once (ResourceModel.TYPE_NAME)`);
    const lambdaFiles: ZipEntry[] = LAMBDA_FILES.map((file) => ({
        name: basename(file),
        data: file === BUNDLE ? Buffer.from(bundle.replace(literal, JSON.stringify(typeName))) : readFileSync(file),
    }));
    const lambdaZip = await writeZip(lambdaFiles);

    const schema = JSON.parse(rename(readFileSync(SCHEMA_PATH, 'utf8')));
    const settings = JSON.parse(readFileSync(join(ROOT, '.rpdk-config'), 'utf8'));
    settings.typeName = typeName;
    const inputs = readdirSync(join(ROOT, 'inputs')).sort().map((file) => ({ name: `inputs/${file}`, data: readFileSync(join(ROOT, 'inputs', file)) }));
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const library = JSON.parse(readFileSync(join(ROOT, 'node_modules/@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib/package.json'), 'utf8'));
    const metadata = {
        'cli-version': `${packageJson.name}/${packageJson.version} (npm run package)`,
        'plugin-name': 'typescript',
        'plugin-tool-version': library.version,
    };
    // Stored, not compressed, as `cfn submit` writes it: the registry checks the package size.
    const zip = await writeZip(
        [
            { name: '.rpdk-config', data: Buffer.from(`${JSON.stringify(settings, null, 4)}\n`) },
            { name: 'schema.json', data: Buffer.from(`${JSON.stringify(schema, null, 2)}\n`) },
            ...inputs,
            { name: 'ResourceProvider.zip', data: lambdaZip },
            { name: '.cfn_metadata.json', data: Buffer.from(JSON.stringify(metadata)) },
        ],
        { store: true },
    );
    const outDir = options.outDir ?? join(ROOT, 'build');
    mkdirSync(outDir, { recursive: true });
    const base = typeName.toLowerCase().replace(/::/g, '-');
    const path = join(outDir, `${base}.zip`);
    writeFileSync(path, zip);
    const rolePath = join(outDir, `${base}-role.yaml`);
    writeFileSync(rolePath, renderRole(schema));
    return { path, rolePath, typeName, zipBytes: zip.length, lambdaZipBytes: lambdaZip.length, lambdaUnzippedBytes: lambdaFiles.reduce((sum, f) => sum + f.data.length, 0) };
}

if (require.main === module) {
    const { values } = parseArgs({ options: { 'type-name': { type: 'string' }, out: { type: 'string' } } });
    buildPackage({ typeName: values['type-name'], outDir: values.out }).then(
        (result) => {
            const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
            console.log(`wrote ${result.path} (${kib(result.zipBytes)}) for ${result.typeName}`);
            console.log(`  ResourceProvider.zip: ${kib(result.lambdaZipBytes)} zipped, ${kib(result.lambdaUnzippedBytes)} unzipped (${LAMBDA_FILES.map((file) => basename(file)).join(', ')})`);
            if (result.typeName === ORIGINAL_TYPE_NAME) console.log(`  note: AWS:: is reserved; to register a private type pass --type-name Org::Connect::User`);
            const file = result.path.split('/').pop();
            console.log('register it with:');
            console.log(`  aws s3 cp ${result.path} s3://YOUR_BUCKET/${file}`);
            console.log(`  aws cloudformation deploy --template-file ${result.rolePath} --stack-name ${file!.replace('.zip', '')}-role --capabilities CAPABILITY_IAM   # the execution role`);
            console.log(`  aws cloudformation register-type --type RESOURCE --type-name ${result.typeName} --schema-handler-package s3://YOUR_BUCKET/${file} --execution-role-arn ROLE_ARN`);
        },
        (error) => {
            console.error(`package: ${error instanceof Error ? error.message : error}`);
            process.exit(2);
        },
    );
}
