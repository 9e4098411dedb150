// npm run invoke over the sam-tests events, each in its own process, as a user runs them; and
// its answers to bad input: one clear line, a non-zero exit, no stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';
import { tempDir } from '../support/temp-dir';

const stateDir = tempDir('invoke');

async function freePort(): Promise<number> {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
}

function run(script: string, args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', script), ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, CONNECT_USER_STATE_DIR: stateDir, ...env },
        timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the sam-tests events run green in order, each in its own process', async () => {
    const env = { CONNECT_EMULATOR_PORT: String(await freePort()) };
    for (const name of ['create', 'read', 'update', 'list', 'delete']) {
        const result = run('invoke.ts', ['TestEntrypoint', '--event', join(REPO_ROOT, 'sam-tests', `${name}.json`)], env);
        assert.equal(result.code, 0, `${name}: ${result.stderr.split('\n').filter((l) => l.startsWith('[invoke]') || l.startsWith('invoke')).join(' / ')}`);
        const event = JSON.parse(result.stdout);
        assert.equal(event.status, 'SUCCESS', name);
        if (name === 'update') assert.equal(event.resourceModel.RoutingProfileArn.endsWith('0003'), true);
        assert.equal(result.stdout.includes('SamTests-Passw0rd') || result.stderr.includes('SamTests-Passw0rd'), false, 'the password is never printed');
    }
    const gone = run('invoke.ts', ['TestEntrypoint', '--event', join(REPO_ROOT, 'sam-tests', 'read.json')], env);
    assert.equal(gone.code, 1, 'FAILED exits non-zero');
    assert.equal(JSON.parse(gone.stdout).errorCode, 'NotFound');
});

test('bad input: one clear line and a non-zero exit, no stack trace', async () => {
    const malformed = join(stateDir, 'malformed.json');
    writeFileSync(malformed, '{ "action": ');
    const cases: [string[], RegExp][] = [
        [['TestEntrypoint', '--event', join(stateDir, 'missing.json')], /^invoke: cannot read the event file .*missing\.json: no such file$/],
        [['TestEntrypoint', '--event', malformed], /^invoke: the event file .*malformed\.json is not valid JSON/],
        [['NoSuchFunction', '--event', malformed], /^invoke: unknown function NoSuchFunction: template\.yml declares TestEntrypoint, TypeFunction$/],
        [[], /^invoke: usage: npm run invoke/],
    ];
    for (const [args, message] of cases) {
        const result = run('invoke.ts', args);
        assert.equal(result.code, 2, args.join(' '));
        const lines = result.stderr.split('\n').filter((line) => line.trim() && !/nodedir|npm warn/.test(line));
        assert.equal(lines.length, 1, lines.join('\n'));
        assert.match(lines[0], message);
    }
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    try {
        const port = (busy.address() as { port: number }).port;
        const result = run('start-lambda.ts', ['--port', String(port)], { CONNECT_EMULATOR_PORT: String(await freePort()) });
        assert.equal(result.code, 2);
        assert.match(result.stderr.trim().split('\n').pop()!, new RegExp(`^start-lambda: port ${port} is already in use`));
        assert.equal(/\n\s+at /.test(result.stderr), false, 'no stack trace');
    } finally {
        busy.close();
    }
});

test('npm run demo drives a user through its whole life and says so', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'demo.ts')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    for (const action of ['CREATE', 'READ', 'UPDATE', 'LIST', 'DELETE']) assert.match(result.stdout, new RegExp(`✓ ${action}`));
    assert.match(result.stdout, /✓ READ +FAILED NotFound/);
    assert.match(result.stdout, /6 of 6 actions as expected/);
    assert.equal(result.stdout.includes('Demo-Passw0rd-Not-Printed'), false);
});
