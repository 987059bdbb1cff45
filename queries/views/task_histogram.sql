-- task_histogram: the duration histogram of each task type on go tool trace's user tasks page,
-- over complete tasks (both begin and end in the trace): per bucket of Go's TimeHistogram (five per
-- power of ten: bucket = int(ln(ns) / ln(10^(1/5))), 0 for 0 ns), the number of tasks. The page's
-- filters are plain SQL on tasks: complete is dur IS NOT NULL, a latency range is a condition on
-- dur, a log text is EXISTS over logs.
-- name VARCHAR: task type.
-- bucket INTEGER: Go's histogram bucket (go_histogram_bucket of the duration).
-- bucket_min_ns BIGINT: the bucket's lower bound as Go's page prints it (go_histogram_bucket_min).
-- tasks BIGINT: complete tasks in the bucket.
SELECT name, go_histogram_bucket(dur) AS bucket, go_histogram_bucket_min(go_histogram_bucket(dur)) AS bucket_min_ns,
       COUNT(*) AS tasks
FROM tasks
WHERE dur IS NOT NULL
GROUP BY name, go_histogram_bucket(dur)
