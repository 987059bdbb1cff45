-- _region_durations: every region go tool trace's user region pages count (regions.in_go_summary),
-- with its duration and the frame those pages key it by. Helper of region_summary and
-- region_frame_summary.
-- region_id BIGINT: the region (joins regions.region_id).
-- name VARCHAR: region type.
-- frame_function VARCHAR: function of the outermost frame of the region's start stack (Go 1.24+'s /userregions key); NULL without a start stack.
-- frame_pc BIGINT: PC of that frame; NULL without a start stack.
-- d BIGINT: duration in ns over [begin or trace start, end or trace end].
-- All four are precomputed at load in the table regions, which documents each rule.
SELECT region_id, name, start_root_function AS frame_function, start_root_pc AS frame_pc, page_dur_ns AS d
FROM regions
WHERE in_go_summary
