// The conformance check itself (test/support/conformance.ts): it catches every kind of departure
// from Connect's model, on requests the emulator accepts and on answers; and a user's whole life
// through the handler's entrypoint, errors included, passes it with the number of requests and
// answers it checked. Every other test file that starts an emulator runs the same check on all
// its traffic.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedArns } from '../../local/connect-emulator/seed';
import type { Exchange } from '../../local/connect-emulator/server';
import { OPERATIONS } from '../../src/client';
import { conformance, exchangeProblems, KNOWN_BAD_PATTERNS } from '../support/conformance';
import { useEmulator } from '../support/emulator';
import { drive, freshBeforeEach, invoke } from '../support/lambda';

const emulator = useEmulator();
const seed = seedArns();
freshBeforeEach(emulator);
const USER = `${seed.instanceArn}/agent/00000000-0000-4000-8000-000000000001`;

const exchange = (over: Partial<Exchange>): Exchange => ({ operation: 'UpdateUserRoutingProfile', labels: [seed.instanceArn, USER], query: new URLSearchParams(), body: { RoutingProfileId: 'rp' }, status: 200, answer: {}, ...over });

test('the fixture is the model of exactly the operations the handlers call, and says where it came from', () => {
    const model = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'connect-model.json'), 'utf8'));
    assert.deepEqual(Object.keys(model.operations).sort(), [...OPERATIONS].sort());
    assert.equal(model.source.package, 'botocore');
    assert.equal(model.source.license, 'Apache-2.0');
    for (const name of KNOWN_BAD_PATTERNS) assert.ok(model.shapes[name].pattern, `${name} has a pattern the model gets wrong`);
});

test('a request the emulator accepted is checked member by member; a refused one may be anything', () => {
    const cases: [string, Partial<Exchange>, RegExp][] = [
        ['an unknown member', { body: { RoutingProfileId: 'rp', Extra: 1 } }, /unknown member Extra/],
        ['a missing member', { body: {} }, /missing required member RoutingProfileId/],
        ['a string too long', { operation: 'CreateUser', labels: [seed.instanceArn], body: { Username: 'u'.repeat(101), SecurityProfileIds: ['s'], RoutingProfileId: 'r' } }, /Username: longer than 100/],
        ['a pattern', { operation: 'TagResource', labels: [USER], body: { tags: { 'aws:x': 'y' } } }, /does not match/],
        ['an enum', { operation: 'UpdateUserPhoneConfig', body: { PhoneConfig: { PhoneType: 'CELL_PHONE' } } }, /not one of SOFT_PHONE, DESK_PHONE/],
        ['a range', { operation: 'ListUsers', labels: [seed.instanceArn], body: undefined, query: new URLSearchParams('maxResults=1001') }, /query maxResults: more than 1000/],
        ['a list size', { operation: 'UpdateUserSecurityProfiles', body: { SecurityProfileIds: Array.from({ length: 11 }, (_, i) => `s${i}`) } }, /11 items, more than 10/],
        ['an unknown query member', { operation: 'ListUsers', labels: [seed.instanceArn], body: undefined, query: new URLSearchParams('pageSize=3') }, /query: unknown member pageSize/],
        ['a path label too long', { labels: ['x'.repeat(101), USER] }, /path \{InstanceId\}: longer than 100/],
    ];
    for (const [what, over, expected] of cases) {
        assert.match(exchangeProblems(exchange(over)).join('\n'), expected, what);
        assert.deepEqual(exchangeProblems(exchange({ ...over, status: 400, errorType: 'InvalidParameterException', answer: { __type: 'InvalidParameterException', Message: 'no' } })), [], `${what}, refused`);
    }
    assert.deepEqual(exchangeProblems(exchange({})), []);
});

test('answers: the output shape, declared errors, their HTTP status, and no member the error shape lacks', () => {
    const describe = { operation: 'DescribeUser', body: undefined };
    assert.match(exchangeProblems(exchange({ ...describe, answer: { User: { Id: 'x', Nickname: 'y' } } })).join(), /unknown member Nickname/);
    assert.match(exchangeProblems(exchange({ ...describe, answer: { User: { Id: 'x', LastModifiedTime: '2026-01-01' } } })).join(), /not epoch seconds/);
    assert.deepEqual(exchangeProblems(exchange({ ...describe, answer: { User: { Id: 'x', LastModifiedTime: 1767225600 } } })), []);
    const error = (errorType: string, status: number, answer: Exchange["answer"] = { __type: errorType, Message: "m" }) => exchangeProblems(exchange({ status, errorType, answer }));
    assert.match(error('DuplicateResourceException', 409).join(), /not an error UpdateUserRoutingProfile declares/);
    assert.match(error('ResourceNotFoundException', 400).join(), /HTTP 400, the model says 404/);
    assert.match(error('ResourceNotFoundException', 404, { __type: 'ResourceNotFoundException', Message: 'm', message: 'm' }).join(), /a member message its shape does not/);
    assert.deepEqual(error('ResourceNotFoundException', 404), []);
    assert.deepEqual(error('ThrottlingException', 429), []);
});

test('a user\'s whole life through the entrypoint, with its errors, conforms: the requests and answers are counted', async () => {
    const before = { ...conformance, violations: [...conformance.violations] };
    const properties = {
        InstanceArn: seed.instanceArn,
        Username: 'conformance-1',
        Password: 'Conform-Passw0rd',
        IdentityInfo: { FirstName: 'Model', LastName: 'Checked', Email: 'model@example.com' },
        PhoneConfig: { PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+14155550100', AutoAccept: true, AfterContactWorkTimeLimit: 30 },
        AutoAcceptConfigs: [{ Channel: 'CHAT', AutoAccept: true }],
        SecurityProfileArns: [seed.securityProfiles.Agent],
        RoutingProfileArn: seed.routingProfiles.Sales,
        HierarchyGroupArn: seed.hierarchyGroups.Europe,
        Tags: [{ Key: 'cost center', Value: 'x' }],
        UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 2 }],
    };
    const { event } = await drive('CREATE', properties);
    assert.equal(event.status, 'SUCCESS', event.message);
    const userArn = event.resourceModel!.UserArn;
    const desired = { ...properties, UserArn: userArn, SecurityProfileArns: [seed.securityProfiles.Admin], UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'French', Level: 4 }], Tags: [], HierarchyGroupArn: undefined };
    assert.equal((await drive('UPDATE', desired, { previous: { ...properties, UserArn: userArn } })).event.status, 'SUCCESS');
    assert.equal((await drive('READ', { UserArn: userArn })).event.status, 'SUCCESS');
    assert.equal((await invoke('LIST', { InstanceArn: seed.instanceArn })).status, 'SUCCESS');
    assert.equal((await invoke('LIST', undefined)).status, 'SUCCESS');
    assert.equal((await drive('CREATE', { ...properties, Username: 'conformance-1' })).event.errorCode, 'AlreadyExists');
    assert.equal((await drive('UPDATE', { ...desired, HierarchyGroupArn: `${seed.instanceArn}/agent-group/00000000-0000-4000-8000-0000000000ff` }, { previous: desired })).event.errorCode, 'InvalidRequest');
    assert.equal((await drive('DELETE', { UserArn: userArn })).event.status, 'SUCCESS');
    assert.equal((await drive('READ', { UserArn: userArn })).event.errorCode, 'NotFound');
    const requests = conformance.requests - before.requests;
    console.log(`this lifecycle: ${requests} requests and ${conformance.answers - before.answers} answers checked against the model`);
    assert.equal(requests, emulator().journal.length, 'every request the emulator answered was checked');
    assert.ok(requests >= 20, `${requests} requests`);
    assert.equal(conformance.answers - before.answers, requests);
    assert.deepEqual(conformance.violations.slice(before.violations.length), []);
});
