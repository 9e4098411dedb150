// The region-wide LIST's nextToken: what it encodes comes back, and a token that was altered,
// cut, or made for another account or Region does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../src/list-cursor';

const instanceId = fc.stringMatching(/^[-a-zA-Z0-9]{1,100}$/);
const cursor = fc.record({ instanceId, usersToken: fc.option(fc.string({ minLength: 1, maxLength: 300 }), { nil: undefined }) }, { requiredKeys: ['instanceId'] });
const SCOPE = '123456789012:us-east-1';

test('a cursor comes back as it went out', () => {
    fc.assert(
        fc.property(cursor, (c) => {
            const expected = c.usersToken === undefined ? { instanceId: c.instanceId } : { instanceId: c.instanceId, usersToken: c.usersToken };
            assert.deepEqual(decodeCursor(encodeCursor(c, SCOPE), SCOPE), expected);
        }),
        { numRuns: 300 },
    );
});

test('one character changed anywhere, or the token cut, is not a token', () => {
    fc.assert(
        fc.property(cursor, fc.nat(), fc.constantFrom('A', 'b', '9', '-', '.', '_'), (c, at, replacement) => {
            const token = encodeCursor(c, SCOPE);
            const i = at % token.length;
            if (token[i] === replacement) return;
            assert.equal(decodeCursor(token.slice(0, i) + replacement + token.slice(i + 1), SCOPE), undefined);
            assert.equal(decodeCursor(token.slice(0, i), SCOPE), undefined);
        }),
        { numRuns: 300 },
    );
});

test('a token of another account or Region, or not of this handler, is refused', () => {
    const token = encodeCursor({ instanceId: 'abc', usersToken: 'next' }, SCOPE);
    assert.equal(decodeCursor(token, '123456789012:eu-west-2'), undefined);
    assert.equal(decodeCursor(token, '210987654321:us-east-1'), undefined);
    for (const other of ['', 'r1..', 'eyJzY29wZSI6InVzZXJzIn0', '{"instanceId":"abc"}', 'r1.W10.0000000000000000']) assert.equal(decodeCursor(other, SCOPE), undefined, other);
});

test('a token far longer than any cursor is refused before it is read', () => {
    const good = encodeCursor({ instanceId: 'i-1', usersToken: 'connect-token' }, 'scope');
    assert.equal(decodeCursor(`${good}${'x'.repeat(5_000_000)}`, 'scope'), undefined);
});
