// The Password across IN_PROGRESS rounds before CreateUser has succeeded. CloudFormation hands
// the returned model back as the next invocation's properties, and no event may carry the
// Password, so the callback context carries it sealed (AES-256-GCM, a full 16-byte tag) under a
// key derived by HKDF-SHA256 from the request's token, which comes in every invocation of the
// request and in no response, and bound to where it was sealed (account, Region, logical
// resource, action): a context moved to another resource or request does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = 'aws-connect-user:sealed-password:v2';

const keyFor = (token: string, binding: readonly string[]) => Buffer.from(hkdfSync('sha256', token, SALT, JSON.stringify(binding), 32));

export function seal(secret: string, token: string, binding: readonly string[]): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keyFor(token, binding), iv, { authTagLength: TAG_BYTES });
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The secret, or undefined when the token or the binding is not the one it was sealed with (or the text was altered). */
export function unseal(sealed: string, token: string, binding: readonly string[]): string | undefined {
    try {
        const bytes = Buffer.from(sealed, 'base64');
        if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
        const decipher = createDecipheriv('aes-256-gcm', keyFor(token, binding), bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
        return undefined;
    }
}
