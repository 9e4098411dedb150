// RFC 6902 JSON Patch, as much of it as Cloud Control's UpdateResource takes (add, remove,
// replace), and the patch a caller would write to turn one model into another.
import type { Properties } from '../../local/lambda-runtime/cloudformation';

export type PatchOperation = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** Applies the operations in order to a copy of `document`; a missing target throws, as RFC 6902 says. */
export function applyPatch(document: Properties, patch: PatchOperation[]): Properties {
    const result = structuredClone(document);
    for (const operation of patch) {
        const tokens = operation.path.split('/').slice(1).map(unescape);
        const last = tokens.pop();
        if (last === undefined) throw new Error(`JSON Patch: ${operation.op} needs a path below the root`);
        let parent: any = result;
        for (const token of tokens) {
            parent = parent?.[Array.isArray(parent) ? Number(token) : token];
            if (parent === undefined || parent === null || typeof parent !== 'object') throw new Error(`JSON Patch: ${operation.path} has no parent`);
        }
        const exists = Array.isArray(parent) ? Number(last) < parent.length : Object.hasOwn(parent, last);
        if (operation.op !== 'add' && !exists) throw new Error(`JSON Patch: ${operation.op} of ${operation.path}, which does not exist`);
        if (Array.isArray(parent)) {
            const index = last === '-' ? parent.length : Number(last);
            if (operation.op === 'remove') parent.splice(index, 1);
            else if (operation.op === 'add') parent.splice(index, 0, structuredClone(operation.value));
            else parent[index] = structuredClone(operation.value);
        } else if (operation.op === 'remove') {
            delete parent[last];
        } else {
            parent[last] = structuredClone(operation.value);
        }
    }
    return result;
}

/**
 * The top-level operations that turn `from` into `to`, as Terraform awscc writes them from a
 * prior and a planned state: adds, replaces, and removes of what the plan leaves out, never
 * touching read-only properties.
 */
export function diffPatch(from: Properties, to: Properties, options: { readOnly: string[] }): PatchOperation[] {
    const patch: PatchOperation[] = [];
    for (const [name, value] of Object.entries(to)) {
        if (options.readOnly.includes(name)) continue;
        if (!(name in from)) patch.push({ op: 'add', path: `/${escape(name)}`, value });
        else if (JSON.stringify(from[name]) !== JSON.stringify(value)) patch.push({ op: 'replace', path: `/${escape(name)}`, value });
    }
    for (const name of Object.keys(from)) {
        if (!(name in to) && !options.readOnly.includes(name)) patch.push({ op: 'remove', path: `/${escape(name)}` });
    }
    return patch;
}
