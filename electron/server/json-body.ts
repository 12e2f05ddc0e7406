import type { IncomingMessage } from 'node:http';

/// The largest API body accepted: uploads of files to import arrive base64-encoded in JSON.
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

/// Why a body could not be read: too large (413) or not JSON (400).
export class BodyError extends Error {
  constructor(
    readonly status: 413 | 400,
    message: string,
  ) {
    super(message);
  }
}

/// Read a request body as JSON, refusing it as soon as it exceeds `limit` bytes (declared or
/// actual), so an oversized upload costs no memory. An empty body is an empty object.
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch (e) {
    throw new BodyError(400, `The request body is not JSON: ${(e as Error).message}`);
  }
}

function tooLarge(limit: number): BodyError {
  return new BodyError(413, `The request is larger than ${Math.round(limit / 1024 / 1024)} MB; import large folders with "qalam import" instead.`);
}
