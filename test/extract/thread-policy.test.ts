import { describe, expect, it } from 'vitest';
import { MIN_FILES_PER_WORKER, threadsFor } from '../../src/extract/parallel.js';

describe('threadsFor', () => {
  it('keeps one thread on two logical CPUs, whatever the tree', () => {
    expect(threadsFor(50_000, 2)).toBe(1);
    expect(threadsFor(50_000, 3)).toBe(1);
  });

  it('gives a thread per two logical CPUs, each with enough files, at most four', () => {
    expect(threadsFor(50_000, 4)).toBe(2);
    expect(threadsFor(50_000, 8)).toBe(4);
    expect(threadsFor(50_000, 64)).toBe(4);
    expect(threadsFor(3 * MIN_FILES_PER_WORKER - 1, 64)).toBe(2);
    expect(threadsFor(MIN_FILES_PER_WORKER - 1, 64)).toBe(1);
    expect(threadsFor(0, 64)).toBe(1);
  });

  it('obeys PORTWARDEN_WORKERS when it is a count, never more threads than files', () => {
    expect(threadsFor(50_000, 2, '3')).toBe(3);
    expect(threadsFor(50_000, 64, '1')).toBe(1);
    expect(threadsFor(2, 2, '8')).toBe(2);
    expect(threadsFor(0, 2, '8')).toBe(1);
    for (const ignored of ['', '0', '-1', '1.5', 'two']) expect(threadsFor(50_000, 8, ignored)).toBe(4);
  });
});
