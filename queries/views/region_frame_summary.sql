-- region_frame_summary: user regions per (region name, outermost frame of the region's start stack):
-- exactly the rows of go tool trace's user regions page (/userregions, Go 1.24+), with counts and
-- durations (begin or trace start to end or trace end). Regions without a start stack (begun before
-- the trace) form the row with a NULL frame. Percentiles are nearest rank, as in region_summary.
-- name VARCHAR: region type.
-- frame_function VARCHAR: function of the outermost frame of the start stack; NULL for regions without one.
-- frame_pc BIGINT: PC of that frame; NULL for regions without a start stack.
-- regions BIGINT: number of regions.
-- total_ns BIGINT: sum of their durations in ns.
-- p50_ns BIGINT: median duration (nearest rank).
-- p99_ns BIGINT: 99th percentile duration (nearest rank).
-- max_ns BIGINT: longest duration.
SELECT name, frame_function, frame_pc, COUNT(*) AS regions, SUM(d) AS total_ns,
       percentile_nearest_rank(d, 50) AS p50_ns,
       percentile_nearest_rank(d, 99) AS p99_ns,
       MAX(d) AS max_ns
FROM _region_durations
GROUP BY name, frame_function, frame_pc
