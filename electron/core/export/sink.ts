import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/// Where a format writer sends its bytes: a file on disk, an entry of a zip being written, or
/// anything else. Writers only ever append, so every format can stream.
export interface Sink {
  write(chunk: string | Uint8Array): void;
  /// Flush and finish this sink (a file is synced, a zip entry ends).
  end(): void;
  /// Bytes written so far.
  readonly bytes: number;
}

/// Characters (or bytes) gathered before they are encoded and handed on.
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

/// One buffer to encode into, shared by every sink: a flush encodes its text here and hands on a
/// view that is used (hashed, copied, deflated) before the flush returns, so an export of ten
/// thousand files does not leave ten thousand buffers behind for the collector. A flush that
/// starts while another is using the buffer gets a buffer of its own.
let shared = Buffer.allocUnsafe(4 * BUFFER);
let sharedBusy = false;

/// Gathers small writes until about 64 KiB and hands them on as one block of UTF-8: a writer may
/// append a few dozen characters at a time and still cost one encode, one hash update and one
/// system call per 64 KiB. Strings are joined by concatenation (V8 keeps them as a rope until
/// the one encode flattens it), so no array of parts is built. The bytes handed to `emit` are
/// only valid until it returns: a subclass that keeps them must copy them.
export abstract class BufferedSink implements Sink {
  private pending = '';
  bytes = 0;
  constructor(private readonly digests?: Digests) {}

  write(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.pending += chunk;
      if (this.pending.length >= BUFFER) this.flush();
      return;
    }
    // Bytes (an original file, a zip's output) pass on as they are, after what came before them.
    this.flush();
    if (chunk.length) this.pass(chunk);
  }

  /// True when nothing has been handed on yet and no text waits (for a writer that can do better
  /// with an entry written in one piece).
  protected get untouched(): boolean {
    return this.bytes === 0 && !this.pending;
  }

  protected flush(): void {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (sharedBusy || text.length * 3 > shared.length) {
      if (!sharedBusy && text.length * 3 <= 64 * BUFFER) shared = Buffer.allocUnsafe(text.length * 3);
      else return this.pass(Buffer.from(text, 'utf8'));
    }
    sharedBusy = true;
    try {
      this.pass(shared.subarray(0, shared.write(text, 0, 'utf8')));
    } finally {
      sharedBusy = false;
    }
  }

  protected pass(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    this.digests?.update(bytes);
    this.emit(bytes);
  }

  protected abstract emit(bytes: Uint8Array): void;
  abstract end(): void;
}

/// A file written through one descriptor, synced before it is closed so a rename after it never
/// publishes a file whose bytes are still in flight (`sync: false` for scratch files, which are
/// read back and removed, never published).
export class FileSink extends BufferedSink {
  private readonly fd: number;
  private closed = false;
  /// Bytes gathered for the next system call; small emits (zip headers) are joined here.
  private block = Buffer.allocUnsafe(BUFFER);
  private used = 0;

  constructor(
    path: string,
    digests?: Digests,
    private readonly options: { sync: boolean } = { sync: true },
  ) {
    super(digests);
    this.fd = openSync(path, 'wx');
  }
  protected emit(bytes: Uint8Array): void {
    if (this.used + bytes.length <= this.block.length) {
      this.block.set(bytes, this.used);
      this.used += bytes.length;
      if (this.used === this.block.length) this.drain();
      return;
    }
    this.drain();
    if (bytes.length < this.block.length / 2) {
      this.block.set(bytes, 0);
      this.used = bytes.length;
    } else this.writeAll(bytes);
  }
  private drain(): void {
    if (!this.used) return;
    this.writeAll(this.block.subarray(0, this.used));
    this.used = 0;
  }
  private writeAll(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
  }
  end(): void {
    if (this.closed) return;
    this.flush();
    this.drain();
    if (this.options.sync) fsyncSync(this.fd);
    this.close();
  }
  /// Close without flushing (used when an export is abandoned).
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
