// Renders src/generated/models.ts from the resource schema: the classes `cfn generate` makes for the
// TypeScript plugin (which writes its own src/models.ts: nothing here imports that one; see the
// README's "Shipping it") (BaseModel subclasses, PascalCase JSON names exposed on camelCase fields,
// transformValue to recast the strings CloudFormation sends for booleans and numbers).
//
// Two deliberate departures from the plugin's template:
// - every array is an Array, even with insertionOrder:false. The plugin declares a Set there,
//   but class-transformer can only build a Set from JSON with emitDecoratorMetadata, which
//   esbuild does not emit; order-insensitive comparison belongs to the update planner instead.
// - @Transform uses class-transformer 0.5's `({ value, obj })` signature (the template still has
//   0.3's `(value, obj)`, which silently transforms nothing on 0.5).
// - integers are `number`, recast with Number: the plugin's `Integer` makes a BigInt of "30" but
//   leaves 30 a number, so its declared bigint type is wrong for every template that sends a
//   number. That an integer has no fraction is the schema validator's job.
import { deref, JsonSchema, SCHEMA_FILE } from './resource-schema';

type Primitive = 'string' | 'integer' | 'number' | 'boolean' | 'object';
type FieldType =
    | { kind: 'primitive'; type: Primitive }
    | { kind: 'model'; name: string }
    | { kind: 'array'; item: FieldType };

interface ModelClass {
    name: string;
    fields: { jsonName: string; type: FieldType }[];
}

const TS_TYPES: Record<Primitive, string> = {
    string: 'string',
    integer: 'number',
    number: 'number',
    boolean: 'boolean',
    object: 'object',
};
const WRAPPERS: Record<Primitive, string> = {
    string: 'String',
    integer: 'Number',
    number: 'Number',
    boolean: 'Boolean',
    object: 'Object',
};
const RESERVED = new Set(
    ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
        'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
        'yield let static implements interface package private protected public await constructor type').split(' '),
);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const fieldName = (jsonName: string) => {
    const name = lowerFirst(jsonName);
    return RESERVED.has(name) ? `${name}_` : name;
};

/** Collects the model classes in a stable order: ResourceModel first, then nested models as met. */
function collectModels(schema: JsonSchema): ModelClass[] {
    const models: ModelClass[] = [];
    const pending: { name: string; node: JsonSchema }[] = [{ name: 'ResourceModel', node: schema }];
    const known = new Set(['ResourceModel']);

    const resolve = (node: JsonSchema, fallbackName: string): FieldType => {
        const ref: string | undefined = node?.$ref;
        const target = deref(schema, node);
        if (target?.type === 'array') {
            return { kind: 'array', item: resolve(target.items ?? {}, fallbackName) };
        }
        if (target?.properties) {
            const name = ref?.startsWith('#/definitions/') ? ref.split('/').pop()! : upperFirst(fallbackName);
            if (!known.has(name)) {
                known.add(name);
                pending.push({ name, node: target });
            }
            return { kind: 'model', name };
        }
        const type = target?.type;
        const primitive: Primitive = ['string', 'integer', 'number', 'boolean'].includes(type) ? type : 'object';
        return { kind: 'primitive', type: primitive };
    };

    while (pending.length > 0) {
        const { name, node } = pending.shift()!;
        const fields = Object.entries<JsonSchema>(node.properties ?? {}).map(([jsonName, property]) => ({
            jsonName,
            type: resolve(property, jsonName),
        }));
        models.push({ name, fields });
    }
    return models;
}

function tsType(type: FieldType): string {
    if (type.kind === 'primitive') return TS_TYPES[type.type];
    if (type.kind === 'model') return type.name;
    return `Array<${tsType(type.item)}>`;
}

function innermost(type: FieldType): { type: FieldType; containers: string[] } {
    const containers: string[] = [];
    while (type.kind === 'array') {
        containers.push('Array');
        type = type.item;
    }
    return { type, containers };
}

function renderField(jsonName: string, type: FieldType): string {
    const name = fieldName(jsonName);
    const inner = innermost(type);
    const lines = [`    @Expose({ name: '${jsonName}' })`];
    if (inner.type.kind === 'model') {
        lines.push(`    @Type(() => ${inner.type.name})`);
    } else if (inner.type.kind === 'primitive') {
        const wrapper = WRAPPERS[inner.type.type];
        lines.push(
            '    @Transform(',
            `        ({ value, obj }) =>`,
            `            transformValue(${wrapper}, '${name}', value, obj, [${inner.containers.join(', ')}]),`,
            '        {',
            '            toClassOnly: true,',
            '        }',
            '    )',
        );
    }
    lines.push(`    ${name}?: Optional<${tsType(type)}>;`);
    return lines.join('\n');
}

function renderIdentifierMethods(schema: JsonSchema): string[] {
    const primary: string[] = schema.primaryIdentifier ?? [];
    const keyName = (pointer: string) => `IDENTIFIER_KEY_${pointer.split('/').slice(2).join('_').toUpperCase()}`;
    const access = (pointer: string) => pointer.split('/').slice(2).map(fieldName);
    const lines: string[] = [];
    for (const pointer of primary) {
        lines.push('    @Exclude()', `    protected readonly ${keyName(pointer)}: string = '${pointer}';`, '');
    }
    const methodLines = ['    @Exclude()', '    public getPrimaryIdentifier(): Dict {', '        const identifier: Dict = {};'];
    for (const pointer of primary) {
        const path = access(pointer);
        const guards = path.map((_, i) => `this.${path.slice(0, i + 1).join('.')} != null`).join(' && ');
        methodLines.push(
            `        if (${guards}) {`,
            `            identifier[this.${keyName(pointer)}] = this.${path.join('.')};`,
            '        }',
        );
    }
    methodLines.push(
        '',
        '        // only return the identifier if it can be used, i.e. if all components are present',
        `        return Object.keys(identifier).length === ${primary.length} ? identifier : null!;`,
        '    }',
        '',
        '    @Exclude()',
        '    public getAdditionalIdentifiers(): Array<Dict> {',
        '        const identifiers: Array<Dict> = new Array<Dict>();',
        '        // only return the identifiers if any can be used',
        '        return identifiers.length === 0 ? null! : identifiers;',
        '    }',
    );
    return [...lines, ...methodLines];
}

export function renderModels(schema: JsonSchema): string {
    const models = collectModels(schema);
    const libImports = ['BaseModel', 'Dict', 'Optional', 'transformValue'];

    const out: string[] = [
        `// This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`.`,
        `import { ${libImports.join(', ')} } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';`,
        "import { Exclude, Expose, Transform, Type } from 'class-transformer';",
        '',
    ];
    // Nested classes first: a decorator's `() => Nested` is lazy, but a class must still be
    // declared before a static initializer could reach it.
    for (const model of [...models.slice(1).reverse(), models[0]]) {
        out.push(`export class ${model.name} extends BaseModel {`, `    override ['constructor']!: typeof ${model.name};`, '');
        if (model.name === 'ResourceModel') {
            out.push('    @Exclude()', `    public static override readonly TYPE_NAME: string = '${schema.typeName}';`, '');
        }
        out.push(model.fields.map((field) => renderField(field.jsonName, field.type)).join('\n'));
        if (model.name === 'ResourceModel') out.push('', ...renderIdentifierMethods(schema));
        out.push('}', '');
    }
    const configuration = schema.typeConfiguration;
    const configFields = configuration ? collectModels(configuration)[0].fields : [];
    out.push('export class TypeConfigurationModel extends BaseModel {', "    override ['constructor']!: typeof TypeConfigurationModel;");
    if (configFields.length > 0) {
        out.push('', configFields.map((field) => renderField(field.jsonName, field.type)).join('\n'));
    }
    out.push('}', '');
    return out.join('\n');
}

/**
 * src/generated/properties.ts: the same shapes as plain interfaces under their JSON (PascalCase)
 * names, as CloudFormation sends them and Connect's API names most of them. Inside src/ a user is
 * this shape; the classes above are only the boundary the library and class-transformer need.
 */
export function renderProperties(schema: JsonSchema): string {
    const models = collectModels(schema);
    const interfaceName = (name: string) => (name === 'ResourceModel' ? 'UserProperties' : name);
    const jsonType = (type: FieldType): string =>
        type.kind === 'primitive' ? (type.type === 'object' ? 'Record<string, unknown>' : TS_TYPES[type.type]) : type.kind === 'model' ? interfaceName(type.name) : `${jsonType(type.item)}[]`;
    const out: string[] = [`// This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`.`, ''];
    for (const model of models) {
        const description = deref(schema, model.name === 'ResourceModel' ? schema : schema.definitions?.[model.name] ?? {}).description;
        if (model.name === 'ResourceModel') out.push(`/** ${schema.typeName}'s properties, once validated: the one shape of a user inside src/. */`);
        else if (description) out.push(`/** ${String(description).replace(/\*\//g, '* /')} */`);
        out.push(`export interface ${interfaceName(model.name)} {`, ...model.fields.map((field) => `    ${field.jsonName}?: ${jsonType(field.type)};`), '}', '');
    }
    return out.join('\n');
}
