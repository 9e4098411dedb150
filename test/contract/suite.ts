// The CloudFormation resource contract for a type with create, read, update, delete and list
// handlers, as `cfn test` checks it before a type can be published. It knows nothing of this
// provider's code: it sends HandlerRequest events to a Lambda-style `invoke` and judges the
// ProgressEvents that come back.
import fc from 'fast-check';
import { followProgress, handlerRequest, ProgressEventJson, Properties } from '../../local/lambda-runtime/cloudformation';

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
}

export interface ContractOptions {
    schema: ContractSchema;
    inputs: { create: Properties; update: Properties; invalid: Properties };
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    region?: string;
    /** Models for the generated cases; each run creates, updates (to a second model) and deletes. */
    generated?: fc.Arbitrary<Properties>;
    runs?: number;
    seed?: number;
    /** How to wait out a callback delay (the real wait by default). */
    wait?: (seconds: number) => Promise<void>;
    /** The longest one invocation may take. */
    invocationTimeoutMs?: number;
    log?: (line: string) => void;
}

export interface CaseResult {
    name: string;
    ok: boolean;
    error?: string;
    ms: number;
}

class ContractViolation extends Error {}
function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new ContractViolation(message);
}

const propertyName = (pointer: string) => pointer.split('/')[2];

export async function runContract(target: ContractTarget, options: ContractOptions): Promise<CaseResult[]> {
    const { schema } = options;
    const identifiers = schema.primaryIdentifier.map(propertyName);
    const writeOnly = (schema.writeOnlyProperties ?? []).map(propertyName);
    const readOnly = (schema.readOnlyProperties ?? []).map(propertyName);
    const createOnly = (schema.createOnlyProperties ?? []).map(propertyName);
    const unordered = new Set(Object.entries(schema.properties).filter(([, p]) => p.type === 'array' && p.insertionOrder === false).map(([name]) => name));
    const runId = Date.now().toString(36);
    let serial = 0;

    // ---- every event, whatever the case: the contract's rules for ProgressEvents ----
    async function invokeOnce(action: string, event: unknown): Promise<ProgressEventJson> {
        const started = performance.now();
        const result = await target.invoke(event);
        const ms = performance.now() - started;
        check(ms <= (options.invocationTimeoutMs ?? 60_000), `${action} took ${ms.toFixed(0)} ms, over the invocation timeout`);
        check(result && ['SUCCESS', 'FAILED', 'IN_PROGRESS'].includes(result.status), `${action} answered no valid status: ${JSON.stringify(result)}`);
        if (result.status === 'FAILED') {
            check(result.errorCode, `${action} FAILED without an errorCode`);
            check(result.message, `${action} FAILED without a message`);
            check(result.resourceModel === undefined && result.resourceModels === undefined, `${action} FAILED (${result.errorCode}) with a model`);
        }
        if (result.status === 'IN_PROGRESS') {
            check(action !== 'READ' && action !== 'LIST', `${action} answered IN_PROGRESS; read and list must answer at once`);
            check(result.callbackContext && Object.keys(result.callbackContext).length > 0, `${action} IN_PROGRESS without a callback context`);
            check(identifiers.every((id) => result.resourceModel?.[id]), `${action} IN_PROGRESS without the primary identifier`);
            check(Number.isInteger(result.callbackDelaySeconds ?? 0) && (result.callbackDelaySeconds ?? 0) >= 0, `${action} IN_PROGRESS with a callback delay that is not whole seconds`);
            check(result.errorCode === undefined, `${action} IN_PROGRESS with an errorCode`);
        }
        if (result.status === 'SUCCESS') {
            if (action === 'LIST') {
                check(Array.isArray(result.resourceModels), 'LIST SUCCESS without resourceModels');
                check(result.resourceModel === undefined, 'LIST SUCCESS with a single resourceModel');
            } else if (action === 'DELETE') {
                check(result.resourceModel === undefined, 'DELETE SUCCESS with a model');
            } else {
                check(result.resourceModel, `${action} SUCCESS without a resourceModel`);
                check(result.resourceModels === undefined, `${action} SUCCESS with resourceModels`);
            }
        }
        for (const model of [result.resourceModel, ...(result.resourceModels ?? [])]) {
            for (const property of writeOnly) check(model?.[property] === undefined, `${action} returned the write-only property ${property}`);
        }
        return result;
    }

    const drive = (action: string, properties: Properties | undefined, extra: { previous?: Properties; nextToken?: string } = {}) =>
        followProgress((event) => invokeOnce(action, event), handlerRequest(action, properties, { credentials: options.credentials, region: options.region, typeName: schema.typeName, ...extra }), {
            wait: options.wait,
        }).then(({ event }) => event);

    // ---- model comparisons ----
    const normalize = (name: string, value: unknown): unknown => {
        if (Array.isArray(value) && unordered.has(name)) return value.map((v) => JSON.stringify(v)).sort();
        return JSON.stringify(value);
    };
    /** Every input property (but write-only ones) is in the output with the same value: what cfn test compares. */
    function assertInputInOutput(input: Properties, output: Properties, what: string) {
        for (const [name, value] of Object.entries(input)) {
            if (writeOnly.includes(name) || value === undefined) continue;
            check(name in output, `${what}: ${name} was sent but is missing from the output`);
            if (typeof value === 'object' && !Array.isArray(value) && value !== null) {
                for (const [member, memberValue] of Object.entries(value)) {
                    check(JSON.stringify(output[name]?.[member]) === JSON.stringify(memberValue), `${what}: ${name}.${member} is ${JSON.stringify(output[name]?.[member])}, not ${JSON.stringify(memberValue)}`);
                }
            } else {
                check(JSON.stringify(normalize(name, output[name])) === JSON.stringify(normalize(name, value)), `${what}: ${name} is ${JSON.stringify(output[name])}, not ${JSON.stringify(value)}`);
            }
        }
    }
    function assertSameModel(a: Properties, b: Properties, what: string) {
        const names = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const name of names) check(JSON.stringify(normalize(name, a[name])) === JSON.stringify(normalize(name, b[name])), `${what}: ${name} differs: ${JSON.stringify(a[name])} vs ${JSON.stringify(b[name])}`);
    }
    const identifierOf = (model: Properties) => Object.fromEntries(identifiers.map((id) => [id, model[id]]));

    // ---- lifecycle helpers ----
    const fresh = () => {
        const suffix = `-${runId}-${++serial}`;
        const rename = (model: Properties): Properties => ({ ...model, Username: `${String(model.Username).slice(0, 64 - suffix.length)}${suffix}` });
        return { create: rename(options.inputs.create), update: rename(options.inputs.update) };
    };
    async function create(model: Properties) {
        const event = await drive('CREATE', model);
        check(event.status === 'SUCCESS', `CREATE failed: ${event.errorCode}: ${event.message}`);
        const output = event.resourceModel!;
        for (const property of [...identifiers, ...readOnly]) check(output[property] !== undefined, `CREATE output lacks the read-only property ${property}`);
        assertInputInOutput(model, output, 'CREATE output vs input');
        return output;
    }
    async function read(identifier: Properties) {
        const event = await drive('READ', identifier);
        check(event.status === 'SUCCESS', `READ failed: ${event.errorCode}: ${event.message}`);
        return event.resourceModel!;
    }
    async function update(model: Properties, previous: Properties, identifier: Properties) {
        const desired = { ...model, ...identifier };
        const event = await drive('UPDATE', desired, { previous });
        check(event.status === 'SUCCESS', `UPDATE failed: ${event.errorCode}: ${event.message}`);
        const output = event.resourceModel!;
        assertSameModel(identifierOf(output), identifier, 'UPDATE changed the primary identifier');
        assertInputInOutput(model, output, 'UPDATE output vs input');
        return output;
    }
    async function remove(identifier: Properties) {
        const event = await drive('DELETE', identifier);
        check(event.status === 'SUCCESS', `DELETE failed: ${event.errorCode}: ${event.message}`);
    }
    async function expectNotFound(action: string, properties: Properties, previous?: Properties) {
        const event = await drive(action, properties, { previous });
        check(event.status === 'FAILED' && event.errorCode === 'NotFound', `${action} of a resource that does not exist answered ${event.status} ${event.errorCode ?? ''}, not FAILED NotFound`);
    }
    async function listed(instanceScope: Properties): Promise<Properties[]> {
        const models: Properties[] = [];
        let nextToken: string | undefined;
        let pages = 0;
        do {
            const event = await drive('LIST', instanceScope, { nextToken });
            check(event.status === 'SUCCESS', `LIST failed: ${event.errorCode}: ${event.message}`);
            models.push(...event.resourceModels!);
            nextToken = event.nextToken;
            check(++pages < 10_000, 'LIST never stopped answering a nextToken');
        } while (nextToken);
        return models;
    }
    const listScope = (model: Properties) => ({ InstanceArn: model.InstanceArn });
    const inList = (models: Properties[], identifier: Properties) => models.some((m) => identifiers.every((id) => m[id] === identifier[id]));

    /** Runs a case; whatever it created is deleted afterwards, whether it passed or not. */
    const cleanups: Properties[] = [];
    const cases: [string, () => Promise<void>][] = [
        ['create, then read returns the same model (write-only absent, read-only present)', async () => {
            const { create: input } = fresh();
            const created = await create(input);
            cleanups.push(identifierOf(created));
            assertSameModel(await read(identifierOf(created)), created, 'READ after CREATE');
        }],
        ['create with tags returns them', async () => {
            const { create: input } = fresh();
            const created = await create(input);
            cleanups.push(identifierOf(created));
            if (input.Tags) assertInputInOutput({ Tags: input.Tags }, created, 'CREATE tags');
        }],
        ['create twice with the same identity fails AlreadyExists', async () => {
            const { create: input } = fresh();
            cleanups.push(identifierOf(await create(input)));
            const second = await drive('CREATE', input);
            check(second.status === 'FAILED' && second.errorCode === 'AlreadyExists', `the second CREATE answered ${second.status} ${second.errorCode ?? ''}, not FAILED AlreadyExists`);
        }],
        ['a created resource appears in list (following nextToken)', async () => {
            const { create: input } = fresh();
            const created = await create(input);
            cleanups.push(identifierOf(created));
            check(inList(await listed(listScope(input)), identifierOf(created)), 'the created resource is not in LIST');
        }],
        ['update, then read equals the update output, the primary identifier kept; a tag change shows', async () => {
            const { create: input, update: change } = fresh();
            const created = await create(input);
            cleanups.push(identifierOf(created));
            const updated = await update(change, input, identifierOf(created));
            const after = await read(identifierOf(created));
            assertSameModel(after, updated, 'READ after UPDATE');
            if (change.Tags) assertInputInOutput({ Tags: change.Tags }, after, 'READ tags after UPDATE');
        }],
        ['update, then list still shows the resource', async () => {
            const { create: input, update: change } = fresh();
            const created = await create(input);
            cleanups.push(identifierOf(created));
            await update(change, input, identifierOf(created));
            check(inList(await listed(listScope(input)), identifierOf(created)), 'the updated resource is not in LIST');
        }],
        ['update of a resource never created fails NotFound', async () => {
            const { create: input, update: change } = fresh();
            const ghost = Object.fromEntries(identifiers.map((id) => [id, ghostIdentifier(input, id)]));
            await expectNotFound('UPDATE', { ...change, ...ghost }, { ...input, ...ghost });
        }],
        ['delete, then read, update and delete fail NotFound; it is gone from list', async () => {
            const { create: input, update: change } = fresh();
            const created = await create(input);
            const id = identifierOf(created);
            await remove(id);
            await expectNotFound('READ', id);
            await expectNotFound('UPDATE', { ...change, ...id }, input);
            await expectNotFound('DELETE', id);
            check(!inList(await listed(listScope(input)), id), 'the deleted resource is still in LIST');
        }],
        ['create after delete succeeds', async () => {
            const { create: input } = fresh();
            await remove(identifierOf(await create(input)));
            const again = await create(input);
            cleanups.push(identifierOf(again));
        }],
        ['an invalid create fails InvalidRequest', async () => {
            const event = await drive('CREATE', options.inputs.invalid);
            check(event.status === 'FAILED' && event.errorCode === 'InvalidRequest', `an invalid CREATE answered ${event.status} ${event.errorCode ?? ''}, not FAILED InvalidRequest`);
        }],
    ];

    const generatedRuns = options.generated ? fc.sample(fc.tuple(options.generated, options.generated), { seed: options.seed ?? 42, numRuns: options.runs ?? 24 }) : [];
    generatedRuns.forEach(([first, second], index) => {
        cases.push([`generated model ${index + 1}: create, read, update, read, delete, read`, async () => {
            const suffix = `-${runId}-g${index}`;
            const username = `${String(first.Username).slice(0, 64 - suffix.length)}${suffix}`;
            const input = { ...first, Username: username };
            const change = { ...second, Username: username, InstanceArn: first.InstanceArn };
            const created = await create(input);
            const id = identifierOf(created);
            cleanups.push(id);
            assertSameModel(await read(id), created, 'READ after CREATE');
            const updated = await update(change, input, id);
            assertSameModel(await read(id), updated, 'READ after UPDATE');
            await remove(id);
            cleanups.pop();
            await expectNotFound('READ', id);
        }]);
    });

    const results: CaseResult[] = [];
    for (const [name, run] of cases) {
        const started = performance.now();
        try {
            await run();
            results.push({ name, ok: true, ms: performance.now() - started });
        } catch (error) {
            results.push({ name, ok: false, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started });
        } finally {
            for (const id of cleanups.splice(0)) await drive('DELETE', id).catch(() => undefined);
        }
        const last = results[results.length - 1];
        options.log?.(`${last.ok ? '✓' : '✗'} ${name} (${last.ms.toFixed(0)} ms)${last.ok ? '' : `\n    ${last.error}`}`);
    }
    return results;
}

/** An identifier of the right form that names nothing: the input's with its last segment replaced. */
function ghostIdentifier(input: Properties, property: string): string {
    if (property === 'UserArn') return `${input.InstanceArn}/agent/00000000-0000-4000-8000-00000000dead`;
    return `${input[property] ?? property}-does-not-exist`;
}
