// Prometheus metrics for GET /metrics. One registry per server instance (tests run several).
import { Counter, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({ name: 'frontdesk_http_requests_total', help: 'HTTP requests', labelNames: ['route', 'status'] as const, registers: [registry] }),
    latency: new Histogram({
      name: 'frontdesk_http_request_duration_seconds', help: 'HTTP request latency (long-polls excluded)', labelNames: ['route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    }),
    accepted: new Counter({ name: 'frontdesk_changes_accepted_total', help: 'Changes accepted', registers: [registry] }),
    rejected: new Counter({ name: 'frontdesk_changes_rejected_total', help: 'Changes rejected, by reason', labelNames: ['reason'] as const, registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
