// The Password across IN_PROGRESS rounds before CreateUser has succeeded. CloudFormation hands
// the returned model back as the next invocation's properties, and no event may carry the
// Password, so the callback context carries it sealed (AES-256-GCM) under a key derived from the
// request's token: the token comes in every invocation of the request and in no response.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const keyFor = (token: string) => createHash('sha256').update('aws-connect-user:password\u0000').update(token).digest();

export function seal(secret: string, token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyFor(token), iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The secret, or undefined when the token is not the one it was sealed with (or the text was altered). */
export function unseal(sealed: string, token: string): string | undefined {
    try {
        const bytes = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', keyFor(token), bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
        return undefined;
    }
}
