-- task_summary: user tasks (runtime/trace.NewTask) per task name, as go tool trace's user tasks page
-- shows them: the count includes incomplete tasks (begin or end outside the trace), durations are of
-- complete tasks only. Percentiles are nearest-rank over complete tasks: the value at 1-based rank
-- ceil(p * complete_tasks) in ascending order (what PERCENTILE_DISC means), computed by the
-- aggregate percentile_nearest_rank.
-- name VARCHAR: task type ('' for tasks whose begin is not in the trace, and the background task 0).
-- tasks BIGINT: number of tasks, complete or not.
-- complete_tasks BIGINT: tasks with both begin and end in the trace.
-- total_ns BIGINT: sum of the durations of complete tasks in ns; NULL if none.
-- p50_ns BIGINT: median duration of complete tasks (nearest rank); NULL if none.
-- p99_ns BIGINT: 99th percentile duration of complete tasks (nearest rank); NULL if none.
-- max_ns BIGINT: longest complete task; NULL if none.
SELECT name, COUNT(*) AS tasks, COUNT(dur) AS complete_tasks, SUM(dur) AS total_ns,
       percentile_nearest_rank(dur, 50) AS p50_ns,
       percentile_nearest_rank(dur, 99) AS p99_ns,
       MAX(dur) AS max_ns
FROM tasks
GROUP BY name
