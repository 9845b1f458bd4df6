/**
 * PNG text chunks (iTXt, UTF-8) so an exported figure carries its citations
 * as metadata too, and a tiny header reader for its pixel size. Pure.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const ascii = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 33 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Insert uncompressed iTXt chunks (keyword → UTF-8 text) just before IEND. */
export function addPngText(bytes: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(bytes)) throw new Error('not a PNG');
  const iend = bytes.length - 12;
  const chunks = Object.entries(entries).map(([keyword, text]) => {
    const head = ascii(`${keyword}\0\0\0\0\0`); // keyword, compression flag 0, method 0, empty language tag and translated keyword
    const body = new TextEncoder().encode(text);
    const data = new Uint8Array(head.length + body.length);
    data.set(head);
    data.set(body, head.length);
    return chunk('iTXt', data);
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(bytes.length + total);
  out.set(bytes.subarray(0, iend));
  let at = iend;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  out.set(bytes.subarray(iend), at);
  return out;
}

/** The iTXt chunks of a PNG, keyword → text (uncompressed ones only). */
export function readPngText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'iTXt') {
      const data = bytes.subarray(at + 8, at + 8 + length);
      const end = data.indexOf(0);
      const keyword = String.fromCharCode(...data.subarray(0, end));
      let p = end + 3; // null, compression flag, method
      p = data.indexOf(0, p) + 1; // language tag
      p = data.indexOf(0, p) + 1; // translated keyword
      if (data[end + 1] === 0) out[keyword] = new TextDecoder().decode(data.subarray(p));
    }
    at += 12 + length;
  }
  return out;
}
