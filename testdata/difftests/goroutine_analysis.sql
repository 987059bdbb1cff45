-- goroutine_analysis: Go's goroutine summary (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM goroutine_analysis ORDER BY block_ns DESC, goid LIMIT 8;
goid | name | create_ts | start_ts | end_ts | total_ns | exec_ns | sched_wait_ns | syscall_ns | syscall_block_ns | block_ns | unknown_ns | is_system
2 | runtime.forcegchelper | 0 | NULL | NULL | 648931329 | 0 | 0 | 0 | 0 | 648931329 | 0 | true
3 | runtime.bgsweep | 0 | NULL | NULL | 648931329 | 0 | 0 | 0 | 0 | 648931329 | 0 | true
4 | runtime.bgscavenge | 0 | NULL | NULL | 648931329 | 0 | 0 | 0 | 0 | 648931329 | 0 | true
17 | runtime.updateMaxProcsGoroutine | 0 | NULL | NULL | 648931329 | 0 | 0 | 0 | 0 | 648931329 | 0 | true
18 | runtime.runFinalizers | 0 | NULL | NULL | 648931329 | 0 | 0 | 0 | 0 | 648931329 | 0 | true
20 | runtime.(*traceAdvancerState).start.func1 | 60224 | 83008 | NULL | 648871105 | 2496 | 22784 | 0 | 0 | 648845825 | 0 | true
21 | runtime/trace.(*traceMultiplexer).startLocked.func1 | 74048 | 85888 | NULL | 648857281 | 6656 | 11840 | 25088 | 0 | 648813697 | 0 | false
19 | runtime.traceStartReadCPU.func1 | 58176 | 72000 | NULL | 648873153 | 58368 | 42496 | 0 | 0 | 648772289 | 0 | true
!ok
