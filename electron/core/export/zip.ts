import { closeSync, openSync, readSync } from 'node:fs';
import { deflateSync, type DeflateOptions } from 'fflate';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { BufferedSink, type Digests, FileSink, type Sink } from './sink.js';

/// Deflate level of zip entries unless told otherwise: level 6 costs more than twice the
/// time of level 1 on article text for files a few percent smaller.
export const ZIP_LEVEL = 1;

/// How an entry's bytes go into a zip: deflated at `level` (1 fastest … 9 smallest), or stored as
/// they are (0), for data that is compressed already.
export interface ZipEntryOptions {
  level?: number;
  /// Hashes of the entry's own bytes (before compression), for BagIt manifests.
  digests?: Digests;
}

const SYNC_FLUSH = { finishFlush: constants.Z_SYNC_FLUSH };
/// A final, empty deflate block (fixed Huffman codes, end of block): closes a stream of flushed chunks.
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/// General purpose flags: sizes and CRC follow the data (bit 3); names are UTF-8 (bit 11).
const FLAGS = 0x0808;

/// A zip archive (PKWARE APPNOTE 6.3) written in one pass, as a stream. Each entry is deflated as
/// its bytes arrive (see ZipEntrySink) and followed by a data descriptor, so neither an entry nor the
/// archive is ever held in memory; the central directory is spooled to a scratch file and copied
/// to the end, so memory stays the same for ten entries or a hundred thousand. ZIP64 records are
/// added when the archive needs them (more than 65,535 entries, or past 4 GiB).
export class ZipSink {
  private readonly directory: FileSink;
  private offset = 0;
  private entries = 0;
  private open: ZipEntrySink | null = null;
  private readonly time: number;
  private readonly date: number;

  /// `scratch`: a path beside the output for the spooled directory; the caller removes it.
  constructor(
    private readonly out: Sink,
    private readonly scratch: string,
  ) {
    this.directory = new FileSink(scratch, undefined, { sync: false });
    const now = new Date();
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.date = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /// Start an entry; the previous one must have ended.
  entry(name: string, options: ZipEntryOptions = {}): Sink {
    if (this.open && !this.open.ended) throw new Error(`zip entry ${this.open.name} is still open`);
    const level = options.level ?? ZIP_LEVEL;
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > MAX16) throw new Error(`zip entry name too long: ${name.slice(0, 80)}…`);
    const method = level === 0 ? 0 : 8;
    const header = Buffer.alloc(30 + nameBytes.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    // CRC and sizes (14–25) stay zero: the data descriptor after the data carries them.
    header.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(header, 30);
    const local = this.offset;
    this.emit(header);
    this.open = new ZipEntrySink(
      name,
      level,
      (bytes) => this.emit(bytes),
      (crc, compressed, size) => this.finishEntry(nameBytes, method, local, crc, compressed, size),
      options.digests,
    );
    return this.open;
  }

  /// An entry written in one piece (an article's text, an original file); returns its size.
  put(name: string, data: string | Uint8Array, options: ZipEntryOptions = {}): number {
    const entry = this.entry(name, options) as ZipEntrySink;
    if (typeof data === 'string') {
      entry.write(data);
      entry.end();
    } else entry.writeWhole(data);
    return entry.bytes;
  }

  private emit(bytes: Uint8Array): void {
    this.out.write(bytes);
    this.offset += bytes.length;
  }

  private finishEntry(name: Buffer, method: number, local: number, crc: number, compressed: number, size: number): void {
    if (compressed >= MAX32 || size >= MAX32) throw new Error(`zip entry ${name.toString()} is larger than 4 GiB`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    this.emit(descriptor);
    const far = local >= MAX32;
    const record = Buffer.alloc(46 + name.length + (far ? 12 : 0));
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
    record.writeUInt16LE(far ? 45 : 20, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(this.time, 12);
    record.writeUInt16LE(this.date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(far ? 12 : 0, 30);
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    record.writeUInt32LE(far ? MAX32 : local, 42);
    name.copy(record, 46);
    if (far) {
      const extra = 46 + name.length;
      record.writeUInt16LE(0x0001, extra);
      record.writeUInt16LE(8, extra + 2);
      record.writeBigUInt64LE(BigInt(local), extra + 4);
    }
    this.directory.write(record);
    this.entries++;
  }

  /// Copy the central directory to the end, write the end records and finish the output.
  end(): void {
    if (this.open && !this.open.ended) throw new Error(`zip entry ${this.open.name} is still open`);
    this.directory.end();
    const start = this.offset;
    const fd = openSync(this.scratch, 'r');
    try {
      for (;;) {
        const buf = Buffer.allocUnsafe(1 << 16);
        const n = readSync(fd, buf);
        if (n <= 0) break;
        this.emit(buf.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    const size = this.offset - start;
    if (this.entries >= MAX16 || start >= MAX32 || size >= MAX32) {
      const record = Buffer.alloc(56 + 20);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE((3 << 8) | 45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.entries), 24);
      record.writeBigUInt64LE(BigInt(this.entries), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      // The locator: where the ZIP64 end record starts; one disk.
      record.writeUInt32LE(0x07064b50, 56);
      record.writeBigUInt64LE(BigInt(this.offset), 64);
      record.writeUInt32LE(1, 72);
      this.emit(record);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(this.entries, MAX16), 8);
    end.writeUInt16LE(Math.min(this.entries, MAX16), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    this.emit(end);
    this.out.end();
  }

  /// Give up: close the spooled directory (the caller removes the scratch file and the output).
  close(): void {
    this.directory.close();
  }
}

/// One entry: bytes arrive (buffered to 64 KiB by the sink), are counted, checksummed, deflated
/// and handed on. An entry written in one piece (most are: articles, originals, records) is
/// deflated in one call by fflate, in JavaScript: a zlib context per entry is native memory the
/// allocator does not give back promptly, and a bag of ten thousand files grew its peak by tens
/// of MB that way, while fflate's working memory is ordinary garbage (and as fast for small
/// entries). A longer entry goes through Node's zlib piece by piece, each piece deflated with a
/// sync flush so the pieces join into one deflate stream, closed by a final empty block.
class ZipEntrySink extends BufferedSink {
  ended = false;
  private crc = 0;
  private size = 0;
  private compressed = 0;

  constructor(
    readonly name: string,
    private readonly level: number,
    private readonly send: (bytes: Uint8Array) => void,
    private readonly done: (crc: number, compressed: number, size: number) => void,
    digests?: Digests,
  ) {
    super(digests);
  }

  protected emit(bytes: Uint8Array): void {
    this.push(bytes, this.whole);
  }

  /// Set while the entry's only block passes: it goes out deflated and final in one call.
  private whole = false;

  private out(bytes: Uint8Array): void {
    this.compressed += bytes.length;
    if (bytes.length) this.send(bytes);
  }

  private push(chunk: Uint8Array, final: boolean): void {
    const first = this.size === 0;
    this.size += chunk.length;
    this.crc = crc32(chunk, this.crc);
    // zlib's output buffer sized to the input (deflate adds a few bytes at worst), not its 16 KiB default.
    const chunkSize = Math.max(64, chunk.length + (chunk.length >> 6) + 64);
    if (this.level === 0) this.out(chunk);
    else if (final && first) this.out(deflateSync(chunk, { level: this.level as DeflateOptions['level'] }));
    else {
      if (chunk.length) this.out(deflateRawSync(chunk, { ...SYNC_FLUSH, level: this.level, chunkSize }));
      if (final) this.out(FINAL_BLOCK);
    }
  }

  end(): void {
    if (this.ended) return;
    if (this.bytes === 0) {
      // Nothing handed on yet: the whole entry is what waits, deflated and closed in one call.
      this.whole = true;
      this.flush();
      if (this.size === 0) this.push(new Uint8Array(0), true);
    } else {
      this.flush();
      this.push(new Uint8Array(0), true);
    }
    this.ended = true;
    this.done(this.crc, this.compressed, this.size);
  }

  /// An entry given as bytes in one piece: deflated in one call, as `end` does for text.
  writeWhole(bytes: Uint8Array): void {
    if (!this.untouched) throw new Error(`zip entry ${this.name} has been written to already`);
    this.whole = true;
    this.pass(bytes);
    this.ended = true;
    this.done(this.crc, this.compressed, this.size);
  }
}
