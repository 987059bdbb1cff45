-- report_regions: latency of user regions (runtime/trace.WithRegion, StartRegion) per region name:
-- count and nearest-rank percentiles of their durations, as go tool trace's user regions page
-- measures them (_region_durations: begin or trace start to end or trace end), slowest p99 first.
-- name VARCHAR: region type ('' for regions goroutines inherit from their creator).
-- regions BIGINT: number of regions.
-- p50_ns BIGINT: median duration in ns (nearest rank).
-- p90_ns BIGINT: 90th percentile duration in ns (nearest rank).
-- p99_ns BIGINT: 99th percentile duration in ns (nearest rank).
-- max_ns BIGINT: longest duration in ns.
-- total_ns BIGINT: sum of the durations in ns.
SELECT name, COUNT(*) AS regions,
       percentile_nearest_rank(d, 50) AS p50_ns, percentile_nearest_rank(d, 90) AS p90_ns,
       percentile_nearest_rank(d, 99) AS p99_ns, MAX(d) AS max_ns, SUM(d) AS total_ns
FROM _region_durations
GROUP BY name
ORDER BY p99_ns DESC, name
