// Requests bound to their account, Region and partition (src/scope.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outOfScope, partitionOf } from '../../src/scope';

const HERE = { awsAccountId: '123456789012', region: 'us-east-1' };
const instance = (partition = 'aws', region = 'us-east-1', account = '123456789012') => `arn:${partition}:connect:${region}:${account}:instance/5f1a2b3c`;

test('partitions by Region', () => {
    assert.deepEqual(['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1'].map(partitionOf), ['aws', 'aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b']);
});

test('ARNs of the request\'s own account, Region and partition pass; any other is named with the fix', () => {
    const own = { InstanceArn: instance(), RoutingProfileArn: `${instance()}/routing-profile/r`, SecurityProfileArns: [`${instance()}/security-profile/s`], UserArn: `${instance()}/agent/u` };
    assert.equal(outOfScope(own, HERE), undefined);
    const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...own, InstanceArn: instance('aws', 'us-east-1', '999999999999') }, /^InstanceArn names an Amazon Connect resource of account 999999999999, but this request acts in account 123456789012, Region us-east-1/],
        [{ ...own, RoutingProfileArn: `${instance('aws', 'us-west-2')}/routing-profile/r` }, /^RoutingProfileArn names .* of Region us-west-2/],
        [{ ...own, SecurityProfileArns: [own.SecurityProfileArns[0], `${instance('aws-cn', 'cn-north-1')}/security-profile/s`] }, /^SecurityProfileArns names .* of partition aws-cn, Region cn-north-1/],
        [{ ...own, UserArn: `${instance('aws-us-gov')}/agent/u` }, /^UserArn names .* of partition aws-us-gov/],
    ];
    for (const [properties, message] of cases) assert.match(outOfScope(properties, HERE) ?? '', message);
    // Malformed or absent ARNs are the schema's, and a request that states no Region checks nothing.
    assert.equal(outOfScope({ InstanceArn: 'not an arn', UserArn: 42 }, HERE), undefined);
    assert.equal(outOfScope({ InstanceArn: instance('aws', 'eu-west-1') }, {}), undefined);
});
