-- report_tasks: latency of user tasks (runtime/trace.NewTask) per task name: count and nearest-rank
-- percentiles of the durations of complete tasks, as go tool trace's user tasks page shows them,
-- slowest p99 first.
-- name VARCHAR: task type ('' for tasks whose begin is not in the trace, and the background task 0).
-- tasks BIGINT: number of tasks, complete or not.
-- complete_tasks BIGINT: tasks with both begin and end in the trace (the durations below are theirs).
-- p50_ns BIGINT: median duration in ns (nearest rank); NULL if no complete task.
-- p90_ns BIGINT: 90th percentile duration in ns (nearest rank); NULL if none.
-- p99_ns BIGINT: 99th percentile duration in ns (nearest rank); NULL if none.
-- max_ns BIGINT: longest complete task in ns; NULL if none.
-- total_ns BIGINT: sum of the durations of complete tasks in ns; NULL if none.
SELECT name, COUNT(*) AS tasks, COUNT(dur) AS complete_tasks,
       percentile_nearest_rank(dur, 50) AS p50_ns, percentile_nearest_rank(dur, 90) AS p90_ns,
       percentile_nearest_rank(dur, 99) AS p99_ns, MAX(dur) AS max_ns, SUM(dur) AS total_ns
FROM tasks
GROUP BY name
ORDER BY p99_ns DESC NULLS LAST, name
