-- _region_durations: every region go tool trace's user region pages count (regions.in_go_summary),
-- with its duration and the frame those pages key it by. Helper of region_summary and
-- region_frame_summary.
-- region_id BIGINT: the region (joins regions.region_id).
-- name VARCHAR: region type.
-- frame_function VARCHAR: function of the outermost frame of the region's start stack (Go 1.24+'s /userregions key); NULL without a start stack.
-- frame_pc BIGINT: PC of that frame; NULL without a start stack.
-- d BIGINT: duration in ns over [begin or trace start, end or trace end].
SELECT r.region_id, r.name, f.function_name AS frame_function, f.pc AS frame_pc,
       COALESCE(r.end_ts, t.duration_ns) - COALESCE(r.ts, 0) AS d
FROM regions r
CROSS JOIN trace_info t
LEFT JOIN stacks s ON s.stack_id = r.start_stack_id
LEFT JOIN stack_frames f ON f.stack_id = s.stack_id AND f.depth = s.depth - 1
WHERE r.in_go_summary
