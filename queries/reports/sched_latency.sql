-- report_sched_latency: how long runnable goroutines waited for a P before running (every finished
-- runnable interval of goroutine_states, the waits behind Go's "Sched wait time"): nearest-rank
-- percentiles over all goroutines (kind 'all'), then per goroutine name (kind 'group').
-- kind VARCHAR: 'all' (one row over every goroutine) or 'group' (one row per goroutine name).
-- name VARCHAR: goroutine name (goroutines.name) for kind 'group'; NULL for 'all'.
-- waits BIGINT: number of waits.
-- p50_ns BIGINT: median wait in ns (nearest rank).
-- p90_ns BIGINT: 90th percentile wait in ns (nearest rank).
-- p99_ns BIGINT: 99th percentile wait in ns (nearest rank).
-- max_ns BIGINT: longest wait in ns.
-- total_ns BIGINT: sum of the waits in ns.
SELECT kind, name, waits, p50_ns, p90_ns, p99_ns, max_ns, total_ns
FROM (
  SELECT CAST('all' AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS name, COUNT(*) AS waits,
         percentile_nearest_rank(dur, 50) AS p50_ns, percentile_nearest_rank(dur, 90) AS p90_ns,
         percentile_nearest_rank(dur, 99) AS p99_ns, MAX(dur) AS max_ns, SUM(dur) AS total_ns
  FROM goroutine_states
  WHERE state = 'runnable' AND dur IS NOT NULL
  UNION ALL
  SELECT 'group', g.name, COUNT(*),
         percentile_nearest_rank(s.dur, 50), percentile_nearest_rank(s.dur, 90),
         percentile_nearest_rank(s.dur, 99), MAX(s.dur), SUM(s.dur)
  FROM goroutine_states s
  JOIN goroutine_times g ON g.goid = s.goid
  WHERE s.state = 'runnable' AND s.dur IS NOT NULL
  GROUP BY g.name
) waits
ORDER BY kind, p99_ns DESC, name
