-- goroutine_block_time: Go's summary's BlockTimeByReason (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM goroutine_block_time ORDER BY block_ns DESC, goid, reason LIMIT 8;
goid | reason | block_ns
2 |  | 648931329
3 |  | 648931329
4 |  | 648931329
17 |  | 648931329
18 |  | 648931329
20 | chan receive | 648845825
21 | system goroutine wait | 648813697
19 | chan receive | 648772289
!ok
