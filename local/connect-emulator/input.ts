// Reading request members the way the service does: a member of the wrong JSON type is a
// SerializationException (the front door cannot deserialize it); a well-typed member that breaks
// a model constraint is an InvalidParameterException naming the member. Values of sensitive
// members (Password, names, e-mail, phone numbers) are never echoed, as AWS does not echo them.

export class ServiceError extends Error {
    constructor(
        readonly type: string,
        readonly status: number,
        message: string,
    ) {
        super(message);
    }
}

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', 400, message);
export const invalidRequest = (message: string) => new ServiceError('InvalidRequestException', 400, message);
export const notFound = (message: string) => new ServiceError('ResourceNotFoundException', 404, message);
export const serialization = (message: string) => new ServiceError('SerializationException', 400, message);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

interface StringRule {
    required?: boolean;
    min?: number;
    max?: number;
    pattern?: RegExp;
    values?: readonly string[];
    sensitive?: boolean;
}

const violation = (path: string, value: unknown, constraint: string, sensitive = false) =>
    invalidParameter(
        `1 validation error detected: Value ${sensitive ? '' : `'${String(value)}' `}at '${path}' failed to satisfy constraint: ${constraint}`,
    );

/** Typed access to one JSON object of a request body; `path` is the member path used in messages. */
export class Members {
    constructor(
        private readonly body: JsonObject,
        private readonly path = '',
    ) {}

    static of(value: unknown, path = ''): Members {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw serialization(`Expected a JSON object${path ? ` at '${path}'` : ''}`);
        }
        return new Members(value as JsonObject, path);
    }

    has(name: string): boolean {
        return this.body[name] !== undefined && this.body[name] !== null;
    }

    private where(name: string): string {
        return this.path ? `${this.path}.${name}` : name;
    }

    private raw(name: string, required: boolean | undefined): Json | undefined {
        const value = this.body[name];
        if (value === undefined || value === null) {
            if (required) throw invalidParameter(`1 validation error detected: Value null at '${this.where(name)}' failed to satisfy constraint: Member must not be null`);
            return undefined;
        }
        return value;
    }

    string(name: string, rule: StringRule = {}): string | undefined {
        const value = this.raw(name, rule.required);
        if (value === undefined) return undefined;
        if (typeof value !== 'string') throw serialization(`Expected a string at '${this.where(name)}'`);
        checkString(this.where(name), value, rule);
        return value;
    }

    boolean(name: string, required = false): boolean | undefined {
        const value = this.raw(name, required);
        if (value === undefined) return undefined;
        if (typeof value !== 'boolean') throw serialization(`Expected a boolean at '${this.where(name)}'`);
        return value;
    }

    number(name: string, rule: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): number | undefined {
        const value = this.raw(name, rule.required);
        if (value === undefined) return undefined;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw serialization(`Expected a number at '${this.where(name)}'`);
        if (rule.integer && !Number.isInteger(value)) throw serialization(`Expected an integer at '${this.where(name)}'`);
        if (rule.min !== undefined && value < rule.min) throw violation(this.where(name), value, `Member must have value greater than or equal to ${rule.min}`);
        if (rule.max !== undefined && value > rule.max) throw violation(this.where(name), value, `Member must have value less than or equal to ${rule.max}`);
        return value;
    }

    object(name: string, required = false): Members | undefined {
        const value = this.raw(name, required);
        return value === undefined ? undefined : Members.of(value, this.where(name));
    }

    list(name: string, rule: { required?: boolean; min?: number; max?: number } = {}): Json[] | undefined {
        const value = this.raw(name, rule.required);
        if (value === undefined) return undefined;
        if (!Array.isArray(value)) throw serialization(`Expected a list at '${this.where(name)}'`);
        checkSize(this.where(name), value.length, rule);
        return value;
    }

    stringList(name: string, rule: { required?: boolean; min?: number; max?: number; item?: StringRule } = {}): string[] | undefined {
        const value = this.list(name, rule);
        return value?.map((item, index) => {
            if (typeof item !== 'string') throw serialization(`Expected a string at '${this.where(name)}.${index + 1}'`);
            checkString(`${this.where(name)}.${index + 1}.member`, item, rule.item ?? {});
            return item;
        });
    }

    objectList(name: string, rule: { required?: boolean; min?: number; max?: number } = {}): Members[] | undefined {
        return this.list(name, rule)?.map((item, index) => Members.of(item, `${this.where(name)}.${index + 1}.member`));
    }

    stringMap(name: string, rule: { required?: boolean; min?: number; max?: number; key?: StringRule; value?: StringRule } = {}): Record<string, string> | undefined {
        const value = this.raw(name, rule.required);
        if (value === undefined) return undefined;
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(`Expected a map at '${this.where(name)}'`);
        const entries = Object.entries(value);
        checkSize(this.where(name), entries.length, rule);
        const result: Record<string, string> = Object.create(null);
        for (const [key, item] of entries) {
            if (typeof item !== 'string') throw serialization(`Expected a string value for key '${key}' at '${this.where(name)}'`);
            checkString(`${this.where(name)}.key`, key, rule.key ?? {});
            checkString(`${this.where(name)}.${key}`, item, rule.value ?? {});
            result[key] = item;
        }
        return result;
    }
}

function checkSize(path: string, size: number, rule: { min?: number; max?: number }) {
    if (rule.min !== undefined && size < rule.min) throw violation(path, `${size} items`, `Member must have length greater than or equal to ${rule.min}`, true);
    if (rule.max !== undefined && size > rule.max) throw violation(path, `${size} items`, `Member must have length less than or equal to ${rule.max}`, true);
}

export function checkString(path: string, value: string, rule: StringRule) {
    const length = [...value].length;
    if (rule.min !== undefined && length < rule.min) throw violation(path, value, `Member must have length greater than or equal to ${rule.min}`, rule.sensitive);
    if (rule.max !== undefined && length > rule.max) throw violation(path, value, `Member must have length less than or equal to ${rule.max}`, rule.sensitive);
    if (rule.pattern && !rule.pattern.test(value)) throw violation(path, value, `Member must satisfy regular expression pattern: ${rule.pattern.source}`, rule.sensitive);
    if (rule.values && !rule.values.includes(value)) throw violation(path, value, `Member must satisfy enum value set: [${rule.values.join(', ')}]`, rule.sensitive);
}
