-- sched_latency_profile: go tool trace -pprof=sched (PROG.pprof-sched.txt), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM sched_latency_profile ORDER BY delay_ns DESC, stack_id LIMIT 8;
stack_id | contentions | delay_ns | leaf_function
NULL | 996 | 6482432 | NULL
57 | 176 | 1544768 | sync.(*RWMutex).Unlock
4 | 295 | 559744 | runtime.chanrecv2
17 | 157 | 484928 | runtime.goyield
43 | 55 | 365376 | sync.(*Cond).Broadcast
5 | 291 | 350848 | runtime.chanrecv2
47 | 159 | 158784 | sync.(*Mutex).Unlock
59 | 29 | 151807 | sync.(*RWMutex).RUnlock
!ok
