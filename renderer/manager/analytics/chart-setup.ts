// Chart.js is tree-shaken: only the scales, elements and plugins the dashboard draws are
// registered (react-chartjs-2's typed components register their own controllers).
import { ArcElement, BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';

Chart.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, ArcElement, Tooltip, Legend);

/** Distinct for common colour-vision deficiencies (Okabe-Ito), each at least 3:1 on white. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#6B6B6B'];

/**
 * The dashboard redraws on each filter change; without animation the numbers are there at
 * once, and nobody who asked the system for reduced motion sees bars grow.
 */
export function baseOptions<T extends 'bar' | 'line' | 'doughnut'>(): ChartOptions<T> {
  return { responsive: true, maintainAspectRatio: false, animation: false } as ChartOptions<T>;
}
