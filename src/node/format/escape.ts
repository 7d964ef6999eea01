/**
 * Control characters, C1 controls, line and paragraph separators and bidirectional
 * overrides: report text and file names are printed with these escaped, so a heading
 * cannot send escape sequences to the terminal nor a file name forge lines.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` safe to print on a terminal: control characters as `\n`, `\x1b`, `\u202e`.
 *
 * @example
 *   escapeControl('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return NAMED[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}
