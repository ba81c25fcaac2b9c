// What a number field holds, for the API: an empty field is "not a number", so the API's
// own message ("must be a whole number...") answers it instead of a silent 0.
export function numberFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
