-- stack_text: every stack as one line of text, for reading a profile row or a goroutine's stack at a glance.
-- Join it on any stack_id column, e.g. SELECT p.delay_ns, s.frames FROM sync_blocking_profile p JOIN stack_text s ON s.stack_id = p.stack_id.
-- stack_id BIGINT: the stack (joins stacks.stack_id and every other stack_id column).
-- depth BIGINT: number of frames.
-- frames VARCHAR: function names from the leaf (innermost call) to the root, separated by ' <- '.
-- leaf_location VARCHAR: file:line of the leaf frame.
SELECT f.stack_id, COUNT(*) AS depth,
       LISTAGG(f.function_name, ' <- ') WITHIN GROUP (ORDER BY f.depth) AS frames,
       MAX(CASE WHEN f.depth = 0 THEN f.file || ':' || CAST(f.line AS VARCHAR) END) AS leaf_location
FROM stack_frames f
GROUP BY f.stack_id
