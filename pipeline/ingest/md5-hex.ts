import crypto from 'node:crypto';

/**
 * MD5 of a string as hex. `crypto.hash` (Node 20.12+) skips the Hash object, which costs more
 * than hashing a short row; older Node 20 releases take the Hash path.
 */
export const md5Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('md5', text, 'hex')
    : (text) => crypto.createHash('md5').update(text).digest('hex');
