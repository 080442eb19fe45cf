-- Prints requests a second and the 50th, 95th and 99th percentiles of a wrk run (docs/performance.md).
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors(status) %d, timeouts %d, rps %.1f, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status, summary.errors.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
