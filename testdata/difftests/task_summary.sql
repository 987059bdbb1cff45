-- task_summary: go tool trace's user tasks page (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM task_summary ORDER BY name;
name | tasks | complete_tasks | total_ns | p50_ns | p99_ns | max_ns
 | 2 | 0 | NULL | NULL | NULL | NULL
dangling | 1 | 0 | NULL | NULL | NULL | NULL
handoff | 1 | 1 | 111296 | 111296 | 111296 | 111296
open-region | 1 | 1 | 55424 | 55424 | 55424 | 55424
request | 3 | 3 | 5021056 | 1580416 | 2021056 | 2021056
shard | 12 | 12 | 17164416 | 1280192 | 1889792 | 1889792
!ok
