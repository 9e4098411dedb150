import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ResourceModel, UserPhoneConfig } from '../../src/generated/models';
import { userModelJson } from '../../scripts/harness/arbitraries';
import { TYPE_NAME } from '../support/type-name';

test('deserialize then serialize returns exactly the CloudFormation JSON', () => {
    fc.assert(
        fc.property(userModelJson, (json) => {
            assert.deepEqual(ResourceModel.deserialize(json).serialize(), json);
        }),
        { seed: 42, numRuns: 300 },
    );
});

test('nested members become the generated classes, with camelCase fields', () => {
    const model = ResourceModel.deserialize({
        Username: 'agent1',
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AfterContactWorkTimeLimit: 30 },
        UserProficiencies: [{ AttributeName: 'Language', AttributeValue: 'English', Level: 2.5 }],
    });
    assert.ok(model.phoneConfig instanceof UserPhoneConfig);
    assert.equal(model.phoneConfig.afterContactWorkTimeLimit, 30);
    assert.equal(model.userProficiencies?.[0].level, 2.5);
    assert.equal(model.identityInfo, undefined);
});

test('strings CloudFormation sends for booleans and numbers are recast to their schema type', () => {
    const model = ResourceModel.deserialize({
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: 'true', AfterContactWorkTimeLimit: '45' },
        UserProficiencies: [{ AttributeName: 'Skill', AttributeValue: 'Billing', Level: '3' }],
    });
    assert.deepEqual(model.serialize(), {
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: true, AfterContactWorkTimeLimit: 45 },
        UserProficiencies: [{ AttributeName: 'Skill', AttributeValue: 'Billing', Level: 3 }],
    });
});

test('unknown members are not carried into the model', () => {
    assert.deepEqual(ResourceModel.deserialize({ Username: 'a', Bogus: 1 }).serialize(), { Username: 'a' });
});

test('the primary identifier is UserArn, and only when present', () => {
    const arn = 'arn:aws:connect:us-east-1:123456789012:instance/i/agent/u';
    assert.equal(ResourceModel.TYPE_NAME, TYPE_NAME);
    assert.deepEqual(ResourceModel.deserialize({ UserArn: arn }).getPrimaryIdentifier(), { '/properties/UserArn': arn });
    assert.equal(ResourceModel.deserialize({ Username: 'a' }).getPrimaryIdentifier(), null);
});
