// Renders docs/: the property reference a template author reads, as `cfn generate` writes it
// (syntax, every property with its type, whether it is required, its update behaviour, allowed
// values and patterns, return values), plus the example templates in YAML and JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMMUTABLE } from '../src/immutable';
import { deref, JsonSchema, REPO_ROOT, SCHEMA_FILE } from './resource-schema';

const UPDATE_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html';
const anchor = (name: string) => name.toLowerCase();
const fileOf = (definition: string) => `${definition.toLowerCase()}.md`;

interface Described {
    /** How the type reads in the syntax blocks and the property list. */
    json: string;
    yaml: string;
    long: string;
    /** The object definition this property is (or holds a list of), for its own page. */
    definition?: string;
}

function describeType(schema: JsonSchema, property: JsonSchema): Described {
    const ref: string | undefined = property.$ref;
    const target = deref(schema, property);
    if (target.type === 'array') {
        const item = describeType(schema, target.items ?? {});
        return { json: `[ ${item.json}, ... ]`, yaml: `\n      - ${item.yaml}`, long: `List of ${item.long}`, definition: item.definition };
    }
    if (target.properties) {
        const name = ref ? ref.split('/').pop()! : 'Object';
        const link = `<a href="${fileOf(name)}">${name}</a>`;
        return { json: link, yaml: link, long: link, definition: name };
    }
    const basic = ({ string: 'String', integer: 'Integer', number: 'Double', boolean: 'Boolean' } as Record<string, string>)[target.type] ?? 'Map';
    return { json: basic, yaml: basic, long: basic };
}

function constraints(schema: JsonSchema, property: JsonSchema): string[] {
    const target = deref(schema, property);
    const lines: string[] = [];
    const item = target.type === 'array' ? deref(schema, target.items ?? {}) : target;
    if (item.enum) lines.push(`_Allowed Values_: ${item.enum.map((v: string) => `<code>${v}</code>`).join(' | ')}`);
    if (target.minItems !== undefined) lines.push(`_Minimum Number of Items_: <code>${target.minItems}</code>`);
    if (target.maxItems !== undefined) lines.push(`_Maximum Number of Items_: <code>${target.maxItems}</code>`);
    if (target.uniqueItems) lines.push('_Items_: each item at most once');
    if (target.type === 'array' && target.insertionOrder === false) lines.push('_Order_: not significant (a reordered list is no change)');
    if (item.minLength !== undefined) lines.push(`_Minimum Length_: <code>${item.minLength}</code>`);
    if (item.maxLength !== undefined) lines.push(`_Maximum Length_: <code>${item.maxLength}</code>`);
    if (item.minimum !== undefined) lines.push(`_Minimum_: <code>${item.minimum}</code>`);
    if (item.maximum !== undefined) lines.push(`_Maximum_: <code>${item.maximum}</code>`);
    if (item.pattern) lines.push(`_Pattern_: <code>${item.pattern.replace(/</g, '&lt;')}</code>`);
    return lines;
}

function propertySection(schema: JsonSchema, name: string, property: JsonSchema, required: boolean, update: string, extra: string[] = []): string {
    const described = describeType(schema, property);
    const description = property.description ?? deref(schema, property).description ?? '';
    return [`#### ${name}`, '', description, '', `_Required_: ${required ? 'Yes' : 'No'}`, '', `_Type_: ${described.long}`, '', ...constraints(schema, property).flatMap((l) => [l, '']), ...extra.flatMap((l) => [l, '']), `_Update requires_: ${update}`, ''].join('\n');
}

/** The Syntax section: the properties in JSON and YAML, around a type's head lines or none. */
function syntax(schema: JsonSchema, properties: [string, JsonSchema][], typeName?: string): string[] {
    const link = (name: string) => `<a href="#${anchor(name)}" title="${name}">${name}</a>`;
    const indent = typeName ? '        ' : '    ';
    const json = properties.map(([name, property]) => `${indent}"${link(name)}" : <i>${describeType(schema, property).json}</i>`).join(',\n');
    const yaml = properties.map(([name, property]) => `${typeName ? '    ' : ''}${link(name)}: <i>${describeType(schema, property).yaml}</i>`).join('\n');
    return [
        '## Syntax',
        '',
        'To declare this entity in your AWS CloudFormation template, use the following syntax:',
        '',
        '### JSON',
        '',
        '<pre>',
        '{',
        ...(typeName ? [`    "Type" : "${typeName}",`, '    "Properties" : {', json, '    }'] : [json]),
        '}',
        '</pre>',
        '',
        '### YAML',
        '',
        '<pre>',
        ...(typeName ? [`Type: ${typeName}`, 'Properties:'] : []),
        yaml,
        '</pre>',
        '',
    ];
}

function readme(schema: JsonSchema): string {
    const typeName: string = schema.typeName;
    const pointerSet = (key: string) => new Set<string>((schema[key] ?? []).map((p: string) => p.split('/')[2]));
    const readOnly = pointerSet('readOnlyProperties');
    const writeOnly = pointerSet('writeOnlyProperties');
    const createOnly = pointerSet('createOnlyProperties');
    const immutable = new Map(IMMUTABLE.map((i) => [i.name, i.why]));
    const settable = Object.entries<JsonSchema>(schema.properties).filter(([name]) => !readOnly.has(name));
    const update = (name: string) => {
        if (createOnly.has(name)) return `[Replacement](${UPDATE_DOCS}#update-replacement)`;
        if (immutable.has(name)) return `Not updatable: a change fails with NotUpdatable (${immutable.get(name)}). Removing it from the template changes nothing.`;
        return `[No interruption](${UPDATE_DOCS}#update-no-interrupt)`;
    };
    const example = (file: string) => readFileSync(join(REPO_ROOT, 'examples', file), 'utf8').trimEnd();
    return [
        `<!-- This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`. -->`,
        `# ${typeName}`,
        '',
        schema.description,
        '',
        ...syntax(schema, settable, typeName),
        '## Properties',
        '',
        ...settable.map(([name, property]) =>
            propertySection(schema, name, property, (schema.required ?? []).includes(name), update(name), writeOnly.has(name) ? ['_Write-only_: never returned by read, list or `Fn::GetAtt`, never logged'] : []),
        ),
        '## Return Values',
        '',
        '### Ref',
        '',
        `When you pass the logical ID of this resource to the intrinsic \`Ref\` function, Ref returns the ${(schema.primaryIdentifier ?? []).map((p: string) => p.split('/')[2]).join(', ')}.`,
        '',
        '### Fn::GetAtt',
        '',
        'The `Fn::GetAtt` intrinsic function returns a value for a specified attribute of this type. The following are the available attributes and sample return values.',
        '',
        'For more information about using the `Fn::GetAtt` intrinsic function, see [Fn::GetAtt](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html).',
        '',
        ...[...readOnly].flatMap((name) => [`#### ${name}`, '', schema.properties[name]?.description ?? `Returns the <code>${name}</code> value.`, '']),
        '## Examples',
        '',
        'Every property (from `examples/full.yaml`; `examples/` has more, each checked by the tests):',
        '',
        '### YAML',
        '',
        '```yaml',
        example('full.yaml'),
        '```',
        '',
        '### JSON',
        '',
        '```json',
        example('full.json'),
        '```',
        '',
    ].join('\n');
}

function subproperty(schema: JsonSchema, definition: string): string {
    const node = schema.definitions[definition];
    const properties = Object.entries<JsonSchema>(node.properties ?? {});
    return [
        `<!-- This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`. -->`,
        `# ${schema.typeName} ${definition}`,
        '',
        node.description ?? '',
        '',
        ...syntax(schema, properties),
        '## Properties',
        '',
        ...properties.map(([name, property]) => propertySection(schema, name, property, (node.required ?? []).includes(name), `[No interruption](${UPDATE_DOCS}#update-no-interrupt)`)),
    ].join('\n');
}

/** docs/README.md and a page for each object definition a property uses. */
export function renderDocs(schema: JsonSchema): Map<string, string> {
    const files = new Map([['docs/README.md', readme(schema)]]);
    const definitions = new Set<string>();
    const visit = (property: JsonSchema) => {
        const described = describeType(schema, property);
        if (!described.definition || definitions.has(described.definition)) return;
        definitions.add(described.definition);
        for (const child of Object.values<JsonSchema>(schema.definitions[described.definition].properties ?? {})) visit(child);
    };
    for (const property of Object.values<JsonSchema>(schema.properties)) visit(property);
    for (const definition of [...definitions].sort()) files.set(`docs/${fileOf(definition)}`, subproperty(schema, definition));
    return files;
}
