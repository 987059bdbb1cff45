-- task_histogram: the histograms of go tool trace's user tasks page (PROG.histograms.json), asserted by HistogramsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM task_histogram ORDER BY name, bucket;
name | bucket | bucket_min_ns | tasks
handoff | 25 | 100000 | 1
open-region | 23 | 39810 | 1
request | 30 | 1000000 | 2
request | 31 | 1584893 | 1
shard | 30 | 1000000 | 8
shard | 31 | 1584893 | 4
!ok
