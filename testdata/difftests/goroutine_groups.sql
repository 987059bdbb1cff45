-- goroutine_groups: go tool trace's /goroutines groups (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM goroutine_groups ORDER BY exec_ns DESC, name LIMIT 8;
name | goroutines | exec_ns | exec_pct
main.main | 1 | 1160449 | 24.274727945843118
main.mutexContention.func1 | 8 | 841025 | 17.592891260755714
main.pipeline.func2 | 1 | 785536 | 16.432150565570584
main.rwMutexContention.func2 | 6 | 495488 | 10.364812585843854
main.pipeline.func1 | 1 | 467328 | 9.77575064606456
main.rwMutexContention.func1 | 2 | 428352 | 8.960435370324582
main.selectLoop.func2 | 1 | 191808 | 4.012315076178511
main.pingPong.func1 | 1 | 147840 | 3.0925751838412947
!ok
