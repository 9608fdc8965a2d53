/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same repository
 * byte for byte, so benchmark trees are comparable run to run and machine to machine.
 */

/**
 * Returns a generator of floats in [0, 1) for `seed`, with helpers for integers and picks.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max], both inclusive. */
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    /** One element of a non-empty array. */
    pick(items) {
      return items[Math.floor(next() * items.length)];
    },
    /** `length` characters of base64-like text (lock-file integrity hashes). */
    token(length) {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * 64)];
      return out;
    },
  };
}
