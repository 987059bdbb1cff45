-- goroutine_group_stacks: on-CPU and off-CPU time per goroutine group and stack, in one place: the
-- CPU profile samples taken while a goroutine of the group ran that stack (cpu_samples; only when
-- the program ran the CPU profiler during the trace), and the time goroutines of the group spent
-- waiting or in syscalls with that stack (blocking_intervals: their own stack where they blocked
-- or entered the syscall; open intervals last until trace end). Waiting for a P is not here: Go
-- attributes it to the stack that made the goroutine runnable (sched_latency_profile). The sums
-- are precomputed at load in the table group_stack_times, which documents the rule.
-- name VARCHAR: the goroutine group (goroutines.name, the start function).
-- stack_id BIGINT: the stack; NULL for samples or intervals without one (joins stacks.stack_id).
-- cpu_samples BIGINT: CPU profile samples with this stack in the group's goroutines (each stands for one profiling period, 10 ms by default).
-- wait_ns BIGINT: time waiting (any reason) blocked at this stack, in ns.
-- syscall_ns BIGINT: time in syscalls entered at this stack, in ns.
SELECT name, stack_id, cpu_samples, wait_ns, syscall_ns
FROM group_stack_times
