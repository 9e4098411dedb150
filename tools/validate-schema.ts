// `npm run validate`: what `cfn validate` checks, without Python. The meta-schema is the
// CloudFormation CLI's own (kept in tools/meta-schema); the extra rules are the ones the CLI
// adds on top of it, each reported with the JSON pointer that fails.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonSchema, loadResourceSchema, resolveJsonPointer, resolvePropertyPointer, SCHEMA_PATH } from './resource-schema';

const META_DIR = join(__dirname, 'meta-schema');
const HANDLERS = ['create', 'read', 'update', 'delete', 'list'] as const;
const POINTER_LISTS = [
    'primaryIdentifier',
    'readOnlyProperties',
    'writeOnlyProperties',
    'createOnlyProperties',
    'deprecatedProperties',
    'conditionalCreateOnlyProperties',
    'nonPublicProperties',
] as const;

let metaValidator: ReturnType<Ajv['compile']> | undefined;

function compileMetaSchema() {
    if (metaValidator) return metaValidator;
    const read = (name: string) => JSON.parse(readFileSync(join(META_DIR, name), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('json-pointer', /^(?:\/(?:[^~/]|~0|~1)*)*$/);
    ajv.addFormat('regex', (pattern: string) => {
        try {
            new RegExp(pattern, 'u');
            return true;
        } catch {
            return false;
        }
    });
    // The draft-07 meta-schema names these formats; any parsable URL or reference passes.
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://example.invalid/'));
    ajv.addSchema(read('base.definition.schema.v1.json'));
    ajv.addSchema(read('provider.configuration.definition.schema.v1.json'));
    metaValidator = ajv.compile(read('provider.definition.schema.v1.json'));
    return metaValidator;
}

/** Every problem found in a resource schema, as `pointer: message` lines; empty when valid. */
export function validateResourceSchema(schema: JsonSchema): string[] {
    const problems: string[] = [];
    const validate = compileMetaSchema();
    if (!validate(schema)) {
        for (const error of validate.errors ?? []) {
            const detail = error.params && 'additionalProperty' in error.params ? ` '${error.params.additionalProperty}'` : '';
            problems.push(`${error.instancePath || '/'}: ${error.message}${detail} (meta-schema ${error.schemaPath})`);
        }
    }
    problems.push(...checkLocalRefs(schema, schema, ''));
    for (const list of POINTER_LISTS) {
        const pointers: unknown = schema[list];
        if (!Array.isArray(pointers)) continue;
        pointers.forEach((pointer, index) => {
            if (typeof pointer === 'string' && !resolvePropertyPointer(schema, pointer)) {
                problems.push(`/${list}/${index}: "${pointer}" does not resolve to a property of the schema`);
            }
        });
    }
    for (const [index, pointer] of (schema.primaryIdentifier ?? []).entries()) {
        const name = String(pointer).split('/')[2];
        const isReadOnly = (schema.readOnlyProperties ?? []).includes(pointer);
        const isRequired = (schema.required ?? []).includes(name);
        if (!isReadOnly && !isRequired) {
            problems.push(`/primaryIdentifier/${index}: "${pointer}" must be required or read-only, or a created resource could lack it`);
        }
    }
    for (const pointer of schema.readOnlyProperties ?? []) {
        if ((schema.writeOnlyProperties ?? []).includes(pointer)) {
            problems.push(`/readOnlyProperties: "${pointer}" is also write-only; a property cannot be both`);
        }
        if ((schema.createOnlyProperties ?? []).includes(pointer)) {
            problems.push(`/readOnlyProperties: "${pointer}" is also create-only; a property cannot be both`);
        }
    }
    (schema.required ?? []).forEach((name: string, index: number) => {
        if (!schema.properties?.[name]) problems.push(`/required/${index}: "${name}" is not in /properties`);
    });
    problems.push(...checkHandlers(schema));
    problems.push(...checkTagging(schema));
    return problems;
}

function checkHandlers(schema: JsonSchema): string[] {
    const problems: string[] = [];
    const handlers = schema.handlers ?? {};
    for (const name of HANDLERS) {
        const handler = handlers[name];
        if (!handler) {
            problems.push(`/handlers/${name}: missing; this provider implements all five handlers`);
        } else if (!Array.isArray(handler.permissions) || handler.permissions.length === 0) {
            problems.push(`/handlers/${name}/permissions: must list the IAM actions the handler calls`);
        }
    }
    const listSchema = handlers.list?.handlerSchema;
    for (const [name, property] of Object.entries<JsonSchema>(listSchema?.properties ?? {})) {
        const ref = property.$ref;
        if (typeof ref === 'string' && ref.startsWith('resource-schema.json#')) {
            if (resolveJsonPointer(schema, ref.slice('resource-schema.json#'.length)) === undefined) {
                problems.push(`/handlers/list/handlerSchema/properties/${name}/$ref: "${ref}" does not resolve in the resource schema`);
            }
        }
    }
    return problems;
}

function checkTagging(schema: JsonSchema): string[] {
    const tagging = schema.tagging;
    if (!tagging || tagging.taggable === false) return [];
    const problems: string[] = [];
    const tagProperty = tagging.tagProperty ?? '/properties/Tags';
    if (!resolvePropertyPointer(schema, tagProperty)) {
        problems.push(`/tagging/tagProperty: "${tagProperty}" does not resolve to a property of the schema`);
    }
    const updatePermissions: string[] = schema.handlers?.update?.permissions ?? [];
    for (const permission of tagging.permissions ?? []) {
        if (tagging.tagUpdatable !== false && !updatePermissions.includes(permission)) {
            problems.push(`/tagging/permissions: "${permission}" is missing from /handlers/update/permissions`);
        }
    }
    return problems;
}

/** Every local `$ref` must point at something that exists. */
function checkLocalRefs(root: JsonSchema, node: unknown, path: string): string[] {
    if (node === null || typeof node !== 'object') return [];
    const problems: string[] = [];
    for (const [key, value] of Object.entries(node)) {
        const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
            if (resolveJsonPointer(root, value.slice(1)) === undefined) {
                problems.push(`${here}: "${value}" does not resolve`);
            }
        } else {
            problems.push(...checkLocalRefs(root, value, here));
        }
    }
    return problems;
}

if (require.main === module) {
    const path = process.argv[2] ?? SCHEMA_PATH;
    let problems: string[];
    try {
        problems = validateResourceSchema(loadResourceSchema(path));
    } catch (error) {
        problems = [`${path}: ${(error as Error).message}`];
    }
    if (problems.length > 0) {
        console.error(`${path} is not a valid resource schema:`);
        for (const problem of problems) console.error(`  ${problem}`);
        process.exit(1);
    }
    console.log(`${path}: valid resource schema (meta-schema and cfn validate rules)`);
}
