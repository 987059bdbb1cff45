-- goroutines_blocked_at_end: no Go tool computes it; LeakScenarioTest asserts the blocked goroutines
-- against the leak program's source (testdata/programs/leak).
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md).

!use testdata/scenarios/leak.trace
SELECT * FROM goroutines_blocked_at_end ORDER BY blocked_ns DESC, goid;
goid | name | create_stack_id | creator_goid | reason | blocked_ts | blocked_ns | block_stack_id
9 | runtime/trace.(*traceMultiplexer).startLocked.func1 | 27 | 1 | system goroutine wait | 391296 | 119125185 | 30
10 | main.leakyWorker | 17 | 1 | chan receive | 392384 | 119124097 | 14
11 | main.leakyWorker | 17 | 1 | chan receive | 392960 | 119123521 | 14
12 | main.leakyWorker | 17 | 1 | chan receive | 393472 | 119123009 | 14
13 | main.leakyWorker | 17 | 1 | chan receive | 393856 | 119122625 | 14
14 | main.leakyWorker | 17 | 1 | chan receive | 394304 | 119122177 | 14
15 | main.stuckForever | 20 | 1 | forever | 394688 | 119121793 | 4
16 | main.stuckForever | 20 | 1 | forever | 395136 | 119121345 | 4
!ok
