// The Password sealed across IN_PROGRESS rounds (src/sealed.ts): it opens only with the request's
// token and binding, and an altered or truncated seal (a short tag included) does not open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seal, unseal } from '../../src/sealed';

const TOKEN = 'request-token-0123456789';
const BINDING = ['123456789012', 'us-east-1', 'MyUser', 'CREATE'];

test('a seal opens with its token and binding, and with nothing else', () => {
    const sealed = seal('Secret-Passw0rd', TOKEN, BINDING);
    assert.equal(unseal(sealed, TOKEN, BINDING), 'Secret-Passw0rd');
    assert.equal(sealed.includes('Secret'), false);
    assert.equal(unseal(sealed, `${TOKEN}x`, BINDING), undefined, 'another token');
    for (let i = 0; i < BINDING.length; i++) {
        const other = BINDING.map((part, j) => (j === i ? `${part}x` : part));
        assert.equal(unseal(sealed, TOKEN, other), undefined, `another ${['account', 'Region', 'logical resource', 'action'][i]}`);
    }
});

test('an altered or shortened seal does not open: no 4-byte tag, no flipped bit', () => {
    const bytes = Buffer.from(seal('Secret-Passw0rd', TOKEN, BINDING), 'base64');
    // The IV, a 4-byte prefix of the real tag, the ciphertext: GCM without a fixed tag length would check only 4 bytes.
    const shortTag = Buffer.concat([bytes.subarray(0, 12), bytes.subarray(12, 16), bytes.subarray(28)]).toString('base64');
    assert.equal(unseal(shortTag, TOKEN, BINDING), undefined);
    for (const at of [0, 12, 27, 28, bytes.length - 1]) {
        const flipped = Buffer.from(bytes);
        flipped[at] ^= 1;
        assert.equal(unseal(flipped.toString('base64'), TOKEN, BINDING), undefined, `bit flipped at ${at}`);
    }
    for (const garbage of ['', 'AAAA', 'not base64 at all', bytes.subarray(0, 16).toString('base64'), bytes.subarray(0, 28).toString('base64')]) assert.equal(unseal(garbage, TOKEN, BINDING), undefined);
});
