// CloudFormation's YAML: the short forms of its intrinsic functions (!Ref, !Sub, !GetAtt, …)
// read as the long forms ({ Ref: … }, { 'Fn::Sub': … }), as CloudFormation reads them.
import { parse, Tags } from 'yaml';

const FUNCTIONS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or'];

const longForm = (name: string, value: unknown) => {
    if (name === 'Ref' || name === 'Condition') return { [name]: value };
    if (name === 'GetAtt' && typeof value === 'string') return { 'Fn::GetAtt': value.split('.', 2) };
    return { [`Fn::${name}`]: value };
};

/** Each short form as a scalar, a sequence and a mapping, as CloudFormation allows. */
const tags: Tags = ['Ref', 'GetAtt', 'Condition', ...FUNCTIONS].flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => longForm(name, value) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => longForm(name, toJs(value)) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => longForm(name, toJs(value)) },
]) as Tags;

function toJs(value: unknown): unknown {
    return value && typeof (value as any).toJSON === 'function' ? (value as any).toJSON() : value;
}

export function parseCloudFormationYaml(text: string): unknown {
    return parse(text, { customTags: tags });
}
