// `npm run cdk-construct -- [--out DIR]`: a typed CDK L1 construct for this type (after
// `npm run rename`, the private name), as `cdk-import` makes one for a registry type: the props
// interfaces from the schema by json2jsii (camelCase members, each with its description, and the
// functions that write the template's PascalCase), and a CfnResource subclass that checks the
// required props, takes part in `Tags.of()`, and exposes the read-only properties as attributes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TypeGenerator } from 'json2jsii';
import { JsonSchema, loadResourceSchema, REPO_ROOT, SCHEMA_FILE } from './resource-schema';

const propertyOf = (pointer: string) => pointer.split('/')[2];
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** The construct's module: its file name and source. */
export function renderCdkConstruct(schema: JsonSchema): { file: string; source: string } {
    const typeName: string = schema.typeName;
    const base = typeName.split('::')[2];
    const className = `Cfn${base}`;
    const propsName = `${className}Props`;
    const generator = new TypeGenerator({ definitions: schema.definitions, toJson: true });
    generator.emitType(propsName, { type: 'object', description: schema.description, properties: schema.properties, required: schema.required, definitions: schema.definitions }, typeName);
    const readOnly: string[] = (schema.readOnlyProperties ?? []).map(propertyOf);
    const required: string[] = schema.required ?? [];
    const taggable = schema.tagging?.taggable !== false && schema.properties?.Tags !== undefined;
    const lines = [
        `// Generated from ${SCHEMA_FILE} by \`npm run generate\` (or \`npm run cdk-construct -- --out DIR\`): do not edit.`,
        "import * as cdk from 'aws-cdk-lib';",
        "import type { Construct } from 'constructs';",
        '',
        generator.render().trim(),
        '',
        '/**',
        ` * A CloudFormation \`${typeName}\`, registered in this account from this project.`,
        ' *',
        ` * ${String(schema.description ?? '').replace(/\*\//g, '* /')}`,
        ' */',
        `export class ${className} extends cdk.CfnResource${taggable ? ' implements cdk.ITaggable' : ''} {`,
        `    public static readonly CFN_RESOURCE_TYPE_NAME = '${typeName}';`,
        ...(taggable ? ['', '    /** The tags of the resource: its `tags` prop, and what `Tags.of()` adds. */', '    public readonly tags: cdk.TagManager;'] : []),
        `    private readonly props: ${propsName};`,
        '',
        `    constructor(scope: Construct, id: string, props: ${propsName}) {`,
        `        super(scope, id, { type: ${className}.CFN_RESOURCE_TYPE_NAME });`,
        `        for (const name of ${JSON.stringify(required.map(camel))} as const) {`,
        `            if ((props as any)?.[name] === undefined) throw new Error(\`${className} \${id}: \${name} is required (${required.join(', ')})\`);`,
        '        }',
        '        this.props = props;',
        ...(taggable ? [`        this.tags = new cdk.TagManager(cdk.TagType.STANDARD, ${className}.CFN_RESOURCE_TYPE_NAME, props.tags, { tagPropertyName: 'tags' });`] : []),
        '    }',
        ...readOnly.flatMap((name) => ['', `    /** \`${name}\`, known once the resource exists (Fn::GetAtt). */`, `    public get attr${name}(): string {`, `        return cdk.Token.asString(this.getAtt('${name}'));`, '    }']),
        '',
        '    protected get cfnProperties(): Record<string, any> {',
        taggable ? '        return { ...this.props, tags: this.tags.renderTags() };' : '        return { ...this.props };',
        '    }',
        '',
        '    protected renderProperties(props: Record<string, any>): Record<string, any> {',
        `        return toJson_${propsName}(props as ${propsName}) ?? {};`,
        '    }',
        '}',
        '',
    ];
    // Named after the resource, not the namespace: `npm run rename` leaves the example's import as it is.
    return { file: `${base.toLowerCase()}.ts`, source: lines.join('\n') };
}

/** Where the example app's copy lives; `npm run generate` keeps it current. */
export const EXAMPLE_LIB = join('examples', 'cdk', 'lib');

if (require.main === module) {
    const { values } = parseArgs({ options: { out: { type: 'string', default: join(REPO_ROOT, EXAMPLE_LIB) } } });
    const schema = loadResourceSchema();
    const { file, source } = renderCdkConstruct(schema);
    mkdirSync(values.out!, { recursive: true });
    writeFileSync(join(values.out!, file), source);
    console.log(`wrote ${join(values.out!, file)}: class ${source.match(/export class (\w+)/)![1]}, props ${source.match(/export interface (\w+Props)/)![1]}, for ${schema.typeName}`);
}
