// aws-sdk v2 stays off the cold path, yet with provider credentials the library still delivers
// logs and metrics: the lazy stand-ins load the real v2 clients, whose HTTPS calls are sent to a
// local stand-in of CloudWatch Logs, CloudWatch and S3 here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { AWS_SDK_V2_BUNDLE, BUNDLE } from '../../scripts/build';
import { seedArns } from '../../local/connect-emulator/seed';
import { useEmulator } from '../support/emulator';
import { handlerRequest, invokeRaw, loadBundle } from '../support/lambda';

const emulator = useEmulator();
const PROVIDER = { accessKeyId: 'AKIDPROVIDERLOGS001', secretAccessKey: 'provider-secret-key', sessionToken: 'provider-session' };

test('loading the bundle and handling a request without provider credentials never loads aws-sdk v2', () => {
    const script = `
        const bundle = require(${JSON.stringify(BUNDLE)});
        bundle.entrypoint({ action: 'READ' }, {}).then(() => {
            const loaded = Object.keys(require.cache).filter((k) => k.includes('aws-sdk'));
            process.stdout.write(JSON.stringify(loaded));
        });`;
    assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })), []);
});

test('with provider credentials the library loads the real v2 clients and delivers logs and metrics', async () => {
    const seen: { host: string; target?: string; action?: string; credential?: string }[] = [];
    const standIn = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
            const host = String(req.headers['x-original-host']);
            const target = req.headers['x-amz-target'] as string | undefined;
            seen.push({ host, target, action: /Action=(\w+)/.exec(body)?.[1], credential: /Credential=([A-Z0-9]+)\//.exec(String(req.headers.authorization))?.[1] });
            if (host.startsWith('logs.')) {
                const answers: Record<string, unknown> = {
                    'Logs_20140328.DescribeLogStreams': { logStreams: [] },
                    'Logs_20140328.PutLogEvents': { nextSequenceToken: '2' },
                };
                res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answers[target ?? ''] ?? {}));
            } else if (host.startsWith('monitoring.')) {
                res.writeHead(200, { 'content-type': 'text/xml' }).end('<PutMetricDataResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PutMetricDataResponse>');
            } else {
                res.writeHead(200, { 'content-type': 'application/xml' }).end('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>');
            }
        });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const port = (standIn.address() as AddressInfo).port;
    const original = https.request;
    // Every HTTPS call the v2 clients make goes to the stand-in instead of AWS.
    (https as any).request = (options: any, callback: any) => {
        const { agent: _agent, ...rest } = options;
        return httpRequest({ ...rest, protocol: 'http:', host: '127.0.0.1', hostname: '127.0.0.1', port, headers: { ...options.headers, 'x-original-host': options.hostname ?? options.host } }, callback);
    };
    try {
        loadBundle(emulator().endpoint);
        assert.equal(require.cache[AWS_SDK_V2_BUNDLE], undefined, 'not loaded before');
        const event: any = handlerRequest('READ', { UserArn: `${seedArns().instanceArn}/agent/00000000-0000-4000-8000-000000000001` });
        event.requestData.providerCredentials = PROVIDER;
        event.requestData.providerLogGroupName = 'aws-connect-user-logs';
        const result = await invokeRaw(event);
        assert.equal(result.errorCode, 'NotFound', 'the handler answers as always');
        assert.ok(require.cache[AWS_SDK_V2_BUNDLE], 'the v2 clients were loaded');
        const logCalls = seen.filter((s) => s.host.startsWith('logs.us-east-1')).map((s) => s.target);
        assert.ok(logCalls.includes('Logs_20140328.CreateLogStream'), JSON.stringify(seen));
        assert.ok(logCalls.includes('Logs_20140328.PutLogEvents'), JSON.stringify(seen));
        assert.ok(seen.some((s) => s.host.startsWith('monitoring.us-east-1') && s.action === 'PutMetricData'), 'metrics were published');
        assert.ok(seen.every((s) => s.credential === PROVIDER.accessKeyId), 'signed with the provider credentials, not the caller credentials');
    } finally {
        (https as any).request = original;
        standIn.close();
    }
});
