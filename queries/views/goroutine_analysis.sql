-- goroutine_analysis: per goroutine, where its time went, as Go 1.27's goroutine summary
-- (internal/trace/summary.go) and go tool trace's goroutine pages compute it, quirks included:
-- a syscall still open at trace end counts wholly as syscall time and its part after the P was
-- lost also as scheduler wait; a goroutine blocked 'forever' ends there; a goroutine that existed
-- before the trace starts at the Sync of its first generation. Reused goroutine ids (cgo callbacks)
-- describe the last incarnation, as Go does.
-- goid BIGINT: goroutine id (joins goroutines.goid).
-- name VARCHAR: start function as Go names it ('' if Go has no stack for it).
-- create_ts BIGINT: creation time in ns since trace start (Go's CreationTime).
-- start_ts BIGINT: first time it ran; NULL if it never ran (Go's StartTime).
-- end_ts BIGINT: when it exited or blocked forever; NULL if alive at trace end (Go's EndTime).
-- total_ns BIGINT: end_ts (or trace end) minus create_ts (Go's TotalTime).
-- exec_ns BIGINT: time running (Go's ExecTime, "Execution time").
-- sched_wait_ns BIGINT: time runnable, waiting for a P (Go's SchedWaitTime, "Sched wait time").
-- syscall_ns BIGINT: time in syscalls while holding its P (Go's SyscallTime, "Syscall execution time").
-- syscall_block_ns BIGINT: time in syscalls after its P went idle or was stolen (Go's SyscallBlockTime, "Block time (syscall)").
-- block_ns BIGINT: time waiting, all reasons (sum of Go's BlockTimeByReason; per reason in goroutine_block_time).
-- unknown_ns BIGINT: total_ns not accounted for by the above, at least 0 (Go's "Unknown time").
-- is_system BOOLEAN: Go's IsSystemGoroutine(name).
-- Everything is precomputed at load in the table goroutine_times, which documents each rule.
SELECT goid, name, create_ts, start_ts, end_ts, total_ns,
       exec_ns, sched_wait_ns, syscall_ns, syscall_block_ns, block_ns, unknown_ns, is_system
FROM goroutine_times
