// Zip archives, written and read with node:zlib alone: what the registry package and Lambda take.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
    name: string;
    data: Buffer;
}

// A fixed timestamp (1980-01-01) keeps packages byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of the entries; `store` leaves them uncompressed (as `cfn submit` writes its outer zip). */
export function writeZip(entries: ZipEntry[], options: { store?: boolean } = {}): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const { name, data } of entries) {
        const fileName = Buffer.from(name, 'utf8');
        const compressed = options.store ? data : deflateRawSync(data, { level: 9 });
        const method = options.store ? 0 : 8;
        const crc = crc32(data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4);
        local.writeUInt16LE(0x0800, 6); // UTF-8 names
        local.writeUInt16LE(method, 8);
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(compressed.length, 18);
        local.writeUInt32LE(data.length, 22);
        local.writeUInt16LE(fileName.length, 26);
        local.writeUInt16LE(0, 28);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(0x031e, 4); // made by: Unix, version 3.0
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(method, 10);
        central.writeUInt16LE(DOS_TIME, 12);
        central.writeUInt16LE(DOS_DATE, 14);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(compressed.length, 20);
        central.writeUInt32LE(data.length, 24);
        central.writeUInt16LE(fileName.length, 28);
        central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
        central.writeUInt32LE(offset, 42);
        locals.push(local, fileName, compressed);
        centrals.push(central, fileName);
        offset += local.length + fileName.length + compressed.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip (stored or deflated), checked against their CRC-32. */
export function readZip(zip: Buffer): ZipEntry[] {
    const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (endAt < 0) throw new Error('not a zip archive: no end of central directory');
    const count = zip.readUInt16LE(endAt + 10);
    let at = zip.readUInt32LE(endAt + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
        const method = zip.readUInt16LE(at + 10);
        const crc = zip.readUInt32LE(at + 16);
        const size = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        const localAt = zip.readUInt32LE(at + 42);
        const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
        const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
        const raw = zip.subarray(dataAt, dataAt + size);
        const data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
        if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
        entries.push({ name, data });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
