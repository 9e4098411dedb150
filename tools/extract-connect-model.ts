// `npx tsx tools/extract-connect-model.ts [--from .../botocore/data/connect/2017-08-08/service-2.json.gz]`
// Writes test/fixtures/connect-model.json: from the machine-readable Amazon Connect API model that
// botocore ships (Apache-2.0), the operations the handlers call and every shape they reach, without
// documentation, with the botocore version it came from. Test data only: the conformance test holds
// the emulator to it. Without --from it asks python3 where botocore is.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OPERATIONS } from '../src/client';

export const MODEL_FIXTURE = join(__dirname, '..', 'test', 'fixtures', 'connect-model.json');
type Json = Record<string, any>;

function locate(): string {
    const from = process.argv.indexOf('--from');
    if (from >= 0) return process.argv[from + 1];
    const root = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
    return join(root, 'data', 'connect', '2017-08-08', 'service-2.json.gz');
}

function main() {
    const file = locate();
    const raw = readFileSync(file);
    const model: Json = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    const botocore = dirname(dirname(dirname(dirname(file))));
    const version = /__version__ = '([^']+)'/.exec(readFileSync(join(botocore, '__init__.py'), 'utf8'))?.[1] ?? 'unknown';
    const shapes: Json = {};
    const reach = (name: string) => {
        if (shapes[name]) return;
        const { documentation: _documentation, ...shape } = model.shapes[name];
        if (shape.members) {
            shape.members = Object.fromEntries(Object.entries<Json>(shape.members).map(([member, { documentation: _doc, ...rest }]) => [member, rest]));
        }
        shapes[name] = shape;
        for (const member of Object.values<Json>(shape.members ?? {})) reach(member.shape);
        if (shape.member) reach(shape.member.shape);
        if (shape.key) reach(shape.key.shape);
        if (shape.value) reach(shape.value.shape);
    };
    const operations: Json = {};
    for (const name of [...OPERATIONS].sort()) {
        const { http, input, output, errors } = model.operations[name];
        operations[name] = { http, input, output, errors };
        for (const ref of [input, output, ...(errors ?? [])]) if (ref) reach(ref.shape);
    }
    const fixture = {
        source: { package: 'botocore', version, file: 'botocore/data/connect/2017-08-08/service-2.json', license: 'Apache-2.0', extractedBy: 'tools/extract-connect-model.ts' },
        metadata: { protocol: model.metadata.protocol, apiVersion: model.metadata.apiVersion },
        operations,
        shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    writeFileSync(MODEL_FIXTURE, `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`wrote ${MODEL_FIXTURE}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes, from botocore ${version}`);
}

if (require.main === module) main();
