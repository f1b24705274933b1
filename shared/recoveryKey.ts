// The recovery key (恢复密钥): the 256-bit data key written for a person to keep on paper, and read back when the
// key kept by the operating system is gone (a new PC, a reinstalled system). Thirteen groups of five characters,
// each four characters of the key in Crockford's base32 (no I, L, O or U: nothing to misread) and one check
// character, so a mistyped group is named before anything is tried. The key's number (密钥编号) says which key
// a file or a backup needs without revealing it. Pure: the renderer shows it, the CLI and the main process read it.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 13;
const DATA_CHARS = 4;
export const RECOVERY_KEY_BYTES = 32;

/** Characters people confuse, read as the ones they stand for. */
const READ_AS: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', U: 'V' };

function value(ch: string): number {
  return ALPHABET.indexOf(ch);
}

/**
 * The check character of a group: a weighted sum of its characters and its position, mod 31 (prime, so every
 * single wrong character and every swap of two neighbours in the group changes it).
 */
function checkChar(group: number, chars: string): string {
  let sum = 7 * (group + 1);
  for (let j = 0; j < chars.length; j++) sum += (j + 2) * value(chars[j]!);
  return ALPHABET[sum % 31]!;
}

/** The key's bits as 52 base32 characters (the last carries 4 bits and a zero). */
function toBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const bytes = new Uint8Array(RECOVERY_KEY_BYTES);
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (const ch of text) {
    acc = (acc << 5) | value(ch);
    bits += 5;
    if (bits >= 8 && at < bytes.length) {
      bits -= 8;
      bytes[at++] = (acc >> bits) & 255;
    }
    acc &= (1 << bits) - 1;
  }
  return bytes;
}

/** The recovery key of a 32-byte data key: `XXXX?-XXXX?-…`, thirteen groups. */
export function formatRecoveryKey(key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new Error(`a data key has ${RECOVERY_KEY_BYTES} bytes`);
  const chars = toBase32(key);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const part = chars.slice(g * DATA_CHARS, (g + 1) * DATA_CHARS);
    groups.push(part + checkChar(g, part));
  }
  return groups.join('-');
}

export type RecoveryKeyReading = { ok: true; key: Uint8Array } | { ok: false; message: string };

/**
 * Reads a recovery key as typed: spaces, dashes and case do not matter, O/I/L are read as 0/1/1. Says in Chinese
 * what is wrong (the number of characters, a character that is not in the key's alphabet, the group whose check
 * character does not match); a key of the right form that belongs to other data is found only when it is tried.
 */
export function parseRecoveryKey(text: string): RecoveryKeyReading {
  const cleaned = [...text.toUpperCase().replace(/[\s\-－—_]/g, '')].map((ch) => READ_AS[ch] ?? ch).join('');
  const expected = GROUPS * (DATA_CHARS + 1);
  const bad = [...cleaned].find((ch) => value(ch) < 0);
  if (bad !== undefined) return { ok: false, message: `恢复密钥中有不应出现的字符“${bad}”（只含数字和字母）` };
  if (cleaned.length !== expected) {
    return {
      ok: false,
      message: `恢复密钥应为${GROUPS}组、共${expected}个字符，现有${cleaned.length}个：请对照纸上的恢复密钥逐组核对`,
    };
  }
  let data = '';
  for (let g = 0; g < GROUPS; g++) {
    const group = cleaned.slice(g * (DATA_CHARS + 1), (g + 1) * (DATA_CHARS + 1));
    const part = group.slice(0, DATA_CHARS);
    if (checkChar(g, part) !== group[DATA_CHARS])
      return { ok: false, message: `恢复密钥第${g + 1}组“${group}”有误（校验位不符），请核对这一组` };
    data += part;
  }
  // The 52nd character carries only 4 bits of the key; its last bit is always 0.
  if (value(data.at(-1)!) & 1) return { ok: false, message: `恢复密钥第${GROUPS}组有误，请核对这一组` };
  return { ok: true, key: fromBase32(data) };
}
