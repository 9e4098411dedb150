// Renders src/generated/schema-validator.ts: the resource schema compiled by ajv ahead of time into plain
// JavaScript, so validating a model costs no schema compilation at cold start.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { deref, JsonSchema, SCHEMA_FILE } from './resource-schema';

/** Keywords CloudFormation adds to JSON Schema, and documentation: nothing ajv needs to validate. */
const NOT_FOR_VALIDATION = new Set(['description', 'insertionOrder', 'arrayType', 'relationshipRef', 'examples', '$comment']);
const RESOURCE_LEVEL = ['typeName', 'sourceUrl', 'documentationUrl', 'handlers', 'tagging', 'primaryIdentifier', 'additionalIdentifiers',
    'readOnlyProperties', 'writeOnlyProperties', 'createOnlyProperties', 'deprecatedProperties', 'conditionalCreateOnlyProperties',
    'nonPublicProperties', 'propertyTransform', 'replacementStrategy', 'resourceLink', 'typeConfiguration'];

/** The part of the resource schema that describes a model, without CloudFormation's own keywords. */
export function modelSchema(schema: JsonSchema): JsonSchema {
    const strip = (node: unknown, key?: string): unknown => {
        if (Array.isArray(node)) return node.map((item) => strip(item));
        if (node === null || typeof node !== 'object') return node;
        // Under `properties` and `definitions` the keys are names, not keywords: keep them all.
        const names = key === 'properties' || key === 'definitions';
        return Object.fromEntries(
            Object.entries(node)
                .filter(([k]) => names || !NOT_FOR_VALIDATION.has(k))
                .map(([k, v]) => [k, strip(v, names ? undefined : k)]),
        );
    };
    const copy = { ...schema };
    for (const key of RESOURCE_LEVEL) delete copy[key];
    // A resource's properties are always an object; CloudFormation leaves that implicit.
    return { type: 'object', ...(strip(copy) as JsonSchema) };
}

/**
 * Where the schema expects a boolean, an integer or a number, by property path ("/" between
 * names, "*" for array items): CloudFormation may send those values as strings.
 */
export function primitivePaths(schema: JsonSchema): Record<string, string> {
    const paths: Record<string, string> = {};
    const walk = (node: JsonSchema, path: string, depth: number) => {
        const target = deref(schema, node);
        if (!target || depth > 10) return;
        if (['boolean', 'integer', 'number'].includes(target.type)) paths[path] = target.type;
        if (target.type === 'array' && target.items) walk(target.items, `${path}/*`, depth + 1);
        for (const [name, child] of Object.entries<JsonSchema>(target.properties ?? {})) walk(child, `${path}/${name}`, depth + 1);
    };
    walk(schema, '', 0);
    return paths;
}

/** The maxItems of every bounded array, by property path: checked before ajv, whose uniqueItems is quadratic. */
export function arrayLimits(schema: JsonSchema): Record<string, number> {
    const limits: Record<string, number> = {};
    const walk = (node: JsonSchema, path: string, depth: number) => {
        const target = deref(schema, node);
        if (!target || depth > 10) return;
        if (target.type === 'array') {
            if (typeof target.maxItems === 'number') limits[path] = target.maxItems;
            if (target.items) walk(target.items, `${path}/*`, depth + 1);
        }
        for (const [name, child] of Object.entries<JsonSchema>(target.properties ?? {})) walk(child, `${path}/${name}`, depth + 1);
    };
    walk(schema, '', 0);
    return limits;
}

/**
 * Every object of the model by property path: the members it takes, and its shape as a template
 * author would write it ("{ AttributeName, AttributeValue, Level 1–5 }"; "?" after an optional
 * member), for messages that say what was meant.
 */
export function objectShapes(schema: JsonSchema): Record<string, { names: string[]; shape: string }> {
    const shapes: Record<string, { names: string[]; shape: string }> = {};
    const member = (name: string, node: JsonSchema, required: boolean) => {
        const target = deref(schema, node) ?? {};
        const range = typeof target.minimum === 'number' && typeof target.maximum === 'number' ? ` ${target.minimum}–${target.maximum}` : '';
        const values = Array.isArray(target.enum) && target.enum.length <= 4 ? ` ${target.enum.join('|')}` : '';
        return `${name}${required ? '' : '?'}${range}${values}${target.type === 'object' ? ' {…}' : ''}`;
    };
    const walk = (node: JsonSchema, path: string, depth: number) => {
        const target = deref(schema, node);
        if (!target || depth > 10) return;
        if (target.type === 'array' && target.items) walk(target.items, `${path}/*`, depth + 1);
        const properties = Object.entries<JsonSchema>(target.properties ?? {});
        if (properties.length === 0) return;
        const required = new Set<string>(target.required ?? []);
        shapes[path] = { names: properties.map(([name]) => name), shape: `{ ${properties.map(([name, child]) => member(name, child, required.has(name))).join(', ')} }` };
        for (const [name, child] of properties) walk(child, `${path}/${name}`, depth + 1);
    };
    walk(schema, '', 0);
    return shapes;
}

export function renderValidator(schema: JsonSchema): string {
    const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: true, code: { source: true, esm: true, lines: false, optimize: true } });
    const code = standaloneCode(ajv, ajv.compile(modelSchema(schema)));
    return [
        `// This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`.`,
        '// @ts-nocheck',
        code,
        `export const PRIMITIVE_PATHS = ${JSON.stringify(primitivePaths(schema))};`,
        `export const ARRAY_LIMITS = ${JSON.stringify(arrayLimits(schema))};`,
        `export const OBJECT_SHAPES = ${JSON.stringify(objectShapes(schema))};`,
        '',
    ].join('\n');
}
