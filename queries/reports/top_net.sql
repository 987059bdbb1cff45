-- report_top_net: the 10 stacks where goroutines spent the most time waiting on the network poller, most first, with their
-- frames as text: the top of go tool trace -pprof=net (net_blocking_profile).
-- stack_id BIGINT: the stack (joins stacks.stack_id); NULL is the row of intervals Go attributes no stack to.
-- contentions BIGINT: number of intervals (pprof's contentions).
-- delay_ns BIGINT: their total time in ns (pprof's delay).
-- delay_pct DOUBLE: delay_ns as a percentage of the whole profile's delay.
-- leaf_location VARCHAR: file:line of the innermost frame (stack_text.leaf_location); NULL if no stack.
-- frames VARCHAR: function names leaf to root, separated by ' <- ' (stack_text.frames); NULL if no stack.
SELECT p.stack_id, p.contentions, p.delay_ns,
       CAST(p.delay_ns AS DOUBLE) * 100 / SUM(p.delay_ns) OVER () AS delay_pct,
       s.leaf_location, s.frames
FROM net_blocking_profile p
LEFT JOIN stack_text s ON s.stack_id = p.stack_id
ORDER BY p.delay_ns DESC, p.stack_id
LIMIT 10
