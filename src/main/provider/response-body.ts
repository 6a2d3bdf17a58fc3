// Reading a response body with a ceiling. The client asks for compressed
// answers (gzip, br) and fetch decodes them as they arrive, so a few KB on
// the wire can become gigabytes: the bytes are counted as they are decoded,
// and reading stops, with an error naming the request, once they pass the
// request's ceiling. Nothing larger than that is ever held in memory.
import { ProviderError } from './errors';

/** What the client asks for: Node's fetch (and Chromium) decode both. */
export const ACCEPTED_ENCODINGS = 'gzip, br';

/** Decoded size ceiling of a conference page: the contract's 5000 conferences are ~10-20 MB. */
export const PAGE_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Of any other answer (a session, an account, the periods, a rooms list of thousands of rooms). */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export function bodyTooLarge(request: string, maxBytes: number, attempts: number): ProviderError {
  return new ProviderError(
    'malformed',
    `The provider's answer to ${request} is larger than ${sizeText(maxBytes)} once decoded, the most the client accepts for it; it was not read further.`,
    { code: 'too_large', request, attempts },
  );
}

/**
 * The whole body's bytes (decoded from gzip/br, not from UTF-8); calls
 * `onProgress` per chunk so an idle timeout restarts while data flows. Throws
 * `bodyTooLarge` (and cancels the stream) as soon as the decoded bytes pass
 * `maxBytes`. The bytes own their buffer, so they can be moved to a thread.
 */
export async function readBodyBytes(response: Response, maxBytes: number, onProgress: () => void, tooLarge: () => Error): Promise<Uint8Array> {
  const announced = Number(response.headers.get('content-length'));
  // Content-Length counts the encoded bytes: above the ceiling, the decoded body is too.
  if (response.headers.get('content-encoding') === null && Number.isFinite(announced) && announced > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
    onProgress();
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** UTF-8 text of a body read by readBodyBytes. */
export function bodyText(body: Uint8Array): string {
  return new TextDecoder('utf-8').decode(body);
}

function sizeText(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
