// `npm run bench:emulator`: requests per second for CreateUser and DescribeUser from the SDK,
// the emulator's memory with 10,000 users, and the time to page through them all.
import { ConnectClient, CreateUserCommand, DescribeUserCommand, paginateListUsers } from '@aws-sdk/client-connect';
import { Agent } from 'node:http';
import { seedArns } from '../local/connect-emulator/seed';
import { startEmulator } from '../local/connect-emulator/server';

const USERS = 10_000;
const CONCURRENCY = 16;
const seed = seedArns();

async function pool<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(count);
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
            const index = next++;
            results[index] = await work(index);
        }
    }));
    return results;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
function heap() {
    global.gc?.();
    return process.memoryUsage().heapUsed;
}

async function main() {
    const emulator = await startEmulator();
    const client = new ConnectClient({
        endpoint: emulator.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) },
    });
    const before = heap();
    let started = performance.now();
    const arns = await pool(USERS, async (i) =>
        (await client.send(new CreateUserCommand({
            InstanceId: seed.instanceArn,
            Username: `bench-${i}`,
            Password: 'Passw0rdBench',
            IdentityInfo: { FirstName: 'Bench', LastName: `User ${i}` },
            PhoneConfig: { PhoneType: 'SOFT_PHONE' },
            SecurityProfileIds: [seed.securityProfiles.Agent],
            RoutingProfileId: seed.routingProfiles['Basic Routing Profile'],
            Tags: { bench: 'true' },
        }))).UserArn!,
    );
    const createSeconds = (performance.now() - started) / 1000;
    const after = heap();

    const describes = 5_000;
    started = performance.now();
    await pool(describes, (i) => client.send(new DescribeUserCommand({ InstanceId: seed.instanceArn, UserId: arns[i % arns.length] })));
    const describeSeconds = (performance.now() - started) / 1000;

    const pageThrough = async (pageSize: number) => {
        const t = performance.now();
        let count = 0;
        let pages = 0;
        for await (const page of paginateListUsers({ client, pageSize }, { InstanceId: seed.instanceArn })) {
            count += page.UserSummaryList?.length ?? 0;
            pages++;
        }
        return { count, pages, ms: performance.now() - t };
    };
    const big = await pageThrough(1000);
    const small = await pageThrough(100);
    await emulator.close();

    console.log(`Connect emulator benchmark (SDK over HTTP on loopback, ${CONCURRENCY} concurrent requests)`);
    console.log(`  CreateUser    ${(USERS / createSeconds).toFixed(0).padStart(6)} req/s  (${USERS} users in ${createSeconds.toFixed(2)} s)`);
    console.log(`  DescribeUser  ${(describes / describeSeconds).toFixed(0).padStart(6)} req/s  (${describes} calls in ${describeSeconds.toFixed(2)} s)`);
    console.log(`  memory        ${mib(after - before)} of heap for ${USERS} users${global.gc ? '' : ' (run with --expose-gc for an exact figure)'}`);
    console.log(`  ListUsers     ${big.count} users in ${big.pages} pages of 1000: ${big.ms.toFixed(0)} ms; in ${small.pages} pages of 100: ${small.ms.toFixed(0)} ms`);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
