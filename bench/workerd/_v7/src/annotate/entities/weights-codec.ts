/**
 * The shipped weights' encoding: the int8 table's non-zero entries as (index gap as a LEB128 varint, int8
 * value) pairs, base64. Most of a hashed perceptron's table is zero, so this is a fraction of the dense size.
 */

export function encodeWeights(table: Int8Array): Uint8Array {
  const out: number[] = [];
  let last = -1;
  for (let i = 0; i < table.length; i++) {
    const v = table[i] as number;
    if (v === 0) continue;
    let gap = i - last - 1;
    last = i;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap, v & 0xff);
  }
  return Uint8Array.from(out);
}

export function decodeWeights(bytes: Uint8Array, size: number): Int8Array {
  const table = new Int8Array(size);
  let at = -1;
  for (let p = 0; p < bytes.length; ) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++] as number;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    at += gap + 1;
    if (at >= size) throw new RangeError("entities: weight table overruns its declared size");
    table[at] = ((bytes[p++] as number) << 24) >> 24;
  }
  return table;
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
