-- sync_blocking_profile: go tool trace -pprof=sync (PROG.pprof-sync.txt), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM sync_blocking_profile ORDER BY delay_ns DESC, stack_id LIMIT 8;
stack_id | contentions | delay_ns | leaf_function
36 | 159 | 1093985791 | sync.(*Mutex).Lock
25 | 6 | 601905088 | runtime.chanrecv1
22 | 295 | 321303616 | runtime.chansend1
21 | 291 | 316429056 | runtime.chansend1
64 | 1 | 162897472 | sync.(*WaitGroup).Wait
81 | 176 | 147307008 | sync.(*RWMutex).RLock
19 | 199 | 105620480 | runtime.selectgo
82 | 60 | 65471552 | sync.(*Cond).Wait
!ok
