import type { Figure } from './lib/measure';
export async function run(): Promise<Figure[]> { return []; }
