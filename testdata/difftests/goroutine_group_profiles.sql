-- goroutine_group_profiles: the per-group profiles of go tool trace's goroutine pages (PROG.profiles.json.gz), asserted by RestrictedProfilesGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM goroutine_group_profiles ORDER BY delay_ns DESC, name, profile, stack_id LIMIT 8;
name | profile | stack_id | contentions | delay_ns
main.mutexContention.func1 | sync | 36 | 159 | 1093985791
runtime.traceStartReadCPU.func1 | sync | 25 | 6 | 601905088
main.pipeline.func1 | sync | 22 | 295 | 321303616
main.main | sync | 21 | 291 | 316429056
main.main | sync | 64 | 1 | 162897472
main.rwMutexContention.func2 | sync | 81 | 176 | 147307008
main.main | sync | 19 | 199 | 105620480
main.condBroadcast.func1 | sync | 82 | 60 | 65471552
!ok
