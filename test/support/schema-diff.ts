// The differences between two resource schemas, as a template author meets them: $refs resolved,
// arrays of names compared as sets, each difference at the JSON pointer of the resolved schema.
type Json = any;

function resolve(schema: Json, node: Json, depth = 0): Json {
    if (depth > 20 || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((item) => resolve(schema, item, depth + 1));
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/definitions/')) {
        const { $ref, ...rest } = node;
        return resolve(schema, { ...schema.definitions[$ref.split('/').pop()], ...rest }, depth + 1);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(schema, value, depth + 1)]));
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isPlain = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
const asSet = (value: unknown[]) => JSON.stringify([...value].map((item) => JSON.stringify(item)).sort());

/** Pointers (in the resolved schemas) where `ours` and `published` differ; `definitions` are compared where they are used. */
export function schemaDifferences(ours: Json, published: Json): string[] {
    const differences: string[] = [];
    const walk = (a: Json, b: Json, pointer: string) => {
        if (isPlain(a) && isPlain(b)) {
            for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${pointer}/${escape(key)}`);
        } else if (Array.isArray(a) && Array.isArray(b) && a.every((item) => !isPlain(item)) && b.every((item) => !isPlain(item))) {
            if (asSet(a) !== asSet(b)) differences.push(pointer);
        } else if (JSON.stringify(a) !== JSON.stringify(b)) {
            differences.push(pointer);
        }
    };
    const strip = ({ definitions: _definitions, ...rest }: Json) => rest;
    walk(strip(resolve(ours, ours)), strip(resolve(published, published)), '');
    return differences;
}

/** Does a documented pointer pattern (`*` for any run of characters) cover this pointer? */
export function covers(pattern: string, pointer: string): boolean {
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return regex.test(pointer);
}
