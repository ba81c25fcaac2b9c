// The appointment slip's QR code: the confirmation code alone (no name, no date), so a slip
// left behind tells a finder nothing. The kiosk scans it into the same lookup as typing it.
import QRCode from 'qrcode';
import { trusted, type SafeHtml } from './html';

// M: survives a crease or a smudge on a paper slip; a six-character code stays a small symbol.
const ERROR_CORRECTION = 'M';

export async function renderQrSvg(text: string): Promise<SafeHtml> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION, margin: 2 });
  return trusted(svg);
}

/** The module matrix the slip's QR carries, row by row (true = dark), for checks and tests. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}
