-- goroutine_leaks: no Go tool computes it; LeakScenarioTest asserts the groups against the leak
-- program's source (testdata/programs/leak).
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md).

!use testdata/scenarios/leak.trace
SELECT * FROM goroutine_leaks ORDER BY goroutines DESC, name;
create_stack_id | name | reason | block_stack_id | goroutines | min_blocked_ns | max_blocked_ns | example_goid
17 | main.leakyWorker | chan receive | 14 | 5 | 119122177 | 119124097 | 10
20 | main.stuckForever | forever | 4 | 2 | 119121345 | 119121793 | 15
27 | runtime/trace.(*traceMultiplexer).startLocked.func1 | system goroutine wait | 30 | 1 | 119125185 | 119125185 | 9
!ok
