// Zip archives for the registry package and Lambda, with fflate. Reproducible: every entry has
// the same fixed time (1980-01-01, zip's earliest) and Unix mode -rw-r--r--, in the order given.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
    name: string;
    data: Buffer;
}

// Local time: zip stores the time as local fields, so this gives the same bytes in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const READABLE_FILE = (0o100644 << 16) >>> 0;

/** A zip of the entries; `store` leaves them uncompressed (as `cfn submit` writes its outer zip). */
export function writeZip(entries: ZipEntry[], options: { store?: boolean } = {}): Buffer {
    const files: Zippable = {};
    for (const { name, data } of entries) files[name] = [new Uint8Array(data), { level: options.store ? 0 : 9, mtime: FIXED_TIME, os: 3, attrs: READABLE_FILE }];
    return Buffer.from(zipSync(files));
}

/** The entries of a zip (stored or deflated); fflate checks each one's size and CRC-32. */
export function readZip(zip: Buffer): ZipEntry[] {
    return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}
