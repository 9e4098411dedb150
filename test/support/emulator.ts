// Starting an emulator for a test file, and the clients and admin calls tests use on it.
import { ConnectClient } from '@aws-sdk/client-connect';
import { after, before } from 'node:test';
import { Emulator, EmulatorOptions, startEmulator } from '../../local/connect-emulator/server';
// Every emulator of this process is held to Connect's service model (conformance.ts).
import { checkConformanceAtEnd } from './conformance';

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDTESTEMULATOR', secretAccessKey: 'test-secret-key' };

/** One emulator for the whole test file; `current()` is valid inside tests. */
export function useEmulator(options: EmulatorOptions = {}) {
    let emulator: Emulator | undefined;
    before(async () => {
        emulator = await startEmulator(options);
    });
    after(async () => {
        await emulator?.close();
    });
    checkConformanceAtEnd();
    return () => {
        if (!emulator) throw new Error('the emulator did not start');
        return emulator;
    };
}

/** A ConnectClient on the emulator; no SDK retries unless asked, so faults are seen one for one. */
export function connectClient(emulator: Emulator, maxAttempts = 1) {
    return new ConnectClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, maxAttempts });
}
