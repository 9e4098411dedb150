// The CloudFormation resource contract for a type with create, read, update, delete and list
// handlers, as the callers that matter send it. It knows nothing of this provider's code: it
// sends HandlerRequest events to a Lambda-style `invoke` and judges the ProgressEvents.
//
// The case list, names and assertions follow the official suite behind `cfn test`
// (cloudformation-cli, src/rpdk/core/contract/suite/resource/handler_*.py and
// resource_client.py). What differs between callers is what they send, so every case runs
// under a caller profile:
// - cfn-test: UPDATE's previous state is the handler's own CREATE output (no write-only
//   properties), its desired state the CREATE output's read-only properties, then the update
//   input, then the primary identifier; READ, LIST and DELETE get the whole model.
// - cloud-control: previous is the READ output, desired is that output with a JSON Patch
//   applied (Password only when the patch adds it); READ and DELETE get the identifier only,
//   LIST the InstanceArn scope (Cloud Control's ResourceModel).
// - stack: previous is the previous template's properties (Password included).
// All of them re-invoke IN_PROGRESS with the returned model as the properties (protocol 2.0).
import fc from 'fast-check';
import { followProgress, handlerRequest, ProgressEventJson, Properties } from '../../local/lambda-runtime/cloudformation';
import { applyPatch, Operation } from 'fast-json-patch';

const escapeToken = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The top-level RFC 6902 operations that turn `from` into `to`, as Terraform awscc writes them
 * from a prior and a planned state: adds, replaces, and removes of what the plan leaves out,
 * never touching read-only properties.
 */
export function diffPatch(from: Properties, to: Properties, options: { readOnly: string[] }): Operation[] {
    const patch: Operation[] = [];
    for (const [name, value] of Object.entries(to)) {
        if (options.readOnly.includes(name)) continue;
        if (!Object.hasOwn(from, name)) patch.push({ op: 'add', path: `/${escapeToken(name)}`, value });
        else if (JSON.stringify(from[name]) !== JSON.stringify(value)) patch.push({ op: 'replace', path: `/${escapeToken(name)}`, value });
    }
    for (const name of Object.keys(from)) {
        if (!Object.hasOwn(to, name) && !options.readOnly.includes(name)) patch.push({ op: 'remove', path: `/${escapeToken(name)}` });
    }
    return patch;
}

/**
 * A username made unique for this run, within what Amazon Connect takes on an instance that does
 * not use SAML: 20 characters (CreateUser's reference), the tightest of its rules.
 */
const MAX_USERNAME = 20;
const uniqueName = (base: unknown, suffix: string) => {
    // A cut email form would keep an @ that is no longer an address, which Connect refuses.
    const stem = String(base).replace(/@.*$/, '') || 'user';
    return `${stem.slice(0, Math.max(1, MAX_USERNAME - suffix.length))}${suffix}`.slice(-MAX_USERNAME);
};

export const CALLER_PROFILES = ['cfn-test', 'cloud-control', 'stack'] as const;
/** The official suite's 14 resource cases and our 3 beyond them; generated runs come on top. */
export const CASES_PER_PROFILE = 17;
export type CallerProfile = (typeof CALLER_PROFILES)[number];

export interface ContractTarget {
    /** One Lambda invocation: a HandlerRequest in, the handler's ProgressEvent out. */
    invoke(event: unknown): Promise<ProgressEventJson>;
}

export interface ContractSchema {
    typeName: string;
    primaryIdentifier: string[];
    readOnlyProperties?: string[];
    writeOnlyProperties?: string[];
    createOnlyProperties?: string[];
    properties: Record<string, { insertionOrder?: boolean; type?: string }>;
    definitions?: Record<string, any>;
    tagging?: { taggable?: boolean; tagUpdatable?: boolean; tagProperty?: string };
}

export interface ContractOptions {
    schema: ContractSchema;
    inputs: { create: Properties; update: Properties; invalid: Properties };
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    region?: string;
    /** The callers to run every case as; all three by default. */
    profiles?: readonly CallerProfile[];
    /** Models for the generated cases; each run creates, updates (to a second model) and deletes. */
    generated?: fc.Arbitrary<Properties>;
    runs?: number;
    seed?: number;
    /** How to wait out a callback delay (the real wait by default). */
    wait?: (seconds: number) => Promise<void>;
    /** The longest one READ or LIST invocation may take; other actions get twice as long (cfn test's rule). */
    invocationTimeoutMs?: number;
    log?: (line: string) => void;
}

export interface CaseResult {
    name: string;
    ok: boolean;
    skipped?: string;
    error?: string;
    ms: number;
}

class ContractViolation extends Error {}
class Skip extends Error {}
function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new ContractViolation(message);
}

const HANDLER_ERROR_CODES = new Set([
    'NotUpdatable', 'InvalidRequest', 'AccessDenied', 'UnauthorizedTaggingOperation', 'InvalidCredentials', 'AlreadyExists', 'NotFound',
    'ResourceConflict', 'Throttling', 'ServiceLimitExceeded', 'NotStabilized', 'GeneralServiceException', 'ServiceInternalError',
    'ServiceTimeout', 'NetworkFailure', 'InternalFailure', 'InvalidTypeConfiguration', 'HandlerInternalFailure', 'NonCompliant', 'Unknown', 'UnsupportedTarget',
]);

const propertyName = (pointer: string) => pointer.split('/')[2];

export async function runContract(target: ContractTarget, options: ContractOptions): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const profile of options.profiles ?? CALLER_PROFILES) results.push(...(await runProfile(target, options, profile)));
    return results;
}

async function runProfile(target: ContractTarget, options: ContractOptions, profile: CallerProfile): Promise<CaseResult[]> {
    const { schema } = options;
    const identifiers = schema.primaryIdentifier.map(propertyName);
    const writeOnly = (schema.writeOnlyProperties ?? []).map(propertyName);
    const readOnly = (schema.readOnlyProperties ?? []).map(propertyName);
    const createOnly = (schema.createOnlyProperties ?? []).map(propertyName);
    const tagProperty = (schema.tagging?.tagProperty ?? '/properties/Tags').split('/').pop()!;
    const runId = `${Date.now().toString(36)}${profile === 'cfn-test' ? 't' : profile === 'cloud-control' ? 'c' : 's'}`;
    let serial = 0;

    // ---- every event, whatever the case: the contract's rules for ProgressEvents ----
    async function invokeOnce(action: string, event: unknown): Promise<ProgressEventJson> {
        const started = performance.now();
        const result = await target.invoke(event);
        const ms = performance.now() - started;
        const limit = (options.invocationTimeoutMs ?? 30_000) * (action === 'READ' || action === 'LIST' ? 1 : 2);
        check(ms <= limit, `Handler '${action}' timed out: ${ms.toFixed(0)} ms, over ${limit} ms`);
        check(result && ['SUCCESS', 'FAILED', 'IN_PROGRESS'].includes(result.status), `${action} answered no valid status: ${JSON.stringify(result)}`);
        check(result.resourceModels === undefined || result.resourceModels === null || (action === 'LIST' && result.status === 'SUCCESS'), `${action} ${result.status} events should not include any resource models`);
        if (result.status === 'FAILED') {
            check(result.errorCode && HANDLER_ERROR_CODES.has(result.errorCode), `${action} FAILED events must have a valid error code set, not ${JSON.stringify(result.errorCode)}`);
            check(result.message, `${action} FAILED: the progress event MUST return an error message when the status is failed`);
            check((result.callbackDelaySeconds ?? 0) === 0, `${action} FAILED events should have no callback delay`);
            check(result.resourceModel === undefined, `${action} FAILED (${result.errorCode}) with a model`);
        }
        if (result.status === 'IN_PROGRESS') {
            check(action !== 'READ' && action !== 'LIST', `${action} answered IN_PROGRESS; read and list must answer at once`);
            check(!result.errorCode, `${action} IN_PROGRESS events should have no error code set`);
            check(result.callbackContext && Object.keys(result.callbackContext).length > 0, `${action} IN_PROGRESS without a callback context`);
            check(identifiers.every((id) => result.resourceModel?.[id]), `${action} IN_PROGRESS: every returned model MUST include the primaryIdentifier`);
            check(Number.isInteger(result.callbackDelaySeconds ?? 0) && (result.callbackDelaySeconds ?? 0) >= 0, `${action} IN_PROGRESS with a callback delay that is not whole seconds`);
        }
        if (result.status === 'SUCCESS') {
            check(!result.errorCode, `${action} SUCCESS events should have no error code set`);
            check((result.callbackDelaySeconds ?? 0) === 0, `${action} SUCCESS events should have no callback delay`);
            if (action === 'LIST') {
                check(Array.isArray(result.resourceModels), 'LIST SUCCESS without resourceModels');
                check(result.resourceModel === undefined, 'LIST SUCCESS with a single resourceModel');
            } else if (action === 'DELETE') {
                check(result.resourceModel === undefined, "The deletion handler's response object MUST NOT contain a model");
            } else {
                check(result.resourceModel, `${action} SUCCESS without a resourceModel`);
                check(identifiers.every((id) => result.resourceModel?.[id]), `${action} SUCCESS: every returned model MUST include the primaryIdentifier`);
            }
        }
        // Stricter than cfn test, which looks at final events only: no event carries a write-only value.
        for (const model of [result.resourceModel, ...(result.resourceModels ?? [])]) {
            for (const property of writeOnly) check(model?.[property] === undefined, `${action} returned the write-only property ${property}`);
        }
        return result;
    }

    const drive = (action: string, properties: Properties | undefined, extra: { previous?: Properties; nextToken?: string } = {}) =>
        followProgress((event) => invokeOnce(action, event), handlerRequest(action, properties, { credentials: options.credentials, region: options.region, typeName: schema.typeName, standalone: profile === 'cloud-control', ...extra }), {
            wait: options.wait,
        }).then(({ event }) => event);

    // ---- model comparisons, as cfn test makes them (test_input_equals_output, compare_model) ----
    const isOrdered = (path: string[]) => {
        let node: any = { properties: schema.properties };
        for (const name of path) {
            node = node?.properties?.[name] ?? node?.items?.properties?.[name];
            while (node?.$ref) node = schema.definitions?.[node.$ref.split('/').pop()];
            if (node?.type === 'array' && node.items?.$ref) node = { ...node, items: schema.definitions?.[node.items.$ref.split('/').pop()] };
        }
        return node?.insertionOrder ?? true;
    };
    const canonical = (value: unknown): string =>
        JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
    function compareModel(input: any, output: any, path: string[], what: string) {
        const where = path.join('.') || 'the model';
        if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
            check(output !== null && typeof output === 'object' && !Array.isArray(output), `${what}: ${where} is ${JSON.stringify(output)}, not an object`);
            for (const [key, value] of Object.entries(input)) {
                const at = [...path, key];
                check(key in output, `${what}: ${at.join('.')} was sent but is missing from the returned model`);
                if (Array.isArray(value)) {
                    check(Array.isArray(output[key]) && output[key].length === value.length, `${what}: ${at.join('.')} has ${output[key]?.length} items, not ${value.length}`);
                    if (isOrdered(at)) value.forEach((item, i) => compareModel(item, output[key][i], at, what));
                    else check(canonical([...value].map(canonical).sort()) === canonical([...output[key]].map(canonical).sort()), `${what}: ${at.join('.')} is ${JSON.stringify(output[key])}, not ${JSON.stringify(value)}`);
                } else {
                    compareModel(value, output[key], at, what);
                }
            }
        } else {
            check(input === output, `${what}: ${where} is ${JSON.stringify(output)}, not ${JSON.stringify(input)}`);
        }
    }
    const without = (model: Properties, names: string[]) => Object.fromEntries(Object.entries(model).filter(([name]) => !names.includes(name)));
    /** All properties of the request are in the returned model, equal, but write-only ones (cfn test's test_input_equals_output). */
    function assertInputEqualsOutput(input: Properties, output: Properties, what: string) {
        const prunedInput = without(input, [...readOnly, ...writeOnly]);
        const prunedOutput = without(output, [...readOnly, ...createOnly.filter((name) => !(name in input))]);
        compareModel(prunedInput, prunedOutput, [], what);
    }
    const identifierOf = (model: Properties) => Object.fromEntries(identifiers.map((id) => [id, model[id]]));
    const sameIdentifier = (a: Properties, b: Properties) => identifiers.every((id) => a[id] !== undefined && a[id] === b[id]);

    // ---- what this caller sends ----
    /** The properties a caller sends to READ or DELETE a resource it knows as `model`. */
    const addressed = (model: Properties) => (profile === 'cloud-control' ? identifierOf(model) : model);
    /** UPDATE's previous and desired states, from what the caller knows. */
    async function updateRequest(known: { createInput: Properties; createOutput: Properties }, updateInput: Properties): Promise<{ desired: Properties; previous: Properties }> {
        const identifier = identifierOf(known.createOutput);
        if (profile === 'cfn-test') {
            // generate_update_example: the created model's read-only properties, the update input, the unique keys.
            return { previous: known.createOutput, desired: { ...pick(known.createOutput, readOnly), ...updateInput, ...pick(known.createOutput, identifiers) } };
        }
        if (profile === 'cloud-control') {
            const state = await readModel(identifier).catch(() => ({ ...without(known.createInput, writeOnly), ...identifier }));
            return { previous: state, desired: applyPatch(state, diffPatch(state, { ...updateInput, ...identifier }, { readOnly }), true, false).newDocument };
        }
        return { previous: known.createInput, desired: { ...updateInput, ...identifier } };
    }
    /** LIST's properties: Cloud Control passes only the scope the handler needs. */
    const listProperties = (model: Properties) => (profile === 'cloud-control' ? { InstanceArn: model.InstanceArn } : model);

    // ---- the handler calls of the official suite ----
    const fresh = () => {
        const suffix = `-${runId}-${++serial}`;
        const rename = (model: Properties): Properties => ({ ...model, Username: uniqueName(model.Username, suffix) });
        return { create: rename(options.inputs.create), update: rename(options.inputs.update) };
    };
    async function create(input: Properties) {
        const event = await drive('CREATE', input);
        check(event.status === 'SUCCESS', `CREATE failed: ${event.errorCode}: ${event.message}`);
        const output = event.resourceModel!;
        for (const property of readOnly) check(output[property] !== undefined, `CREATE output lacks the read-only property ${property}`);
        assertInputEqualsOutput(input, output, 'CREATE input vs output');
        return output;
    }
    async function readModel(identifier: Properties) {
        const event = await drive('READ', identifier);
        check(event.status === 'SUCCESS', `READ failed: ${event.errorCode}: ${event.message}`);
        return event.resourceModel!;
    }
    /** test_read_success: the read model holds everything the caller sent. */
    async function readSuccess(model: Properties) {
        const output = await readModel(addressed(model));
        assertInputEqualsOutput(model, output, 'READ request vs output');
        return output;
    }
    async function update(desired: Properties, previous: Properties) {
        const event = await drive('UPDATE', desired, { previous });
        check(event.status === 'SUCCESS', `UPDATE failed: ${event.errorCode}: ${event.message}`);
        const output = event.resourceModel!;
        check(sameIdentifier(output, desired), 'UPDATE: the primaryIdentifier returned must match the primaryIdentifier passed into the request');
        assertInputEqualsOutput(desired, output, 'UPDATE request vs output');
        return output;
    }
    async function remove(model: Properties) {
        const event = await drive('DELETE', addressed(model));
        check(event.status === 'SUCCESS', `DELETE failed: ${event.errorCode}: ${event.message}`);
    }
    async function expectFailed(code: string, action: string, properties: Properties, previous?: Properties, rule = '') {
        const event = await drive(action, properties, { previous });
        check(event.status === 'FAILED' && event.errorCode === code, `${action} answered ${event.status}${event.errorCode ? ` ${event.errorCode}` : ''}, not FAILED ${code}${rule ? `: ${rule}` : ''}`);
    }
    async function listed(model: Properties): Promise<Properties[]> {
        const models: Properties[] = [];
        let nextToken: string | undefined;
        let pages = 0;
        do {
            const event = await drive('LIST', listProperties(model), { nextToken });
            check(event.status === 'SUCCESS', `LIST failed: ${event.errorCode}: ${event.message}`);
            models.push(...event.resourceModels!);
            nextToken = event.nextToken ?? undefined;
            check(++pages < 10_000, 'LIST never stopped answering a nextToken');
        } while (nextToken);
        return models;
    }
    const inList = async (model: Properties) => (await listed(model)).some((m) => sameIdentifier(m, model));

    // ---- fixtures, as the official suite's module fixtures make them ----
    const cleanups: Properties[] = [];
    async function createdResource() {
        const { create: input, update: change } = fresh();
        const output = await create(input);
        cleanups.push(output);
        return { input, output, change };
    }
    async function updatedResource() {
        const created = await createdResource();
        const request = await updateRequest({ createInput: created.input, createOutput: created.output }, created.change);
        const output = await update(request.desired, request.previous);
        return { ...created, request: request.desired, updated: output };
    }
    async function deletedResource() {
        const { create: input, update: change } = fresh();
        const output = await create(input);
        await remove(output);
        return { input, output, change };
    }
    const onlyWritableIdentifiers = identifiers.every((id) => createOnly.includes(id));
    const taggable = schema.tagging?.taggable ?? true;
    const tagUpdatable = schema.tagging?.tagUpdatable ?? taggable;

    const cases: [string, () => Promise<void>][] = [
        ['contract_create_delete', async () => {
            const { create: input } = fresh();
            const output = await create(input);
            await remove(output);
        }],
        ['contract_create_create', async () => {
            if (!onlyWritableIdentifiers) throw new Skip('no writable identifiers (cfn test skips it); see "create twice with the same Username"');
            const { input } = await createdResource();
            await expectFailed('AlreadyExists', 'CREATE', input, undefined, 'a create handler MUST NOT create multiple resources given the same idempotency token');
        }],
        ['contract_create_read', async () => {
            const { input, output } = await createdResource();
            const read = await readSuccess(output);
            assertInputEqualsOutput(input, read, 'READ after CREATE vs the create input');
        }],
        ['contract_create_list', async () => {
            const { output } = await createdResource();
            check(await inList(output), 'the created resource is not in LIST');
            await readSuccess(output);
        }],
        ['contract_create_taggable', async () => {
            if (!taggable) throw new Skip('the type is not taggable');
            check(tagProperty in options.inputs.create, 'Contract test create input does not contain tags property.');
        }],
        ['contract_update_read', async () => {
            const { output, request, updated } = await updatedResource();
            check(sameIdentifier(output, updated), 'The primaryIdentifier returned must match the primaryIdentifier passed into the request');
            const read = await readSuccess(updated);
            assertInputEqualsOutput(request, read, 'READ after UPDATE vs the update request');
        }],
        ['contract_update_list', async () => {
            const { output, updated } = await updatedResource();
            check(sameIdentifier(output, updated), 'The primaryIdentifier returned must match the primaryIdentifier passed into the request');
            check(await inList(updated), 'A list handler MUST always return an updated model');
        }],
        ['contract_update_tag_updatable', async () => {
            if (!tagUpdatable) throw new Skip('the type is not tagUpdatable');
            const { request } = await updatedResource();
            check(tagProperty in request, 'Contract test update input does not contain tags property.');
        }],
        ['contract_update_without_create', async () => {
            const { create: input, update: change } = fresh();
            // cfn test sends the update example of the create input (no identifier at all); Cloud
            // Control and stacks name an identifier that no longer exists.
            const ghost = Object.fromEntries(identifiers.map((id) => [id, ghostIdentifier(input, id)]));
            const [desired, previous] =
                profile === 'cfn-test'
                    ? [{ ...pick(input, readOnly), ...change, ...pick(input, identifiers) }, input]
                    : profile === 'cloud-control'
                      ? [{ ...without(change, writeOnly), ...ghost }, { ...without(input, writeOnly), ...ghost }]
                      : [{ ...change, ...ghost }, { ...input, ...ghost }];
            await expectFailed('NotFound', 'UPDATE', desired, previous, 'an update handler MUST return FAILED with a NotFound error code if the resource did not exist prior to the update request');
        }],
        ['contract_delete_read', async () => {
            const { output } = await deletedResource();
            await expectFailed('NotFound', 'READ', addressed(output), undefined, 'a read handler MUST return FAILED with a NotFound error code if the resource does not exist');
        }],
        ['contract_delete_list', async () => {
            const { output } = await deletedResource();
            check(!(await inList(output)), 'A list operation MUST NOT return the primaryIdentifier of any deleted resource instance');
        }],
        ['contract_delete_update', async () => {
            const { input, output, change } = await deletedResource();
            const request = await updateRequest({ createInput: input, createOutput: output }, change);
            await expectFailed('NotFound', 'UPDATE', request.desired, request.previous, 'an update handler MUST return FAILED with a NotFound error code if the resource did not exist prior to the update request');
        }],
        ['contract_delete_delete', async () => {
            const { output } = await deletedResource();
            await expectFailed('NotFound', 'DELETE', addressed(output), undefined, 'a delete handler MUST return FAILED with a NotFound error code if the resource did not exist prior to the delete request');
        }],
        ['contract_delete_create', async () => {
            if (!onlyWritableIdentifiers) throw new Skip('no writable identifiers (cfn test skips it); see "create after delete succeeds"');
        }],
        // Beyond the official list: what its skipped cases would check for a type whose
        // identifier Connect assigns, and the invalid input cfn test's inputs carry.
        ['create twice with the same Username fails AlreadyExists', async () => {
            const { input } = await createdResource();
            await expectFailed('AlreadyExists', 'CREATE', input);
        }],
        ['create after delete succeeds', async () => {
            const { input } = await deletedResource();
            cleanups.push(await create(input));
        }],
        ['an invalid create fails InvalidRequest', async () => {
            await expectFailed('InvalidRequest', 'CREATE', options.inputs.invalid);
        }],
    ];

    const generatedRuns = options.generated ? fc.sample(fc.tuple(options.generated, options.generated), { seed: options.seed ?? 42, numRuns: options.runs ?? 24 }) : [];
    generatedRuns.forEach(([first, second], index) => {
        cases.push([`generated model ${index + 1}: create, read, update, read, delete, read`, async () => {
            const suffix = `-${runId}-g${index}`;
            const username = uniqueName(first.Username, suffix);
            const input = { ...first, Username: username };
            const change = { ...second, Username: username, InstanceArn: first.InstanceArn };
            const output = await create(input);
            cleanups.push(output);
            await readSuccess(output);
            const request = await updateRequest({ createInput: input, createOutput: output }, change);
            const updated = await update(request.desired, request.previous);
            assertInputEqualsOutput(request.desired, await readSuccess(updated), 'READ after UPDATE vs the update request');
            await remove(updated);
            cleanups.pop();
            await expectFailed('NotFound', 'READ', addressed(updated));
        }]);
    });

    const results: CaseResult[] = [];
    for (const [caseName, run] of cases) {
        const name = `[${profile}] ${caseName}`;
        const started = performance.now();
        try {
            await run();
            results.push({ name, ok: true, ms: performance.now() - started });
        } catch (error) {
            if (error instanceof Skip) results.push({ name, ok: true, skipped: error.message, ms: performance.now() - started });
            else results.push({ name, ok: false, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started });
        } finally {
            for (const model of cleanups.splice(0)) await drive('DELETE', addressed(model)).catch(() => undefined);
        }
        const last = results[results.length - 1];
        const mark = last.skipped ? '-' : last.ok ? '✓' : '✗';
        options.log?.(`${mark} ${name} (${last.ms.toFixed(0)} ms)${last.skipped ? ` skipped: ${last.skipped}` : last.ok ? '' : `\n    ${last.error}`}`);
    }
    return results;
}

const pick = (model: Properties, names: string[]) => Object.fromEntries(Object.entries(model).filter(([name]) => names.includes(name)));

/** An identifier of the right form that names nothing: the input's with its last segment replaced. */
function ghostIdentifier(input: Properties, property: string): string {
    if (property === 'UserArn') return `${input.InstanceArn}/agent/00000000-0000-4000-8000-00000000dead`;
    return `${input[property] ?? property}-does-not-exist`;
}
