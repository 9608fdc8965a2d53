import { describe, expect, it } from 'vitest';
import { mentionsPort } from '../../../src/extract/source/run.js';

describe('the source prefilter', () => {
  it.each([
    ['const port = 3001', true],
    ['process.env.PORT', true],
    ["fetch('http://mana-auth:3001')", true],
    ['app.listen(3001)', true],
    ['server.listen (3001)', true],
    ['log.Fatal(http.ListenAndServe(":80", r))', true],
    ['srv.ListenAndServeTLS(":443", c, k)', true],
    ['o.ListenAnyIP(5001)', true],
    ["import { x } from './y'; export const z = 1; // report, support, transport", false],
    ["window.addEventListener('click', onClick)", false],
    ['const listener = () => {}', false],
  ])('%j → %s', (text, expected) => {
    expect(mentionsPort(text)).toBe(expected);
  });
});
