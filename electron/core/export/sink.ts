import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';

/// Where a format writer sends its bytes: a file on disk, an entry of a zip being written, or
/// anything else. Writers only ever append, so every format can stream.
export interface Sink {
  write(chunk: string | Uint8Array): void;
  /// Flush and finish this sink (a file is synced, a zip entry ends).
  end(): void;
  /// Bytes written so far.
  readonly bytes: number;
}

const encoder = new TextEncoder();
const BUFFER = 1 << 16;

/// Hashes what passes through, for BagIt manifests: one pass over the bytes, no re-read.
export class Digests {
  private readonly hashes: Hash[];
  constructor(readonly algorithms: readonly string[]) {
    this.hashes = algorithms.map((a) => createHash(a));
  }
  update(bytes: Uint8Array): void {
    for (const h of this.hashes) h.update(bytes);
  }
  hex(): string[] {
    return this.hashes.map((h) => h.digest('hex'));
  }
}

/// Collects strings until about 64 KiB and hands them on as bytes: thousands of small writes of a
/// few dozen characters cost one system call per 64 KiB instead of one each.
abstract class BufferedSink implements Sink {
  private parts: (string | Uint8Array)[] = [];
  private pending = 0;
  bytes = 0;
  constructor(private readonly digests?: Digests) {}

  write(chunk: string | Uint8Array): void {
    this.parts.push(chunk);
    this.pending += chunk.length;
    if (this.pending >= BUFFER) this.flush();
  }

  protected flush(): void {
    if (!this.parts.length) return;
    const bytes =
      this.parts.length === 1 && typeof this.parts[0] !== 'string'
        ? (this.parts[0] as Uint8Array)
        : this.parts.every((p) => typeof p === 'string')
          ? encoder.encode((this.parts as string[]).join(''))
          : Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    this.parts = [];
    this.pending = 0;
    this.bytes += bytes.length;
    this.digests?.update(bytes);
    this.emit(bytes);
  }

  protected abstract emit(bytes: Uint8Array): void;
  abstract end(): void;
}

/// A file written through one descriptor, synced before it is closed so a rename after it never
/// publishes a file whose bytes are still in flight.
export class FileSink extends BufferedSink {
  private readonly fd: number;
  private closed = false;
  constructor(path: string, digests?: Digests) {
    super(digests);
    this.fd = openSync(path, 'wx');
  }
  protected emit(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }
  end(): void {
    if (this.closed) return;
    this.flush();
    fsyncSync(this.fd);
    this.close();
  }
  /// Close without flushing (used when an export is abandoned).
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/// A zip written as it goes: each entry is deflated and handed to the underlying sink as soon as
/// it is written, so one entry at a time is open and nothing waits in memory.
export class ZipSink {
  private readonly zip: Zip;
  private error: Error | null = null;
  private open: ZipEntrySink | null = null;

  constructor(private readonly out: Sink) {
    this.zip = new Zip((err, data) => {
      if (err) this.error = err;
      else if (data.length) out.write(data);
    });
  }

  /// Start an entry; the previous one must have ended (fflate would otherwise queue this one in memory).
  entry(name: string, options: { store?: boolean; digests?: Digests } = {}): Sink {
    if (this.open && !this.open.ended) throw new Error(`zip entry ${this.open.name} is still open`);
    const file = new ZipDeflate(name, { level: options.store ? 0 : 6 });
    file.mtime = new Date();
    this.zip.add(file);
    this.open = new ZipEntrySink(name, file, options.digests);
    return this.open;
  }

  /// Write the central directory and finish the underlying sink.
  end(): void {
    this.zip.end();
    if (this.error) throw this.error;
    this.out.end();
  }
}

class ZipEntrySink extends BufferedSink {
  ended = false;
  constructor(
    readonly name: string,
    private readonly file: ZipDeflate,
    digests?: Digests,
  ) {
    super(digests);
  }
  protected emit(bytes: Uint8Array): void {
    this.file.push(bytes, false);
  }
  end(): void {
    if (this.ended) return;
    this.flush();
    this.file.push(new Uint8Array(0), true);
    this.ended = true;
  }
}
