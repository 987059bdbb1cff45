-- stack_text: stack_frames joined leaf first; those frames are the ones ViewsGoldenTest matches,
-- stack by stack, against go tool trace -pprof on every committed trace.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md).

!use testdata/traces/go1.27/chansync.trace
SELECT s.* FROM stack_text s JOIN sync_blocking_profile p ON p.stack_id = s.stack_id ORDER BY p.delay_ns DESC, s.stack_id LIMIT 5;
stack_id | depth | frames | leaf_location
36 | 2 | sync.(*Mutex).Lock <- main.mutexContention.func1 | sync/mutex.go:46
25 | 3 | runtime.chanrecv1 <- runtime.(*wakeableSleep).sleep <- runtime.traceStartReadCPU.func1 | runtime/chan.go:509
22 | 2 | runtime.chansend1 <- main.pipeline.func1 | runtime/chan.go:161
21 | 3 | runtime.chansend1 <- main.pipeline <- main.main | runtime/chan.go:161
64 | 3 | sync.(*WaitGroup).Wait <- main.mutexContention <- main.main | sync/waitgroup.go:206
!ok
