import { ELD_LANGS, ELD_NGRAMS_B64 } from "./eld-large-data";

/**
 * ELD's n-gram table as an open-addressing hash over typed arrays. ELD keeps one JS object per n-gram
 * keyed by a string of byte-characters; hashing packed integers instead avoids building those strings
 * and the object walk per n-gram, which is where ELD spends its time.
 *
 * Key: lo = up to 4 UTF-8 bytes packed little-endian; hi = byteLength | leading<<3 | trailing<<4 (never 0).
 */
export interface NgramTable {
  langs: readonly string[];
  mask: number;
  keyLo: Int32Array;
  keyHi: Uint8Array;
  /** Start of the slot's postings in postLang/postValue. */
  start: Int32Array;
  count: Uint8Array;
  postLang: Uint8Array;
  postValue: Uint8Array;
}

export function slotHash(lo: number, hi: number, mask: number): number {
  let h = Math.imul(lo ^ (hi << 27), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  return h & mask;
}

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function build(): NgramTable {
  const data = decodeBase64(ELD_NGRAMS_B64);
  // First pass: count entries and postings to size the arrays.
  let entries = 0;
  let postings = 0;
  for (let p = 0; p < data.length; ) {
    const len = data[p]! & 7;
    const c = data[p + 1 + len]!;
    entries++;
    postings += c;
    p += 2 + len + 2 * c;
  }
  let size = 1;
  while (size < entries * 2) size <<= 1;
  const mask = size - 1;
  const keyLo = new Int32Array(size);
  const keyHi = new Uint8Array(size);
  const start = new Int32Array(size);
  const count = new Uint8Array(size);
  const postLang = new Uint8Array(postings);
  const postValue = new Uint8Array(postings);
  let q = 0;
  for (let p = 0; p < data.length; ) {
    const hdr = data[p]!;
    const len = hdr & 7;
    let lo = 0;
    for (let k = 0; k < len; k++) lo |= data[p + 1 + k]! << (8 * k);
    const c = data[p + 1 + len]!;
    let slot = slotHash(lo, hdr, mask);
    while (keyHi[slot] !== 0) slot = (slot + 1) & mask;
    keyLo[slot] = lo;
    keyHi[slot] = hdr;
    start[slot] = q;
    count[slot] = c;
    let r = p + 2 + len;
    for (let k = 0; k < c; k++) {
      postLang[q] = data[r++]!;
      postValue[q] = data[r++]!;
      q++;
    }
    p = r;
  }
  return { langs: ELD_LANGS, mask, keyLo, keyHi, start, count, postLang, postValue };
}

let table: NgramTable | null = null;

/** Built on first use (about 3 MB of data decoded), so importing enrichment stays cheap. */
export function ngramTable(): NgramTable {
  if (table === null) table = build();
  return table;
}

/** Slot of a key, or -1. */
export function findSlot(t: NgramTable, lo: number, hi: number): number {
  let slot = slotHash(lo, hi, t.mask);
  for (;;) {
    const h = t.keyHi[slot]!;
    if (h === 0) return -1;
    if (h === hi && t.keyLo[slot] === lo) return slot;
    slot = (slot + 1) & t.mask;
  }
}
