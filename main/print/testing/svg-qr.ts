// The module matrix drawn by the qrcode package's SVG output (one path of horizontal runs:
// "M x y" absolute, "m dx dy" relative, "h n" n dark modules), so a test can compare what
// the slip shows with what the code should encode.
export function matrixFromQrSvg(svg: string, margin: number): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]) - 2 * margin;
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([MmHh])([\d.]+)(?:\s([\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b)];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const row = Math.floor(y) - margin;
      for (let i = 0; i < Number(a); i++) matrix[row]![x + i - margin] = true;
      x += Number(a);
    }
  }
  return matrix;
}
