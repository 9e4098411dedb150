// The project as the AWS toolchain finds it, checked against what those tools do: the cfn
// TypeScript plugin's submit build and generate (the real cfn generate where the CLI is here),
// the rename to a private type, and SAM's template, env vars and makefile build.
// Each runs in a fresh copy of the project, as a clone would be.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { parseCloudFormationYaml } from '../../local/lambda-runtime/cloudformation-yaml';
import { renderRole } from '../../tools/render-role';
import { loadResourceSchema, schemaFileName } from '../../tools/resource-schema';
import { OTHER_TYPE_NAME, TYPE_NAME } from '../support/type-name';
import { readZip } from '../../tools/zip';

const MALFORMED_READ = {
    action: 'READ', awsAccountId: '123456789012', bearerToken: 'toolchain', region: 'us-east-1', resourceType: TYPE_NAME,
    requestData: { callerCredentials: { accessKeyId: 'AKIDTOOLCHAIN', secretAccessKey: 'toolchain-secret' }, resourceProperties: { UserArn: 'not-an-arn' }, logicalResourceId: 'User' },
};

let clone = '';
/** The project's files as a clone of this working tree would hold them: tracked, plus new files not ignored. */
function freshClone(): string {
    const dir = mkdtempSync(join(tmpdir(), 'clone-'));
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
        if (!existsSync(join(REPO_ROOT, file))) continue;
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        cpSync(join(REPO_ROOT, file), join(dir, file));
    }
    return dir;
}
const sh = (command: string, cwd = clone) => spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 300_000 });
const answer = (file: string) => spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)}).entrypoint(${JSON.stringify(MALFORMED_READ)}, {}).then((r) => { process.stdout.write('\\n@@RESULT ' + JSON.stringify(r)); process.exit(0); })`], { encoding: 'utf8' });

before(() => {
    clone = freshClone();
});
after(() => rmSync(clone, { recursive: true, force: true }));

test('cfn submit: the buildCommand, run as the TypeScript plugin runs it in a fresh clone, writes build/TypeFunction/ with the Lambda code npm run package zips', () => {
    const settings = JSON.parse(readFileSync(join(clone, '.rpdk-config'), 'utf8')).settings ?? {};
    assert.equal(typeof settings.buildCommand, 'string', '.rpdk-config has settings.buildCommand (without it the plugin runs sam build, which copies nothing from a fresh clone)');
    rmSync(join(clone, 'build'), { recursive: true, force: true }); // the plugin deletes build/ first
    const built = sh(`${settings.buildCommand} TypeFunction`); // and appends the function's name
    assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);
    const dir = join(clone, 'build', 'TypeFunction');
    assert.deepEqual(readdirSync(dir).sort(), ['handlers.js', 'schema-validator.js']);
    const result = answer(join(dir, 'handlers.js'));
    assert.equal(JSON.parse(result.stdout.split('\n@@RESULT ').pop()!).errorCode, 'NotFound', result.stderr);
    // The same Lambda code as npm run package's ResourceProvider.zip.
    const packaged = sh('npx tsx scripts/package.ts --out build/package');
    assert.equal(packaged.status, 0, packaged.stderr);
    const outer = new Map(readZip(readFileSync(join(clone, 'build', 'package', schemaFileName(TYPE_NAME).replace(/\.json$/, '.zip')))).map((e) => [e.name, e.data]));
    const lambda = new Map(readZip(outer.get('ResourceProvider.zip')!).map((e) => [e.name, e.data]));
    assert.deepEqual([...lambda.keys()].sort(), readdirSync(dir).sort());
    for (const [name, data] of lambda) assert.ok(data.equals(readFileSync(join(dir, name))), `${name} is the same in both`);
});

test('cfn generate: the plugin\'s own src/models.ts leaves the build, the bundle and the drift check as they were', () => {
    const before = readFileSync(join(clone, 'dist', 'handlers.js'));
    // What the plugin writes (python/rpdk/typescript/templates/models.ts): Sets for unique arrays,
    // value_ for a property named Value, integer (bigint) for integers.
    writeFileSync(join(clone, 'src', 'models.ts'), PLUGIN_MODELS);
    const built = sh('npx tsx scripts/build.ts');
    assert.equal(built.status, 0, `${built.stdout}\n${built.stderr}`);
    assert.ok(readFileSync(join(clone, 'dist', 'handlers.js')).equals(before), 'the bundle does not change');
    const check = sh('npx tsx tools/generate.ts --check');
    assert.equal(check.status, 0, check.stderr);
    // cfn generate deletes docs/ before writing it: a page the schema no longer makes is drift, and generate removes it.
    writeFileSync(join(clone, 'docs', 'gone.md'), '# a page of a definition that was removed\n');
    assert.equal(sh('npx tsx tools/generate.ts --check').status, 1);
    assert.equal(sh('npx tsx tools/generate.ts').status, 0);
    assert.equal(existsSync(join(clone, 'docs', 'gone.md')), false);
});

/** The real cfn CLI with the TypeScript plugin: `cfn` on the PATH, or ../shared/tools/cfn-cli with the fetched sources it names. */
function realCfn(): string | undefined {
    const tool = join(REPO_ROOT, '..', 'shared', 'tools', 'cfn-cli');
    if (process.env.CFN_CLI_GIT && process.env.CFN_TS_PLUGIN_GIT && existsSync(tool)) return tool;
    return spawnSync('cfn', ['--version']).status === 0 ? 'cfn' : undefined;
}

test('the real cfn generate, in a fresh clone: no tracked file changes but its role, which the submit build scopes again, and every check passes', (t) => {
    const cfn = realCfn();
    if (!cfn) return t.skip('no cfn CLI here: put cfn on the PATH, or set CFN_CLI_GIT and CFN_TS_PLUGIN_GIT for ../shared/tools/cfn-cli');
    const fresh = freshClone();
    try {
        const git = (...args: string[]) => execFileSync('git', args, { cwd: fresh, encoding: 'utf8' });
        git('init', '-q');
        git('add', '-A');
        git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'clone');
        const generated = spawnSync(cfn, ['generate'], { cwd: fresh, encoding: 'utf8', timeout: 300_000 });
        assert.equal(generated.status, 0, `${generated.stdout}${generated.stderr}`);
        assert.doesNotMatch(generated.stdout + generated.stderr, /Could not validate|warning/i, 'cfn validates the schema without a warning');
        // cfn writes its own role (every action on "*"); everything else it writes is ours byte for byte.
        assert.equal(git('status', '--porcelain', '--untracked-files=no'), ' M resource-role.yaml\n', 'cfn generate changed tracked files: our generator and cfn\'s disagree');
        assert.equal(readFileSync(join(fresh, 'resource-role.yaml'), 'utf8'), renderRole(loadResourceSchema(), 'as-cfn-writes'), 'our port of cfn\'s role template');
        symlinkSync(join(REPO_ROOT, 'node_modules'), join(fresh, 'node_modules'));
        // What `cfn submit` runs before it deploys resource-role.yaml writes the scoped role back
        // (the buildCommand's build, without its `npm ci`, which would empty the shared node_modules).
        const build = JSON.parse(readFileSync(join(fresh, '.rpdk-config'), 'utf8')).settings.buildCommand.split(' && ').at(-1);
        const built = sh(`${build} TypeFunction`, fresh);
        assert.equal(built.status, 0, `${built.stdout}${built.stderr}`);
        assert.equal(git('status', '--porcelain', '--untracked-files=no'), '', 'the build leaves the scoped role as committed');
        for (const command of ['npx tsx tools/generate.ts --check', 'npx tsx scripts/build.ts']) {
            const result = sh(command, fresh);
            assert.equal(result.status, 0, `${command}: ${result.stdout}${result.stderr}`);
        }
    } finally {
        rmSync(fresh, { recursive: true, force: true });
    }
});

test('npm run rename moves the project to a private type name everywhere the cfn tools look', () => {
    const target = OTHER_TYPE_NAME;
    const file = schemaFileName(target);
    const inArn = target.replace(/::/g, '-');
    const renamed = sh(`npm run --silent rename -- --type-name ${target}`);
    assert.equal(renamed.status, 0, renamed.stderr);
    assert.equal(existsSync(join(clone, schemaFileName(TYPE_NAME))), false);
    const schema = JSON.parse(readFileSync(join(clone, file), 'utf8'));
    assert.equal(schema.typeName, target);
    assert.equal(JSON.parse(readFileSync(join(clone, '.rpdk-config'), 'utf8')).typeName, target);
    assert.ok(readFileSync(join(clone, 'template.yml'), 'utf8').includes(target));
    assert.ok(readFileSync(join(clone, 'examples', 'minimal.yaml'), 'utf8').includes(`Type: ${target}`));
    assert.ok(readFileSync(join(clone, 'src', 'generated', 'models.ts'), 'utf8').includes(`TYPE_NAME: string = '${target}'`));
    assert.ok(readFileSync(join(clone, 'docs', 'README.md'), 'utf8').startsWith(`# ${target}\n`));
    assert.ok(readFileSync(join(clone, 'README.md'), 'utf8').includes(`${file}   the resource schema`), 'the README\'s layout names the moved schema file');
    assert.ok(readFileSync(join(clone, 'resource-role.yaml'), 'utf8').includes(`type/resource/${inArn}/*`));
    for (const command of ['npx tsx tools/validate-schema.ts', 'npx tsx tools/generate.ts --check', 'npx tsx scripts/build-function.ts TypeFunction', 'node --import tsx --test test/docs/examples.test.ts']) {
        const result = sh(command);
        assert.equal(result.status, 0, `${command}: ${result.stdout}${result.stderr}`);
    }
    assert.ok(readFileSync(join(clone, 'build', 'TypeFunction', 'handlers.js'), 'utf8').includes(`"${target}"`));
    assert.equal(sh('npm run --silent rename -- --type-name AWS::Connect::Agent').status, 2, 'the reserved AWS:: namespace is refused');
});

test('SAM: both functions build with make into ARTIFACTS_DIR, and declare the endpoint variable sam-tests/env.json sets', () => {
    const template = parseCloudFormationYaml(readFileSync(join(REPO_ROOT, 'template.yml'), 'utf8')) as any;
    const declared = template.Globals?.Function?.Environment?.Variables ?? {};
    assert.ok('AWS_ENDPOINT_URL_CONNECT' in declared, 'template.yml declares AWS_ENDPOINT_URL_CONNECT: --env-vars overrides only declared variables');
    assert.equal(declared.AWS_ENDPOINT_URL_CONNECT, '', 'empty: the SDK then calls Amazon Connect itself');
    assert.equal(template.Globals.Function.Runtime, 'nodejs22.x');
    const envVars = JSON.parse(readFileSync(join(REPO_ROOT, 'sam-tests', 'env.json'), 'utf8'));
    for (const [name, resource] of Object.entries<any>(template.Resources)) {
        assert.equal(resource.Metadata?.BuildMethod, 'makefile', name);
        assert.deepEqual(Object.keys(envVars[name] ?? {}).filter((v) => !(v in declared)), [], `${name}: env.json sets only declared variables`);
        // What sam build runs: make build-<Function> with ARTIFACTS_DIR.
        const artifacts = join(clone, '.aws-sam', name);
        const dry = spawnSync('make', ['-n', `build-${name}`, `ARTIFACTS_DIR=${artifacts}`], { cwd: clone, encoding: 'utf8' });
        assert.equal(dry.status, 0, dry.stderr);
        const [install, build] = dry.stdout.trim().split('\n');
        assert.match(install, /^npm ci /);
        const result = sh(build);
        assert.equal(result.status, 0, `${build}: ${result.stderr}`);
        assert.deepEqual(readdirSync(artifacts).sort(), ['handlers.js', 'schema-validator.js']);
    }
});

const PLUGIN_MODELS = `// This is a generated file. Modifications will be overwritten.
import { BaseModel, Dict, integer, Integer, Optional, transformValue } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { Exclude, Expose, Type, Transform } from 'class-transformer';

export class ResourceModel extends BaseModel {
    @Exclude()
    public static readonly TYPE_NAME: string = 'AWS::Connect::User';

    @Exclude()
    protected readonly IDENTIFIER_KEY_USERARN: string = '/properties/UserArn';

    @Expose({ name: 'SecurityProfileArns' })
    @Transform(
        ({value, obj}) =>
            transformValue(String, 'securityProfileArns', value, obj, [Set]),
        {
            toClassOnly: true,
        }
    )
    securityProfileArns?: Optional<Set<string>>;
    @Expose({ name: 'Tags' })
    @Type(() => Tag)
    tags?: Optional<Set<Tag>>;

    @Exclude()
    public getPrimaryIdentifier(): Dict {
        const identifier: Dict = {};
        if (this.userArn != null) {
            identifier[this.IDENTIFIER_KEY_USERARN] = this.userArn;
        }
        return Object.keys(identifier).length === 1 ? identifier : null;
    }
}

export class Tag extends BaseModel {
    @Expose({ name: 'Key' })
    key?: Optional<string>;
    @Expose({ name: 'Value' })
    value_?: Optional<string>;
}

export class AfterContactWorkConfig extends BaseModel {
    @Expose({ name: 'AfterContactWorkTimeLimit' })
    @Transform(
        ({value, obj}) =>
            transformValue(Integer, 'afterContactWorkTimeLimit', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    afterContactWorkTimeLimit?: Optional<integer>;
}

export class TypeConfigurationModel extends BaseModel {
    @Exclude()
    public static readonly TYPE_NAME: string = 'AWS::Connect::User';
}
`;
