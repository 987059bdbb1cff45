-- goroutine_group_stacks: no Go tool computes it; GroupStacksTest asserts the burner group's CPU samples
-- and main's wait against the cpuprofile program's source and the cpu_samples table.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md).

!use testdata/traces/go1.27/cpuprofile.trace
SELECT * FROM goroutine_group_stacks WHERE name LIKE 'main.%' ORDER BY cpu_samples DESC, wait_ns DESC, name, stack_id LIMIT 8;
name | stack_id | cpu_samples | wait_ns | syscall_ns
main.burnAll.func1 | 20 | 26 | 0 | 0
main.burnAll.func1 | 29 | 11 | 0 | 0
main.burnAll.func1 | 8 | 4 | 0 | 0
main.burnAll.func1 | 43 | 1 | 0 | 0
main.burnAll.func1 | 46 | 1 | 0 | 0
main.burnAll.func1 | 52 | 1 | 0 | 0
main.main | 6 | 0 | 128118336 | 0
main.main | 38 | 0 | 109981376 | 0
!ok
