// ListInstances over the wire, as the SDK calls it: GET /instance, maxResults and nextToken in
// the query, InstanceSummaryList with each instance's status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DescribeInstanceCommand, ListInstancesCommand } from '@aws-sdk/client-connect';
import { DEFAULT_SEED, seedArns } from '../../local/connect-emulator/seed';
import { connectClient, useEmulator } from '../support/emulator';

const FAILED = { ...DEFAULT_SEED.instances[1], id: 'f0f0f0f0-0000-4000-8000-00000000dead', alias: 'failed-instance', status: 'CREATION_FAILED' as const };
const emulator = useEmulator({ seed: { instances: [...DEFAULT_SEED.instances, FAILED] } });

test('ListInstances pages through every seeded instance with its status and identity management type', async () => {
    const client = connectClient(emulator());
    const seen: Record<string, unknown>[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
        const page = await client.send(new ListInstancesCommand({ MaxResults: 2, NextToken }));
        seen.push(...(page.InstanceSummaryList ?? []).map((i) => ({ Id: i.Id, Arn: i.Arn, Status: i.InstanceStatus, Type: i.IdentityManagementType })));
        NextToken = page.NextToken;
        pages++;
    } while (NextToken);
    assert.equal(pages, 2);
    assert.deepEqual(seen, [
        { Id: DEFAULT_SEED.instances[0].id, Arn: seedArns(DEFAULT_SEED.instances[0]).instanceArn, Status: 'ACTIVE', Type: 'CONNECT_MANAGED' },
        { Id: DEFAULT_SEED.instances[1].id, Arn: seedArns(DEFAULT_SEED.instances[1]).instanceArn, Status: 'ACTIVE', Type: 'SAML' },
        { Id: FAILED.id, Arn: seedArns(FAILED).instanceArn, Status: 'CREATION_FAILED', Type: 'SAML' },
    ]);
    const described = await client.send(new DescribeInstanceCommand({ InstanceId: FAILED.id }));
    assert.equal(described.Instance?.InstanceStatus, 'CREATION_FAILED');
    assert.equal(emulator().journal.filter((e) => e.operation === 'ListInstances' && e.method === 'GET' && e.path === '/instance').length, 2);
});

test('ListInstances refuses a page size outside 1-10, as its model bounds it, with the error it declares', async () => {
    await assert.rejects(connectClient(emulator()).send(new ListInstancesCommand({ MaxResults: 11 })), (error: Error) => error.name === 'InvalidRequestException' && /maxResults/.test(error.message));
});
