// The emulator held to Amazon Connect's service model (test/fixtures/connect-model.json, the
// shapes of the operations the handlers call, from botocore; tools/extract-connect-model.ts).
// Every request an emulator of this process answers is checked against the operation's input
// shape (path labels, query, body: unknown or missing members, types, lengths, patterns, enums,
// ranges, list and map sizes), and every answer against its output shape or, for an error, the
// operation's declared errors and their HTTP status. The rule: the emulator never accepts a request
// the model refuses (it may refuse more: Connect documents rules the model does not carry), and
// never answers what the model does not allow. Importing this module installs the check;
// checkConformanceAtEnd() fails the test file that met any violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { Exchange, exchangeObservers } from '../../local/connect-emulator/server';

type Json = Record<string, any>;
const MODEL: Json = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'connect-model.json'), 'utf8'));

/**
 * Patterns the model itself gets wrong: Password is written as a JavaScript regex literal (slashes
 * included) and PhoneNumber escapes its backslashes twice, so neither matches any value Connect
 * takes (connect-api.md). Their other constraints are still checked.
 */
export const KNOWN_BAD_PATTERNS = new Set(['Password', 'PhoneNumber']);
/** Errors any operation may answer though none declares them: the front door's and IAM's, and throttling. */
const COMMON_ERRORS = new Set(['AccessDeniedException', 'MissingAuthenticationTokenException', 'IncompleteSignatureException', 'UnknownOperationException', 'SerializationException', 'ThrottlingException']);

const codePoints = (text: string) => [...text].length;
const compiled = new Map<string, RegExp>();
const regex = (pattern: string) => compiled.get(pattern) ?? compiled.set(pattern, new RegExp(pattern, 'u')).get(pattern)!;

/** What is wrong with `value` as shape `name`, each at its path. */
export function shapeProblems(name: string, value: unknown, at: string, problems: string[] = []): string[] {
    const shape = MODEL.shapes[name];
    if (!shape) return [...problems, `${at}: shape ${name} is not in the model fixture`];
    const bad = (what: string) => problems.push(`${at}: ${what} (${name})`);
    switch (shape.type) {
        case 'structure': {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('not an object'), problems;
            for (const [key, member] of Object.entries(value as Json)) {
                const spec = shape.members?.[key];
                if (!spec) bad(`unknown member ${key}`);
                else shapeProblems(spec.shape, member, `${at}.${key}`, problems);
            }
            for (const required of shape.required ?? []) if (!(required in (value as Json))) bad(`missing required member ${required}`);
            break;
        }
        case 'list': {
            if (!Array.isArray(value)) return bad('not a list'), problems;
            if (shape.min !== undefined && value.length < shape.min) bad(`${value.length} items, fewer than ${shape.min}`);
            if (shape.max !== undefined && value.length > shape.max) bad(`${value.length} items, more than ${shape.max}`);
            value.forEach((item, i) => shapeProblems(shape.member.shape, item, `${at}[${i}]`, problems));
            break;
        }
        case 'map': {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('not a map'), problems;
            const entries = Object.entries(value);
            if (shape.min !== undefined && entries.length < shape.min) bad(`${entries.length} entries, fewer than ${shape.min}`);
            if (shape.max !== undefined && entries.length > shape.max) bad(`${entries.length} entries, more than ${shape.max}`);
            for (const [key, item] of entries) {
                shapeProblems(shape.key.shape, key, `${at}{key ${JSON.stringify(key)}}`, problems);
                shapeProblems(shape.value.shape, item, `${at}.${key}`, problems);
            }
            break;
        }
        case 'string': {
            if (typeof value !== 'string') return bad('not a string'), problems;
            if (shape.min !== undefined && codePoints(value) < shape.min) bad(`shorter than ${shape.min}`);
            if (shape.max !== undefined && codePoints(value) > shape.max) bad(`longer than ${shape.max}`);
            if (shape.enum && !shape.enum.includes(value)) bad(`not one of ${shape.enum.join(', ')}`);
            if (shape.pattern && !KNOWN_BAD_PATTERNS.has(name) && !regex(shape.pattern).test(value)) bad(`does not match ${shape.pattern}`);
            break;
        }
        case 'integer':
        case 'long':
            if (!Number.isInteger(value)) return bad('not a whole number'), problems;
            if (shape.min !== undefined && (value as number) < shape.min) bad(`less than ${shape.min}`);
            if (shape.max !== undefined && (value as number) > shape.max) bad(`more than ${shape.max}`);
            break;
        case 'float':
        case 'double':
            if (typeof value !== 'number' || !Number.isFinite(value)) return bad('not a number'), problems;
            if (shape.min !== undefined && value < shape.min) bad(`less than ${shape.min}`);
            if (shape.max !== undefined && value > shape.max) bad(`more than ${shape.max}`);
            break;
        case 'boolean':
            if (typeof value !== 'boolean') bad('not a boolean');
            break;
        case 'timestamp':
            // rest-json answers timestamps as epoch seconds.
            if (typeof value !== 'number') bad('not epoch seconds');
            break;
        default:
            break;
    }
    return problems;
}

/** The request as the model reads it: path labels, query members and body members, each where the model puts it. */
export function requestProblems(exchange: Pick<Exchange, 'operation' | 'labels' | 'query' | 'body'>): string[] {
    const operation = MODEL.operations[exchange.operation];
    if (!operation) return [`${exchange.operation} is not an operation the model fixture holds`];
    const input = MODEL.shapes[operation.input.shape];
    const problems: string[] = [];
    const members = Object.entries<Json>(input.members ?? {});
    const labels = [...String(operation.http.requestUri).matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]);
    const present = new Set<string>();
    labels.forEach((label, i) => {
        const [name, spec] = members.find(([, m]) => m.location === 'uri' && m.locationName === label) ?? [];
        if (!name) return;
        present.add(name);
        shapeProblems(spec!.shape, exchange.labels[i], `path {${label}}`, problems);
    });
    const inQuery = new Map(members.filter(([, m]) => m.location === 'querystring').map(([name, m]) => [m.locationName as string, [name, m] as const]));
    for (const key of new Set(exchange.query.keys())) {
        const found = inQuery.get(key);
        if (!found) {
            problems.push(`query: unknown member ${key}`);
            continue;
        }
        const [name, spec] = found;
        present.add(name);
        const type = MODEL.shapes[spec.shape].type;
        const values = exchange.query.getAll(key);
        const value = type === 'list' ? values : type === 'integer' || type === 'long' ? Number(values[0]) : values[0];
        shapeProblems(spec.shape, value, `query ${key}`, problems);
    }
    const body = (exchange.body ?? {}) as Json;
    const inBody = new Map(members.filter(([, m]) => !m.location));
    if (typeof body !== 'object' || Array.isArray(body)) problems.push('body: not an object');
    else {
        for (const [key, value] of Object.entries(body)) {
            const spec = inBody.get(key);
            if (!spec) problems.push(`body: unknown member ${key}`);
            else {
                present.add(key);
                shapeProblems(spec.shape, value, `body.${key}`, problems);
            }
        }
    }
    for (const required of input.required ?? []) if (!present.has(required)) problems.push(`missing required member ${required}`);
    return problems;
}

/** The answer as the model allows it: the output shape for a success, a declared error with its status otherwise. */
export function answerProblems(exchange: Pick<Exchange, 'operation' | 'status' | 'answer' | 'errorType'>): string[] {
    const operation = MODEL.operations[exchange.operation];
    if (!operation) return [];
    if (exchange.status < 300) {
        if (!operation.output) return Object.keys(exchange.answer).length > 0 ? ['answer: a body where the model has none'] : [];
        const output = MODEL.shapes[operation.output.shape];
        const bodyMembers = Object.fromEntries(Object.entries<Json>(output.members ?? {}).filter(([, m]) => !m.location));
        return shapeProblems(operation.output.shape, exchange.answer, 'answer', []).filter((p) => !p.includes('missing required member') || Object.keys(bodyMembers).length > 0);
    }
    const type = exchange.errorType ?? String(exchange.answer.__type ?? '');
    const declared = (operation.errors ?? []).some((e: Json) => e.shape === type);
    if (!declared && !COMMON_ERRORS.has(type)) return [`answer: ${type} (HTTP ${exchange.status}) is not an error ${exchange.operation} declares`];
    const shape = MODEL.shapes[type];
    const problems: string[] = [];
    if (shape?.error?.httpStatusCode !== undefined && shape.error.httpStatusCode !== exchange.status) problems.push(`answer: ${type} with HTTP ${exchange.status}, the model says ${shape.error.httpStatusCode}`);
    const allowed = new Set(['__type', ...Object.keys(shape?.members ?? { Message: {} })]);
    for (const key of Object.keys(exchange.answer)) if (!allowed.has(key)) problems.push(`answer: ${type} has a member ${key} its shape does not`);
    return problems;
}

/** The problems of one exchange: refusals of model-invalid requests are fine, acceptances are not. */
export function exchangeProblems(exchange: Exchange): string[] {
    if (!MODEL.operations[exchange.operation]) return [];
    const request = requestProblems(exchange);
    const accepted = exchange.status < 300;
    return [...(accepted ? request.map((p) => `accepted a request the model refuses: ${p}`) : []), ...answerProblems(exchange)].map((p) => `${exchange.operation}: ${p}`);
}

export const conformance = { requests: 0, answers: 0, violations: [] as string[] };
exchangeObservers.add((exchange) => {
    // The emulator also serves look-ups the handlers never make (DescribeInstance...): not the fixture's.
    if (!MODEL.operations[exchange.operation]) return;
    conformance.requests++;
    conformance.answers++;
    for (const problem of exchangeProblems(exchange)) if (conformance.violations.length < 50) conformance.violations.push(problem);
});

let guarded = false;
/**
 * Fails the test file if any exchange broke the model. Call it after registering the hook that
 * closes the emulator: node:test skips the hooks after one that fails, and an open emulator would
 * keep the process alive.
 */
export function checkConformanceAtEnd(): void {
    // Scripts (npm run soak, npm run contract) import this too: a hook there would start a test run.
    if (guarded || !process.env.NODE_TEST_CONTEXT) return;
    guarded = true;
    after(() => {
        if (conformance.requests > 0) console.log(`conformance with the Connect model: ${conformance.requests} requests and ${conformance.answers} answers checked, ${conformance.violations.length} violations`);
        assert.deepEqual(conformance.violations, [], 'the emulator answered what Amazon Connect\'s model does not allow');
    });
}
