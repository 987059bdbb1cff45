-- README.md, "Reading stacks": each statement of its multi-statement block (ReadmeExamplesTest requires
-- every README SQL statement without a printed table to be a query here). stack 36 is the first
-- command's top sync_blocking_profile stack.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true (see testdata/README.md); they read
-- stack_frames, whose frames ViewsGoldenTest matches against go tool trace -pprof on every committed
-- trace, and sync_blocking_profile / net_blocking_profile, asserted equal to -pprof=sync / -pprof=net there.

!use testdata/traces/go1.27/chansync.trace
SELECT f.depth, f.function_name, f.file, f.line
FROM stack_frames f WHERE f.stack_id = 36 ORDER BY f.depth;
depth | function_name | file | line
0 | sync.(*Mutex).Lock | sync/mutex.go | 46
1 | main.mutexContention.func1 | ./main.go | 130
!ok

SELECT p.delay_ns, s.frames, s.leaf_location
FROM sync_blocking_profile p JOIN stack_text s ON s.stack_id = p.stack_id
ORDER BY p.delay_ns DESC LIMIT 3;
delay_ns | frames | leaf_location
1093985791 | sync.(*Mutex).Lock <- main.mutexContention.func1 | sync/mutex.go:46
601905088 | runtime.chanrecv1 <- runtime.(*wakeableSleep).sleep <- runtime.traceStartReadCPU.func1 | runtime/chan.go:509
321303616 | runtime.chansend1 <- main.pipeline.func1 | runtime/chan.go:161
!ok

!use testdata/traces/go1.27/nethttp.trace
SELECT p.* FROM net_blocking_profile p
WHERE EXISTS (SELECT 1 FROM stack_frames f
              WHERE f.stack_id = p.stack_id AND f.function_name LIKE 'net/http.%')
ORDER BY p.delay_ns DESC;
stack_id | contentions | delay_ns | leaf_function
78 | 69 | 205992384 | internal/poll.(*FD).Read
37 | 62 | 166188480 | internal/poll.(*FD).Read
133 | 17 | 85152769 | internal/poll.(*FD).Accept
126 | 22 | 29940992 | internal/poll.(*FD).Read
110 | 39 | 3890240 | internal/poll.(*FD).WaitWrite
43 | 15 | 2681152 | internal/poll.(*FD).Read
28 | 57 | 1272128 | internal/poll.(*FD).Read
50 | 46 | 1245248 | internal/poll.(*FD).Read
119 | 18 | 307904 | internal/poll.(*FD).Read
81 | 8 | 135808 | internal/poll.(*FD).Read
!ok
