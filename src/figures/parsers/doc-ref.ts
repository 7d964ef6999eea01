import { charSet, digitValue, inSet, isDigit, isHan, isSpace } from '../../text/chars.js';
import type { FigureParser, Found } from '../types.js';

const OPEN = charSet('〔[【(（［〖');
const CLOSE = charSet('〕]】)）］〗');
const NUMBER_WORD = charSet('号號');
/** Words that end the text before an issuer code: `根据邵东办字[2020]41号` → 邵东办字. */
const BEFORE_ISSUER =
  /.*(?:根据|依据|按照|印发|下发|转发|关于|通知|文件|精神|要求|规定|办法|意见|的|和|及|与|以|按|经|据|即|见|是)/u;
const MAX_ISSUER = 12;

function skip(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i)) && text[i] !== '\n') i++;
  return i;
}

function digitsAt(text: string, i: number, to: number): { end: number; value: number; length: number } {
  let j = i;
  let value = 0;
  while (j < to && isDigit(text.charCodeAt(j))) value = value * 10 + digitValue(text.charCodeAt(j++));
  return { end: j, value, length: j - i };
}

/**
 * Official document numbers: an issuer code, the year in brackets, a serial number and
 * 号 (`邵东办字[2020]41号`, `财预〔2020〕10号`, `湘财绩【2015】15号`, `茂财绩函〔2022〕2 号`).
 * A number whose closing bracket was lost in copying (`中发(201834号`) is read too.
 */
export const docRefParser: FigureParser = {
  name: 'docRef',
  find({ input, from, to }) {
    const out: Found[] = [];
    for (let i = from; i < to; i++) {
      const c = input.charCodeAt(i);
      if (!inSet(OPEN, c)) continue;
      const y = digitsAt(input, skip(input, i + 1, to), to);
      let year: number;
      let serial: { end: number; value: number; length: number };
      if (y.length === 4) {
        year = y.value;
        const close = skip(input, y.end, to);
        if (!inSet(CLOSE, input.charCodeAt(close))) continue;
        serial = digitsAt(input, skip(input, close + 1, to), to);
      } else if (y.length >= 5 && y.length <= 9) {
        // The closing bracket was lost: `(201834号` is year 2018, number 34.
        year = Math.floor(y.value / 10 ** (y.length - 4));
        serial = { end: y.end, value: y.value % 10 ** (y.length - 4), length: y.length - 4 };
      } else continue;
      if (year < 1949 || year > 2099 || serial.length === 0 || serial.length > 5) continue;
      const end = skip(input, serial.end, to);
      if (!inSet(NUMBER_WORD, input.charCodeAt(end))) continue;
      let s = i;
      while (s > from && i - s < MAX_ISSUER && isHan(input.charCodeAt(s - 1))) s--;
      const run = input.slice(s, i);
      const cut = BEFORE_ISSUER.exec(run);
      if (cut) s += cut[0].length;
      if (s === i) continue;
      out.push({
        type: 'docRef',
        start: s,
        end: end + 1,
        value: input.slice(s, end + 1),
        issuer: input.slice(s, i),
        year,
        number: serial.value,
      });
      i = end;
    }
    return out;
  },
};
