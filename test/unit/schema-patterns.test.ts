// Every pattern of the schema compiles, and means the same, in each engine CloudFormation's
// callers read it with: ECMA-262 with the u flag (ajv, this handler), Python's re (cfn CLI,
// cfn-lint) and Java's java.util.regex (the Java plugin), each as JSON Schema applies a pattern
// (a search, not a full match). Node always; python3 and java where the machine has them.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResourceSchema } from '../../tools/resource-schema';

/** Every pattern in the schema, by pointer. */
function patterns(): Record<string, string> {
    const found: Record<string, string> = {};
    const walk = (node: unknown, pointer: string) => {
        if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${pointer}/${i}`));
        else if (node && typeof node === 'object') {
            for (const [key, value] of Object.entries(node)) {
                if (key === 'pattern' && typeof value === 'string') found[pointer] = value;
                else walk(value, `${pointer}/${key}`);
            }
        }
    };
    walk(loadResourceSchema(), '');
    return found;
}

const ARN = 'arn:aws:connect:us-east-1:123456789012:instance/5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
/** Strings on which engines are known to part ways: line ends, Unicode digits and spaces, astral letters. */
const TRICKY = ['', 'a', 'abc\n', '\nabc', 'abc\r', 'abc\u2028', 'abc\u0085', '\u0663', '\u00a0', '\ufeff', '\u{1F600}', 'ü', 'x'.repeat(300)];
/** For each pattern (by the end of its pointer): strings it must accept, and strings it must refuse, in every engine. */
const AGREED: Record<string, { accept: string[]; refuse: string[] }> = {
    '/InstanceArn': { accept: [ARN], refuse: [`${ARN}\n`, `${ARN}/agent/x`, ARN.replace('123456789012', '\u0661\u0662\u0663456789012')] },
    '/UserArn': { accept: [`${ARN}/agent/abc-123`], refuse: [`${ARN}/agent/abc\n`] },
    '/RoutingProfileArn': { accept: [`${ARN}/routing-profile/r1`], refuse: [`${ARN}/routing-profile/r1\n`] },
    '/HierarchyGroupArn': { accept: [`${ARN}/agent-group/g1`], refuse: [`${ARN}/agent-group/g 1`] },
    '/SecurityProfileArn': { accept: [`${ARN}/security-profile/s1`], refuse: [`${ARN}/security-profile/s1\n`] },
    '/Username': { accept: ['ada.lovelace', 'ada_l-1@example.com'], refuse: ['ada lovelace', 'ada\n', 'adü'] },
    // Unicode spaces (U+00A0...) pass the pattern; the handler's own rules refuse them (validate.ts).
    '/Password': { accept: ['Passw0rd!', 'Pässw0rd-ü', 'Passw0rd\u{1F600}'], refuse: ['Passw0rd\n', 'Pass w0rd', 'Pass\tw0rd', 'Passw\u0663rdA', 'password1', 'PASSWORD1', 'Pw0rd'] },
    '/Mobile': { accept: ['+14155550100'], refuse: ['+1415555010\u0663', '+14155550100\n', '14155550100'] },
    '/DeskPhoneNumber': { accept: ['+14155550100'], refuse: ['+14155550100\n'] },
    '/PhoneNumber': { accept: ['+442079460000'], refuse: ['+44 2079460000'] },
    '/SecondaryEmail': { accept: ['ada@example.org'], refuse: ['ada@example', `${'a'.repeat(260)}@example.org`, 'ada\n@example.org'] },
    // Tag keys: anything but the aws: prefix; Connect itself refuses the keys it does not take.
    '/Key': { accept: ['cost center', 'owner@team', 'Kostenstelle-ü', 'a+b-c=d', 'x/y:z', 'cost;center'], refuse: ['aws:owner', 'aws:'] },
};
const agreedFor = (pointer: string) => Object.entries(AGREED).find(([end]) => pointer.endsWith(end))?.[1];

/** The tricky strings and every agreed sample of every pattern: more cases than each pattern's own. */
function samplesFor(): string[] {
    return [...TRICKY, ...Object.values(AGREED).flatMap((a) => [...a.accept, ...a.refuse])];
}

const cases = Object.entries(patterns()).flatMap(([pointer, pattern]) => samplesFor().map((sample) => ({ pointer, pattern, sample })));
/** Hex with a leading x, so an empty string is still a field. */
const hex = (text: string) => `x${Buffer.from(text, 'utf8').toString('hex')}`;

/** Python's re.search over every case; undefined when there is no python3. */
function python(): boolean[] | undefined {
    const script = 'import sys,re\nfor line in sys.stdin:\n    p,s=[bytes.fromhex(x[1:]).decode() for x in line.split()]\n    print(1 if re.search(p,s) else 0)\n';
    const run = spawnSync('python3', ['-c', script], { input: cases.map((c) => `${hex(c.pattern)} ${hex(c.sample)}`).join('\n') + '\n', encoding: 'utf8' });
    if (run.error) return undefined;
    assert.equal(run.status, 0, run.stderr);
    return run.stdout.trim().split('\n').map((v) => v === '1');
}

/** Java's Pattern.compile(p).matcher(s).find(); undefined when there is no java. */
function java(): boolean[] | undefined {
    if (spawnSync('java', ['-version']).error) return undefined;
    const dir = mkdtempSync(join(tmpdir(), 'patterns-'));
    const source = join(dir, 'Patterns.java');
    writeFileSync(source, [
        'import java.io.*; import java.nio.charset.StandardCharsets; import java.util.regex.Pattern;',
        'public class Patterns { static String d(String h) { byte[] b = new byte[(h.length() - 1) / 2];',
        '  for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(1 + 2 * i, 3 + 2 * i), 16);',
        '  return new String(b, StandardCharsets.UTF_8); }',
        '  public static void main(String[] a) throws IOException { BufferedReader r = new BufferedReader(new InputStreamReader(System.in));',
        '    for (String l; (l = r.readLine()) != null; ) { String[] p = l.split(" ", -1);',
        '      System.out.println(Pattern.compile(d(p[0])).matcher(d(p[1])).find() ? 1 : 0); } } }',
    ].join('\n'));
    const output = execFileSync('java', [source], { input: cases.map((c) => `${hex(c.pattern)} ${hex(c.sample)}`).join('\n') + '\n', encoding: 'utf8' });
    return output.trim().split('\n').map((v) => v === '1');
}

const ecma = () => cases.map(({ pattern, sample }) => new RegExp(pattern, 'u').test(sample));

test('the schema has patterns, and the agreed samples hold in ECMA-262', () => {
    assert.ok(Object.keys(patterns()).length >= 10);
    for (const [pointer, pattern] of Object.entries(patterns())) {
        const agreed = agreedFor(pointer);
        assert.ok(agreed, `no agreed samples for ${pointer}`);
        for (const sample of agreed.accept) assert.ok(new RegExp(pattern, 'u').test(sample), `${pointer} accepts ${JSON.stringify(sample)}`);
        for (const sample of agreed.refuse) assert.ok(!new RegExp(pattern, 'u').test(sample), `${pointer} refuses ${JSON.stringify(sample)}`);
    }
});

for (const [engine, run] of [['python3 re', python], ['java.util.regex', java]] as const) {
    test(`every pattern compiles in ${engine} and decides every sample as ECMA-262 does`, (t) => {
        const results = run();
        if (!results) return t.skip(`${engine.split(' ')[0]} is not on this machine`);
        const expected = ecma();
        const differing = cases.filter((_, i) => results[i] !== expected[i]).map((c) => `${c.pointer} on ${JSON.stringify(c.sample)}: ECMA-262 ${expected[cases.indexOf(c)]}`);
        assert.deepEqual(differing, []);
        assert.equal(results.length, cases.length);
    });
}

// cfn test draws its inputs from the patterns: ^ and $ become \\A and \\Z, compiled with re.ASCII,
// strings drawn by hypothesis (rpdk.core.contract.resource_generator). It must be able to draw
// from each; the script does what that module does, so it runs without the CLI.
test('cfn test\'s input generator draws a string from every pattern', (t) => {
    const script = [
        'import sys, re, warnings',
        'warnings.filterwarnings("ignore")',
        'try:',
        '    from hypothesis.strategies import from_regex',
        'except ImportError:',
        '    print("no hypothesis"); sys.exit(0)',
        'def terminate(r):',
        '    r = "\\\\A" + r[1:] if r.startswith("^") else r',
        '    return r[:-1] + "\\\\Z" if r.endswith("$") else r',
        'for line in sys.stdin:',
        '    p = bytes.fromhex(line.strip()[1:]).decode()',
        '    try:',
        '        from_regex(re.compile(terminate(p), re.ASCII)).example()',
        '        print("ok")',
        '    except Exception as e:',
        '        print("fails: " + type(e).__name__ + ": " + str(e)[:120])',
    ].join('\n');
    const unique = [...new Set(Object.values(patterns()))];
    const run = spawnSync('python3', ['-c', script], { input: unique.map(hex).join('\n') + '\n', encoding: 'utf8', timeout: 120_000 });
    if (run.error) return t.skip('python3 is not on this machine');
    if (run.stdout.startsWith('no hypothesis')) return t.skip('python3 has no hypothesis');
    assert.equal(run.status, 0, run.stderr);
    const answers = run.stdout.trim().split('\n');
    assert.deepEqual(unique.map((p, i) => `${p}: ${answers[i]}`).filter((line) => !line.endsWith(': ok')), []);
});

test('the check can fail: a pattern with \\d parts ways with Python on a Unicode digit', (t) => {
    const run = spawnSync('python3', ['-c', 'import re,sys; print(1 if re.search(r"^[+][0-9]\\d$", "+1\\u0663") else 0)'], { encoding: 'utf8' });
    if (run.error) return t.skip('python3 is not on this machine');
    assert.equal(run.stdout.trim(), '1');
    assert.equal(/^[+][0-9]\d$/u.test('+1\u0663'), false);
});
