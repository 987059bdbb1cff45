-- net_blocking_profile: go tool trace -pprof=net (PROG.pprof-net.txt), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/nethttp.trace
SELECT * FROM net_blocking_profile ORDER BY delay_ns DESC, stack_id LIMIT 8;
stack_id | contentions | delay_ns | leaf_function
78 | 69 | 205992384 | internal/poll.(*FD).Read
37 | 62 | 166188480 | internal/poll.(*FD).Read
133 | 17 | 85152769 | internal/poll.(*FD).Accept
126 | 22 | 29940992 | internal/poll.(*FD).Read
110 | 39 | 3890240 | internal/poll.(*FD).WaitWrite
43 | 15 | 2681152 | internal/poll.(*FD).Read
28 | 57 | 1272128 | internal/poll.(*FD).Read
50 | 46 | 1245248 | internal/poll.(*FD).Read
!ok
