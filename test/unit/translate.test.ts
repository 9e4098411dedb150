import * as connect from '@aws-sdk/client-connect';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HandlerErrorCode } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { settlement, toHandlerError } from '../../src/errors';
import type { UserProperties } from '../../src/generated/properties';

/** A template's properties, as the handlers work with them once validated. */
const asProperties = (json: Record<string, any>) => json as UserProperties;
import { CREATE_MARKER_TAG, diffTags, mergeTags } from '../../src/tags';
import { fromDescribeUser, parseUserArn, phoneConfigRequest, toCreateUserRequest } from '../../src/translate';

const INSTANCE = 'arn:aws:connect:us-east-1:123456789012:instance/i-1';
const USER = `${INSTANCE}/agent/u-1`;

test('parseUserArn takes user ARNs only, in any partition', () => {
    assert.deepEqual(parseUserArn(USER), { instanceArn: INSTANCE, userId: 'u-1' });
    assert.deepEqual(parseUserArn('arn:aws-cn:connect:cn-north-1:123456789012:instance/i/agent/u'), { instanceArn: 'arn:aws-cn:connect:cn-north-1:123456789012:instance/i', userId: 'u' });
    for (const bad of [undefined, null, 42, '', 'u-1', INSTANCE, `${INSTANCE}/routing-profile/r`, `${USER}/extra`, `arn:aws:connect:us-east-1:12345:instance/i/agent/u`]) {
        assert.equal(parseUserArn(bad), undefined, String(bad));
    }
});

test('CreateUser request: ARNs as given, PhoneConfig defaults written out, absent members left out', () => {
    const model = asProperties({
        InstanceArn: INSTANCE,
        Username: 'ada',
        Password: 'Passw0rdExample',
        PhoneConfig: { PhoneType: 'SOFT_PHONE', DeskPhoneNumber: '+14155550100' },
        SecurityProfileArns: [`${INSTANCE}/security-profile/s`],
        RoutingProfileArn: `${INSTANCE}/routing-profile/r`,
    });
    assert.deepEqual(toCreateUserRequest(model, { team: 'a' }), {
        InstanceId: INSTANCE,
        Username: 'ada',
        Password: 'Passw0rdExample',
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false },
        SecurityProfileIds: [`${INSTANCE}/security-profile/s`],
        RoutingProfileId: `${INSTANCE}/routing-profile/r`,
        Tags: { team: 'a' },
    });
    assert.deepEqual(phoneConfigRequest({ PhoneType: 'DESK_PHONE', DeskPhoneNumber: '+1415', AfterContactWorkTimeLimit: 30 }), {
        PhoneType: 'DESK_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30, PersistentConnection: false, DeskPhoneNumber: '+1415',
    });
});

test('read: ARNs rebuilt from IDs; nothing invented; reserved and marker tags hidden; no password', () => {
    const user: connect.User = {
        Id: 'u-1', Arn: USER, Username: 'ada', DirectoryUserId: 'd-1',
        IdentityInfo: { FirstName: 'Ada', LastName: '', Email: '' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false, DeskPhoneNumber: '+14155550100' },
        SecurityProfileIds: ['s-2', 's-1'], RoutingProfileId: 'r-1',
        Tags: { b: '2', a: '1', 'aws:cloudformation:stack-name': 'x', [CREATE_MARKER_TAG]: 'hash' },
    };
    const model = fromDescribeUser(user, [{ AttributeName: 'L', AttributeValue: 'b', Level: 2 }, { AttributeName: 'L', AttributeValue: 'a', Level: 4.5 }], INSTANCE);
    assert.deepEqual(model, {
        UserArn: USER, InstanceArn: INSTANCE, Username: 'ada', DirectoryUserId: 'd-1',
        RoutingProfileArn: `${INSTANCE}/routing-profile/r-1`,
        SecurityProfileArns: [`${INSTANCE}/security-profile/s-2`, `${INSTANCE}/security-profile/s-1`],
        IdentityInfo: { FirstName: 'Ada' },
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, PersistentConnection: false },
        Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
        UserProficiencies: [{ AttributeName: 'L', AttributeValue: 'a', Level: 4.5 }, { AttributeName: 'L', AttributeValue: 'b', Level: 2 }],
    });
    assert.equal('HierarchyGroupArn' in model, false, 'no .../agent-group/null');
    const bare = fromDescribeUser({ Id: 'u', Arn: USER, Username: 'b', IdentityInfo: {}, Tags: {}, SecurityProfileIds: ['s'], RoutingProfileId: 'r' }, [], INSTANCE);
    assert.deepEqual(Object.keys(bare).sort(), ['InstanceArn', 'RoutingProfileArn', 'SecurityProfileArns', 'Tags', 'UserArn', 'UserProficiencies', 'Username']);
    assert.deepEqual([bare.Tags, bare.UserProficiencies], [[], []], 'empty, as Connect answers them');
    const desk = fromDescribeUser({ ...user, PhoneConfig: { ...user.PhoneConfig, PhoneType: 'DESK_PHONE' } }, [], INSTANCE) as any;
    assert.equal(desk.PhoneConfig.DeskPhoneNumber, '+14155550100');
});

test('tags: stack tags then resource tags; aws: and marker keys dropped; a value change is a set, not an untag', () => {
    const tags = mergeTags([{ Key: 'team', Value: 'mine' }, { Key: 'aws:x', Value: 'y' }], { team: 'stack', env: 'prod', 'aws:cloudformation:logical-id': 'L', [CREATE_MARKER_TAG]: 'm' });
    assert.deepEqual(tags, { env: 'prod', team: 'mine' });
    assert.deepEqual(diffTags({ a: '1', b: '2', c: '3' }, { a: '1', b: 'two', d: '4' }), { remove: ['c'], set: { b: 'two', d: '4' } });
    assert.deepEqual(diffTags({ a: '1' }, { a: '1' }), { remove: [], set: {} });
});

test('error table: every mapped exception is one @aws-sdk/client-connect raises; codes and advice', () => {
    const make = (name: string) => Object.assign(new Error(`service says ${name}`), { name, $metadata: {}, $fault: 'client' });
    const expected: Record<string, HandlerErrorCode> = {
        ResourceNotFoundException: HandlerErrorCode.NotFound,
        DuplicateResourceException: HandlerErrorCode.AlreadyExists,
        InvalidParameterException: HandlerErrorCode.InvalidRequest,
        InvalidRequestException: HandlerErrorCode.InvalidRequest,
        ThrottlingException: HandlerErrorCode.Throttling,
        LimitExceededException: HandlerErrorCode.ServiceLimitExceeded,
        ServiceQuotaExceededException: HandlerErrorCode.ServiceLimitExceeded,
        AccessDeniedException: HandlerErrorCode.AccessDenied,
        InternalServiceException: HandlerErrorCode.ServiceInternalError,
        ConditionalOperationFailedException: HandlerErrorCode.ResourceConflict,
        ResourceConflictException: HandlerErrorCode.ResourceConflict,
        ResourceInUseException: HandlerErrorCode.ResourceConflict,
    };
    for (const [name, code] of Object.entries(expected)) {
        assert.equal(typeof (connect as any)[name], 'function', `${name} is exported by @aws-sdk/client-connect`);
        const mapped = toHandlerError(make(name), 'CreateUser');
        assert.equal(mapped.code, code, name);
        assert.match(mapped.message, new RegExp(`^CreateUser failed: service says ${name}\\. \\S`));
    }
    assert.equal(toHandlerError(make('TooManyRequestsException')).code, HandlerErrorCode.Throttling);
    assert.equal(toHandlerError(make('SomethingNewException')).code, HandlerErrorCode.GeneralServiceException);
    assert.equal(toHandlerError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).code, HandlerErrorCode.NetworkFailure);
    assert.equal(toHandlerError(Object.assign(new Error('t'), { name: 'TimeoutError' })).code, HandlerErrorCode.NetworkFailure);
    assert.equal(toHandlerError(new TypeError('x is undefined')).code, HandlerErrorCode.InternalFailure, 'our own bugs');
    assert.equal(toHandlerError(make('ThrottlingException')).transient, true);
    assert.equal(toHandlerError(make('InvalidParameterException')).transient, false);
    const labelled = Object.assign(make('ResourceNotFoundException'), { operation: 'DescribeUser' });
    assert.match(toHandlerError(labelled).message, /^DescribeUser failed/);
    assert.match(toHandlerError(Object.assign(new Error(''), { name: 'ThrottlingException', $metadata: {} })).message, /ThrottlingException/, 'an empty service message still says what happened');
});

test('proficiency conflicts: which refusals the state of Connect explains, and the call that settles each', () => {
    const refusal = (name: string) => ({ code: HandlerErrorCode.InvalidRequest, message: '', transient: false, name });
    assert.equal(settlement('AssociateUserProficiencies', refusal('InvalidParameterException')), 'UpdateUserProficiencies');
    assert.equal(settlement('AssociateUserProficiencies', refusal('DuplicateResourceException')), 'UpdateUserProficiencies');
    assert.equal(settlement('UpdateUserProficiencies', refusal('ResourceNotFoundException')), 'AssociateUserProficiencies');
    assert.equal(settlement('DisassociateUserProficiencies', refusal('InvalidRequestException')), 'nothing');
    // A missing attribute on association, a throttle, or another step: not a conflict.
    assert.equal(settlement('AssociateUserProficiencies', refusal('ResourceNotFoundException')), undefined);
    assert.equal(settlement('UpdateUserProficiencies', refusal('ThrottlingException')), undefined);
    assert.equal(settlement('UpdateUserRoutingProfile', refusal('InvalidParameterException')), undefined);
});
