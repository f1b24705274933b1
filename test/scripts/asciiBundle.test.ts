// The bundle made ASCII (scripts/asciiBundle.ts) runs as before: comments, strings and regular expressions with
// Chinese and with characters beyond the BMP mean what they meant.
import vm from 'node:vm';
import { asciiOnly } from '../../scripts/asciiBundle';

const source = String.raw`
// 司法所：a comment in Chinese
const dates = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const dashes = /[—－–]/g;
const emoji = /^[🦄🐈]$/u;
result = {
  date: dates.exec('2026年11月22日').slice(1).join('-'),
  dashes: '1－2—3'.replace(dashes, '-'),
  emoji: emoji.test('🦄') && !emoji.test('x'),
  text: '黎托街道司法所',
};
`;

describe('asciiOnly', () => {
  it('leaves no character outside ASCII, and the code means the same', () => {
    const ascii = asciiOnly(source);
    expect(/[^\x00-\x7f]/.test(ascii)).toBe(false);
    const run = (code: string) => {
      const context: { result?: unknown } = {};
      vm.runInNewContext(code, context);
      return context.result;
    };
    expect(run(ascii)).toEqual({ date: '2026-11-22', dashes: '1-2-3', emoji: true, text: '黎托街道司法所' });
    expect(run(ascii)).toEqual(run(source));
  });
});
