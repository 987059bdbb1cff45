-- syscall_blocking_profile: go tool trace -pprof=syscall (PROG.pprof-syscall.txt), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/syscalls.trace
SELECT * FROM syscall_blocking_profile ORDER BY delay_ns DESC, stack_id LIMIT 8;
stack_id | contentions | delay_ns | leaf_function
4 | 5 | 52053824 | syscall.read
65 | 4 | 2933888 | syscall.Fsync
60 | 1 | 1082496 | internal/syscall/unix.Unlinkat
57 | 32 | 829568 | syscall.write
3 | 257 | 454080 | syscall.read
51 | 1 | 135232 | internal/syscall/unix.Unlinkat
53 | 5 | 126144 | syscall.write
21 | 5 | 80768 | syscall.write
!ok
