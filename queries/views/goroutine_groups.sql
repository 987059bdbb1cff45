-- goroutine_groups: goroutines grouped by name, as go tool trace's /goroutines page groups them
-- (by Go's summary name only), with their total execution time.
-- name VARCHAR: start function ('' for goroutines Go has no stack for: "(Inactive, no stack trace sampled)").
-- goroutines BIGINT: number of goroutines with that name.
-- exec_ns BIGINT: their total execution time in ns.
-- exec_pct DOUBLE: exec_ns as a percentage of all goroutines' execution time, computed in Go's order (group / total * 100, in doubles) so that printing it with %.2f gives Go's text; NULL if nothing ran.
SELECT name, goroutines, exec_ns,
       CASE WHEN total_exec_ns > 0
            THEN CAST(exec_ns AS DOUBLE) / CAST(total_exec_ns AS DOUBLE) * 100 END AS exec_pct
FROM (
  SELECT name, COUNT(*) AS goroutines, SUM(exec_ns) AS exec_ns,
         SUM(SUM(exec_ns)) OVER () AS total_exec_ns
  FROM goroutine_times
  GROUP BY name
) by_name
