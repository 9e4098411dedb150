// Renders docs/ byte for byte as `cfn generate` writes it (cloudformation-cli's project.py
// generate_docs, its schema flattener and its docs-readme.md / docs-subproperty.md templates), since
// cfn generate deletes docs/ and writes it anew on every run: anything of ours there would be lost,
// so what users read beyond it lives in the schema's descriptions and the README. Its quirks are
// kept on purpose: a property that is a $ref shows its definition's description, and a definition
// met a second time shows only its type.
import { JsonSchema } from './resource-schema';

const UPDATE_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html';
const BASIC: Record<string, string> = { string: 'String', number: 'Double', integer: 'Integer', boolean: 'Boolean' };
const MARKDOWN_RESERVED = new Set(['^', '*', '+', '.', '(', '[', '{', '#']);
const escapeMarkdown = (text: string) => (text && MARKDOWN_RESERVED.has(text[0]) ? `\\${text}` : text);

interface Types {
    jsontype: string;
    yamltype: string;
    longformtype: string;
}
type Doc = JsonSchema & Partial<Types> & { readonly?: boolean; createonly?: boolean; allowedvalues?: unknown[] };

const definitionName = (ref: string) => ref.replace(/^#\/definitions\//, '');

/**
 * The flattener: a reference to an object stays a reference (to its definition), a reference to
 * anything else is replaced by its target, and arrays' items are flattened the same way.
 */
function flatten(schema: JsonSchema, node: JsonSchema): JsonSchema {
    if (node.$ref) {
        const target = schema.definitions[definitionName(node.$ref)];
        return (target.type ?? 'object') === 'object' && target.properties ? { $ref: node.$ref } : flatten(schema, target);
    }
    const copy = { ...node };
    if (copy.type === 'array' && copy.items) copy.items = flatten(schema, copy.items);
    if ((copy.type ?? 'object') === 'object' && copy.properties) {
        copy.properties = Object.fromEntries(Object.entries<JsonSchema>(copy.properties).map(([name, child]) => [name, flatten(schema, child)]));
    }
    return copy;
}

function renderProperty(name: string, prop: Doc, required: boolean, heading: string): string {
    let out = `#### ${heading}\n`;
    if (prop.description) out += `\n${prop.description}\n`;
    out += `\n_Required_: ${required ? 'Yes' : 'No'}\n\n_Type_: ${prop.longformtype}\n`;
    if (prop.allowedvalues?.length) out += `\n_Allowed Values_: ${prop.allowedvalues.map((v) => `<code>${v}</code>`).join(' | ')}\n`;
    if (prop.minLength) out += `\n_Minimum Length_: <code>${prop.minLength}</code>\n`;
    if (prop.maxLength) out += `\n_Maximum Length_: <code>${prop.maxLength}</code>\n`;
    if (prop.pattern) out += `\n_Pattern_: <code>${prop.pattern}</code>\n`;
    if (prop.createonly) out += `\n_Update requires_: [Replacement](${UPDATE_DOCS}#update-replacement)\n`;
    else if (prop.conditionalCreateOnly) out += `\n_Update requires_: [Some interruptions](${UPDATE_DOCS}#update-some-interrupt)\n`;
    else out += `\n_Update requires_: [No interruption](${UPDATE_DOCS}#update-no-interrupt)\n`;
    return `${out}\n`;
}

/** The Syntax section and the property list, as both templates write them. */
function body(properties: [string, Doc][], required: string[] | undefined, top: string | undefined, heading: (name: string) => string): string {
    const link = (name: string) => `<a href="#${name.toLowerCase()}" title="${name}">${name}</a>`;
    const shown = properties.filter(([, prop]) => !prop.readonly);
    // The comma test counts every property, read-only ones included, as the template's loop.last does.
    const last = properties.length - 1;
    const json = properties.map(([name, prop], i) => (prop.readonly ? '' : `${top ? '        ' : '    '}"${link(name)}" : <i>${prop.jsontype}</i>${i === last ? '' : ','}\n`)).join('');
    const yaml = shown.map(([name, prop]) => `${top ? '    ' : ''}${link(name)}: <i>${prop.yamltype}</i>\n`).join('');
    let out = '\n## Syntax\n\nTo declare this entity in your AWS CloudFormation template, use the following syntax:\n\n### JSON\n\n<pre>\n{\n';
    out += top ? `    "Type" : "${top}",\n    "Properties" : {\n${json}    }\n` : json;
    out += '}\n</pre>\n\n### YAML\n\n<pre>\n';
    out += top ? `Type: ${top}\nProperties:\n${yaml}` : yaml;
    out += '</pre>\n';
    if (properties.length > 0) {
        out += '\n## Properties\n\n';
        for (const [name, prop] of shown) out += renderProperty(name, prop, (required ?? []).includes(name), heading(name));
    }
    return out;
}

/** docs/README.md and a page for every object definition a property reaches, keyed by path. */
export function renderDocs(schema: JsonSchema): Map<string, string> {
    const typeName: string = schema.typeName;
    const pages = new Map<string, string>();
    const marked = new Map<string, Types>();
    const listed = (key: string, pointer: string) => (schema[key] ?? []).includes(pointer);
    const link = (file: string, name: string) => `<a href="${file}">${name}</a>`;

    const document = (propname: string, node: JsonSchema, proppath: string[]): Doc => {
        let prop: Doc = node;
        if (node.$ref) {
            propname = definitionName(node.$ref);
            proppath = [propname];
            prop = flatten(schema, { ...schema.definitions[propname], $ref: undefined });
            delete prop.$ref;
        }
        if (marked.has(propname)) return { ...marked.get(propname)! };
        prop = { ...prop };
        const pointer = `/properties/${proppath.join('/')}`;
        if (listed('createOnlyProperties', pointer)) prop.createonly = true;
        if (listed('conditionalCreateOnlyProperties', pointer)) prop.conditionalCreateOnly = true;
        if (listed('readOnlyProperties', pointer)) prop.readonly = true;
        const type = prop.type ?? 'object';
        if (Array.isArray(type)) throw new Error(`${pointer}: a property of several types is not rendered here`);
        let types: Types = { jsontype: 'Unknown', yamltype: 'Unknown', longformtype: 'Unknown' };
        if (BASIC[type]) {
            types = { jsontype: BASIC[type], yamltype: BASIC[type], longformtype: BASIC[type] };
        } else if (type === 'array') {
            const items: JsonSchema = prop.items ?? {};
            const wrap = (t: Types): Types => ({ jsontype: `[ ${t.jsontype}, ... ]`, yamltype: `\n      - ${t.yamltype}`, longformtype: `List of ${t.longformtype}` });
            if (items.$ref) {
                const name = definitionName(items.$ref);
                const hypothetical = link(`${name.toLowerCase()}.md`, name);
                marked.set(propname, wrap({ jsontype: hypothetical, yamltype: hypothetical, longformtype: hypothetical }));
            }
            const item = document(propname, items, proppath);
            prop.arrayitems = item;
            types = wrap(item as Types);
        } else if (type === 'object') {
            const properties: Record<string, JsonSchema> = prop.properties ?? prop.patternProperties ?? {};
            types = { jsontype: 'Map', yamltype: 'Map', longformtype: 'Map' };
            if (Object.keys(properties).length > 0) {
                const file = `${proppath.join('-').toLowerCase()}.md`;
                const target = link(file, propname);
                types = { jsontype: target, yamltype: target, longformtype: target };
                marked.set(propname, { ...types });
                const children = Object.entries(properties).map(([name, child]) => [name, document(name, child, [...proppath, name])] as [string, Doc]);
                prop.properties = Object.fromEntries(children);
                let page = `# ${typeName} ${proppath.join(' ')}\n`;
                if (prop.description) page += `\n${prop.description}\n`;
                pages.set(`docs/${file}`, page + body(children, prop.required, undefined, escapeMarkdown));
            }
        }
        Object.assign(prop, types);
        if (prop.enum) prop.allowedvalues = prop.enum;
        return prop;
    };

    const top = Object.entries<JsonSchema>(schema.properties).map(([name, node]) => [name, document(name, flatten(schema, node), [name])] as [string, Doc]);
    let readme = `# ${typeName}\n`;
    if (schema.description) readme += `\n${schema.description}\n`;
    readme += body(top, schema.required, typeName, (name) => name);

    const primary: string[] = schema.primaryIdentifier ?? [];
    const ref = primary.length === 1 && primary[0].split('/').length === 3 ? primary[0].split('/')[2] : undefined;
    const getatt = (schema.readOnlyProperties ?? []).map((pointer: string) => {
        const name = pointer.split('/').pop()!;
        const description = pointer.split('/').slice(1).reduce<any>((node, key) => node?.[key], { properties: Object.fromEntries(top) })?.description;
        return { name, description: description ?? `Returns the <code>${name}</code> value.` };
    });
    if (getatt.length > 0 || ref) {
        readme += '## Return Values\n';
        if (ref) readme += `\n### Ref\n\nWhen you pass the logical ID of this resource to the intrinsic \`Ref\` function, Ref returns the ${ref}.\n`;
        if (getatt.length > 0) {
            readme += '\n### Fn::GetAtt\n\nThe `Fn::GetAtt` intrinsic function returns a value for a specified attribute of this type. The following are the available attributes and sample return values.\n\n';
            readme += 'For more information about using the `Fn::GetAtt` intrinsic function, see [Fn::GetAtt](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html).\n\n';
            for (const att of getatt) readme += `#### ${att.name}\n${att.description ? `\n${att.description}\n` : ''}\n`;
        }
    }
    return new Map([['docs/README.md', readme], ...[...pages].sort(([a], [b]) => (a < b ? -1 : 1))]);
}
