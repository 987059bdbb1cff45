-- task_summary: user tasks (runtime/trace.NewTask) per task name, as go tool trace's user tasks page
-- shows them: the count includes incomplete tasks (begin or end outside the trace), durations are of
-- complete tasks only. Percentiles are nearest-rank over complete tasks: the value at 1-based rank
-- ceil(p * complete_tasks) in ascending order (what PERCENTILE_DISC means), written with ROW_NUMBER
-- in integer arithmetic.
-- name VARCHAR: task type ('' for tasks whose begin is not in the trace, and the background task 0).
-- tasks BIGINT: number of tasks, complete or not.
-- complete_tasks BIGINT: tasks with both begin and end in the trace.
-- total_ns BIGINT: sum of the durations of complete tasks in ns; NULL if none.
-- p50_ns BIGINT: median duration of complete tasks (nearest rank); NULL if none.
-- p99_ns BIGINT: 99th percentile duration of complete tasks (nearest rank); NULL if none.
-- max_ns BIGINT: longest complete task; NULL if none.
SELECT name, COUNT(*) AS tasks, COUNT(dur) AS complete_tasks, SUM(dur) AS total_ns,
       MAX(CASE WHEN rn = (n + 1) / 2 THEN dur END) AS p50_ns,
       MAX(CASE WHEN rn = (99 * n + 99) / 100 THEN dur END) AS p99_ns,
       MAX(dur) AS max_ns
FROM (
  -- Incomplete tasks (dur NULL) sort last, so ranks 1..n are the complete ones.
  SELECT name, dur,
         ROW_NUMBER() OVER (PARTITION BY name ORDER BY dur NULLS LAST) AS rn,
         COUNT(dur) OVER (PARTITION BY name) AS n
  FROM tasks
) ranked
GROUP BY name
