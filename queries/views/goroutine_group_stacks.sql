-- goroutine_group_stacks: on-CPU and off-CPU time per goroutine group and stack, in one place: the
-- CPU profile samples taken while a goroutine of the group ran that stack (cpu_samples; only when
-- the program ran the CPU profiler during the trace), and the time goroutines of the group spent
-- waiting or in syscalls with that stack (blocking_intervals: their own stack where they blocked
-- or entered the syscall; open intervals last until trace end). Waiting for a P is not here: Go
-- attributes it to the stack that made the goroutine runnable (sched_latency_profile).
-- name VARCHAR: the goroutine group (goroutines.name, the start function).
-- stack_id BIGINT: the stack; NULL for samples or intervals without one (joins stacks.stack_id).
-- cpu_samples BIGINT: CPU profile samples with this stack in the group's goroutines (each stands for one profiling period, 10 ms by default).
-- wait_ns BIGINT: time waiting (any reason) blocked at this stack, in ns.
-- syscall_ns BIGINT: time in syscalls entered at this stack, in ns.
SELECT name, stack_id, SUM(cpu_samples) AS cpu_samples, SUM(wait_ns) AS wait_ns, SUM(syscall_ns) AS syscall_ns
FROM (
  SELECT g.name, c.stack_id, COUNT(*) AS cpu_samples, CAST(0 AS BIGINT) AS wait_ns, CAST(0 AS BIGINT) AS syscall_ns
  FROM cpu_samples c JOIN goroutines g ON g.goid = c.goid
  GROUP BY g.name, c.stack_id
  UNION ALL
  SELECT g.name, b.stack_id, CAST(0 AS BIGINT),
         SUM(CASE WHEN b.state = 'waiting' THEN COALESCE(b.dur, t.duration_ns - b.ts) ELSE 0 END),
         SUM(CASE WHEN b.state = 'syscall' THEN COALESCE(b.dur, t.duration_ns - b.ts) ELSE 0 END)
  FROM blocking_intervals b JOIN goroutines g ON g.goid = b.goid CROSS JOIN trace_info t
  WHERE b.state IN ('waiting', 'syscall')
  GROUP BY g.name, b.stack_id
) u
GROUP BY name, stack_id
