// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), as the keypad line
// protocol uses it to guard each frame. Check value: crc16CcittFalse("123456789") === 0x29b1.

const table = buildTable();

function buildTable(): Uint16Array {
  const entries = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    entries[byte] = crc;
  }
  return entries;
}

/** CRC of `input`; a string is taken as latin1 bytes, as the protocol is single-byte ASCII. */
export function crc16CcittFalse(input: string | Uint8Array): number {
  let crc = 0xffff;
  const length = input.length;
  for (let i = 0; i < length; i++) {
    const byte = typeof input === 'string' ? input.charCodeAt(i) & 0xff : (input[i] as number);
    crc = ((crc << 8) & 0xffff) ^ (table[((crc >> 8) ^ byte) & 0xff] as number);
  }
  return crc;
}

/** The CRC as the frame carries it: four upper-case hex digits. */
export function formatCrc(crc: number): string {
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
