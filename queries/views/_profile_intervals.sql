-- _profile_intervals: the intervals go tool trace's pprof-style profiles count (cmd/trace/pprof.go),
-- each clipped to its goroutine's [start_ts, end_ts or trace end] as Go clips it. Intervals still
-- open at trace end and intervals with no overlap are dropped, as in Go. Helper of the four
-- *_profile views.
-- The overlap is written as min(ends) - max(starts), kept when > 0 (Go's overlap is 0 exactly when
-- that is <= 0), without CASE guards: Calcite 1.42 simplifies a guard such as
-- "COALESCE(end_ts, x) < ts" in a pushed-down filter into a comparison on end_ts cast to NOT NULL,
-- which is true for a NULL end_ts and silently dropped every goroutine alive at trace end.
-- A goroutine that never ran (start_ts NULL) has Go's start 0, before every interval: 0 here.
-- profile VARCHAR: 'net', 'sync', 'syscall' or 'sched' (blocking_intervals.profile).
-- goid BIGINT: the goroutine (joins goroutines.goid).
-- stack_id BIGINT: stack Go attributes the interval to: blocking_intervals.profile_stack_id, which merges stacks Go's profiles cannot tell apart (same first 128 PCs); NULL if none (joins stacks.stack_id).
-- ts BIGINT: start of the interval (ns since trace start).
-- dur BIGINT: whole length of the interval in ns.
-- delay_ns BIGINT: the part of the interval inside the goroutine's [start_ts, end_ts or trace end]: what Go adds to the profile.
SELECT profile, goid, stack_id, ts, dur, delay_ns
FROM (
  SELECT b.profile, b.goid, b.profile_stack_id AS stack_id, b.ts, b.dur,
         CASE WHEN b.ts + b.dur < COALESCE(g.end_ts, t.duration_ns)
              THEN b.ts + b.dur ELSE COALESCE(g.end_ts, t.duration_ns) END
         - CASE WHEN b.ts > COALESCE(g.start_ts, 0)
                THEN b.ts ELSE COALESCE(g.start_ts, 0) END AS delay_ns
  FROM blocking_intervals b
  JOIN goroutines g ON g.goid = b.goid
  CROSS JOIN trace_info t
  WHERE b.profile IS NOT NULL AND b.dur IS NOT NULL
) clipped
WHERE delay_ns > 0
