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
SELECT goid, name, create_ts, start_ts, end_ts, total_ns, exec_ns, sched_wait_ns, syscall_ns,
       syscall_block_ns, block_ns,
       CASE WHEN total_ns - (exec_ns + sched_wait_ns + syscall_ns + syscall_block_ns + block_ns) > 0
            THEN total_ns - (exec_ns + sched_wait_ns + syscall_ns + syscall_block_ns + block_ns)
            ELSE 0 END AS unknown_ns,
       is_system
FROM (
  SELECT g.goid, g.name, g.create_ts, g.start_ts, g.end_ts, g.is_system,
         COALESCE(g.end_ts, t.duration_ns) - g.create_ts AS total_ns,
         COALESCE(x.exec_ns, 0) AS exec_ns,
         COALESCE(x.sched_wait_ns, 0) AS sched_wait_ns,
         COALESCE(x.syscall_ns, 0) AS syscall_ns,
         COALESCE(x.syscall_block_ns, 0) AS syscall_block_ns,
         COALESCE(x.block_ns, 0) AS block_ns
  FROM goroutines g
  CROSS JOIN trace_info t
  LEFT JOIN (
    -- Per goroutine (last incarnation), the summary's statistics from its state intervals; an
    -- interval still open lasts until trace end.
    SELECT s.goid,
           SUM(CASE WHEN s.state = 'running' THEN COALESCE(s.dur, t.duration_ns - s.ts) ELSE 0 END) AS exec_ns,
           SUM(CASE
               WHEN s.state = 'runnable' THEN COALESCE(s.dur, t.duration_ns - s.ts)
               WHEN s.state = 'syscall' AND s.dur IS NULL AND s.syscall_block_ts IS NOT NULL
                 THEN t.duration_ns - s.syscall_block_ts
               ELSE 0 END) AS sched_wait_ns,
           SUM(CASE
               WHEN s.state <> 'syscall' THEN 0
               WHEN s.dur IS NULL THEN t.duration_ns - s.ts
               ELSE COALESCE(s.syscall_block_ts, s.ts + s.dur) - s.ts END) AS syscall_ns,
           SUM(CASE WHEN s.state = 'syscall' AND s.dur IS NOT NULL AND s.syscall_block_ts IS NOT NULL
               THEN s.ts + s.dur - s.syscall_block_ts ELSE 0 END) AS syscall_block_ns,
           SUM(CASE WHEN s.state = 'waiting' AND s.reason <> 'forever'
               THEN COALESCE(s.dur, t.duration_ns - s.ts) ELSE 0 END) AS block_ns
    FROM goroutine_states s
    JOIN goroutines g2 ON g2.goid = s.goid AND s.incarnation = g2.incarnations
    CROSS JOIN trace_info t
    GROUP BY s.goid
  ) x ON x.goid = g.goid
) sums
