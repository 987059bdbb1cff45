-- region_summary: user regions (runtime/trace.WithRegion, StartRegion) per region name, as go tool
-- trace's user regions page counts them: every region in Go's goroutine summaries, including regions
-- whose begin or end is outside the trace (measured from trace start / to trace end) and the
-- unnamed regions goroutines inherit from their creator (name ''). Go's page splits a name further
-- by the outermost frame of the region's start stack: that split is region_frame_summary.
-- Percentiles are nearest-rank: the value at 1-based rank ceil(p * regions) in ascending order
-- (what PERCENTILE_DISC means), computed by the aggregate percentile_nearest_rank.
-- name VARCHAR: region type.
-- regions BIGINT: number of regions.
-- total_ns BIGINT: sum of their durations in ns.
-- p50_ns BIGINT: median duration (nearest rank).
-- p99_ns BIGINT: 99th percentile duration (nearest rank).
-- max_ns BIGINT: longest duration.
SELECT name, COUNT(*) AS regions, SUM(d) AS total_ns,
       percentile_nearest_rank(d, 50) AS p50_ns,
       percentile_nearest_rank(d, 99) AS p99_ns,
       MAX(d) AS max_ns
FROM _region_durations
GROUP BY name
