// Zip archives for the registry package and Lambda: written with yazl (node:zlib's deflate at
// level 9, a few KiB smaller than fflate's on the bundle), read with fflate. Reproducible: every
// entry has the same fixed time (1980-01-01, a DOS timestamp only) and mode -rw-r--r--.
import { unzipSync } from 'fflate';
import { buffer } from 'node:stream/consumers';
import { ZipFile } from 'yazl';

export interface ZipEntry {
    name: string;
    data: Buffer;
}

// Local time: a DOS timestamp stores local fields, so this gives the same bytes in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** A zip of the entries, in the order given; `store` leaves them uncompressed (as `cfn submit` writes its outer zip). */
export async function writeZip(entries: ZipEntry[], options: { store?: boolean } = {}): Promise<Buffer> {
    const zip = new ZipFile();
    for (const { name, data } of entries) zip.addBuffer(data, name, { mtime: FIXED_TIME, mode: 0o100644, compressionLevel: options.store ? 0 : 9, forceDosTimestamp: true });
    zip.end();
    return buffer(zip.outputStream);
}

/** The entries of a zip (stored or deflated); fflate checks each one's size and CRC-32. */
export function readZip(zip: Buffer): ZipEntry[] {
    return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
