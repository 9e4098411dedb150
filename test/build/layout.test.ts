// The project's shape, as the README states it: dependencies point one way, the library's
// internals are touched in src/runtime/ only, and the README's layout names what the tree holds.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../../local/lambda-runtime/backend';

const CODE = /\.(ts|js|mjs)$/;
function files(dir: string): string[] {
    return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
        return CODE.test(entry.name) ? [path] : [];
    });
}

/** The top-level folder each relative import of `file` lands in. */
function importedFolders(file: string): string[] {
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
    return specifiers.map((specifier) => relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), specifier)).split('/')[0]);
}

const ALLOWED: Record<string, string[]> = {
    src: ['src'],
    local: ['local', 'src'],
    tools: ['tools', 'src'],
    scripts: ['scripts', 'local', 'src', 'tools'],
};

test('dependencies point one way: scripts -> local -> src, tools -> src, and nothing outside test/ imports it', () => {
    const wrong: string[] = [];
    for (const [folder, allowed] of Object.entries(ALLOWED)) {
        for (const file of files(folder)) {
            for (const target of importedFolders(file)) if (!allowed.includes(target)) wrong.push(`${file} imports from ${target}/`);
        }
    }
    assert.ok(files('scripts').length > 10 && files('src').length > 20, 'the walk finds the sources');
    assert.deepEqual(wrong, []);
});

test("the library's internals are touched in src/runtime/ only", () => {
    const internals = /\b(initializeRuntime|waitRunningProcesses|platformLoggerProxy|platformLambdaLogger|metricsPublisherProxy)\b|cloudformation-cli-typescript-lib\/dist/;
    // The bench builds the scaffold's reference from our sources less the initializeRuntime override: it names it to take it out.
    const MEASURES_WITHOUT_THE_OVERRIDES = ['scripts/bench.ts'];
    const outside = Object.keys(ALLOWED).flatMap(files).filter((file) => !file.startsWith('src/runtime/') && !MEASURES_WITHOUT_THE_OVERRIDES.includes(file) && internals.test(readFileSync(join(REPO_ROOT, file), 'utf8')));
    assert.ok(internals.test(readFileSync(join(REPO_ROOT, 'src/runtime/resource.ts'), 'utf8')), 'the check finds them where they are');
    assert.deepEqual(outside, []);
});

test("the README's layout names every folder and module of the tree, and nothing that is not there", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('## Layout')).split('```')[1];
    assert.ok(block, 'the README has a Layout block');
    // Its first column: paths, nested two spaces under their folder.
    const listed: string[] = [];
    let folder = '';
    for (const line of block.split('\n')) {
        const match = /^( *)(\S+)/.exec(line);
        if (!match || /^ {3,}/.test(line)) continue;
        for (const name of match[2].split(',').map((part) => part.trim()).filter(Boolean)) {
            const path = match[1] ? `${folder}${name}` : name;
            if (!match[1] && name.endsWith('/')) folder = name;
            listed.push(path.replace(/\/$/, ''));
        }
    }
    const line = readme.split('\n');
    assert.ok(listed.length > 20, `the layout lists the tree (${listed.length})`);
    assert.deepEqual(listed.filter((path) => !existsSync(join(REPO_ROOT, path))), [], 'listed, but not in the tree');
    // Every entry of these folders is named in the layout, by path or by name in its description.
    const words = new Set(block.split(/[^\w.-]+/).map((word) => word.replace(/\.(ts|js)$/, '')));
    const missing: string[] = [];
    for (const dir of ['src', 'src/handlers', 'src/runtime', 'local', 'scripts', 'tools']) {
        for (const name of readdirSync(join(REPO_ROOT, dir))) {
            const path = `${dir}/${name}`;
            if (listed.includes(path) || words.has(name.replace(/\.(ts|js)$/, '')) || (statSync(join(REPO_ROOT, path)).isDirectory() && words.has(`${name}/`))) continue;
            missing.push(path);
        }
    }
    assert.deepEqual(missing, [], `in the tree, but not in the README's layout (${line.length} README lines)`);
});

test('the README is read in minutes: at most 200 lines, and every page it links exists', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.split('\n').length <= 200, `${readme.split('\n').length} lines`);
    const links = [...readme.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((link) => !/^https?:/.test(link));
    assert.ok(links.length >= 8);
    assert.deepEqual(links.filter((link) => !existsSync(join(REPO_ROOT, link))), []);
});
