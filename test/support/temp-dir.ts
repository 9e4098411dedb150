// A fresh directory under the OS temp dir, removed when the test (or, at top level, the test file)
// that made it ends: a test run leaves nothing behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export function tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}
