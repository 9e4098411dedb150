// Reading the resource schema: the one place that knows how to load it and follow its pointers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type JsonSchema = { [keyword: string]: any };

export const REPO_ROOT = join(__dirname, '..');

/** The type name, from .rpdk-config, where the cfn tools read it (npm run rename changes it). */
export function projectTypeName(root = REPO_ROOT): string {
    return JSON.parse(readFileSync(join(root, '.rpdk-config'), 'utf8')).typeName;
}

/** The schema file the cfn tools look for: the type name in lower case, "::" as "-" (as cfn init names it). */
export const schemaFileName = (typeName: string) => `${typeName.toLowerCase().replace(/::/g, '-')}.json`;

const RESERVED_NAMESPACES = ['aws', 'alexa', 'custom'];

/** Why a type name cannot be registered as a private type, or undefined when it can. */
export function typeNameProblem(typeName: string): string | undefined {
    if (!/^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/.test(typeName)) {
        return `"${typeName}" is not a type name: three segments of 2 to 64 letters or digits, as in Org::Connect::User`;
    }
    const namespace = typeName.split('::')[0];
    if (RESERVED_NAMESPACES.includes(namespace.toLowerCase())) return `"${typeName}" is in the reserved ${namespace}:: namespace; use your organization's name, as in Org::Connect::User`;
    return undefined;
}

export const SCHEMA_FILE = schemaFileName(projectTypeName());
export const SCHEMA_PATH = join(REPO_ROOT, SCHEMA_FILE);

export function loadResourceSchema(path = SCHEMA_PATH): JsonSchema {
    return JSON.parse(readFileSync(path, 'utf8'));
}

/** Follows local `$ref`s ("#/definitions/X") until it reaches a schema without one. */
export function deref(root: JsonSchema, node: JsonSchema): JsonSchema {
    const seen = new Set<string>();
    while (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
        if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
        seen.add(node.$ref);
        const target = resolveJsonPointer(root, node.$ref.slice(1));
        if (target === undefined) return undefined as unknown as JsonSchema;
        node = target;
    }
    return node;
}

/** Plain RFC 6901 lookup: undefined when any segment is missing. */
export function resolveJsonPointer(root: unknown, pointer: string): any {
    if (pointer === '') return root;
    let node: any = root;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) {
            return undefined;
        }
        node = node[segment];
    }
    return node;
}

/**
 * Resolves a property pointer such as `/properties/IdentityInfo/Email` the way CloudFormation
 * reads it: each name after `/properties` descends into the (dereferenced) property's own
 * `properties`, and `*` steps into array items.
 */
export function resolvePropertyPointer(root: JsonSchema, pointer: string): JsonSchema | undefined {
    const segments = pointer.split('/');
    if (segments[0] !== '' || segments[1] !== 'properties' || segments.length < 3) return undefined;
    let node: JsonSchema | undefined = deref(root, root.properties?.[segments[2]]);
    for (const segment of segments.slice(3)) {
        if (!node) return undefined;
        node = segment === '*' ? deref(root, node.items) : deref(root, node.properties?.[segment]);
    }
    return node;
}
