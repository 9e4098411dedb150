// Starting a local HTTP server (the emulator, the Lambda Invoke API) and naming its endpoint.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on host:port (0 picks a free port) and answers the endpoint URL; a listen error rejects. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
    // A client that aborts mid-request must not take the server down.
    server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { address, port: bound } = server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
}
