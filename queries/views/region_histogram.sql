-- region_histogram: the duration histogram of each row of go tool trace's user regions page (region
-- type and outermost start frame, as region_frame_summary): per bucket of Go's TimeHistogram (five
-- per power of ten: bucket = int(ln(ns) / ln(10^(1/5))), 0 for 0 ns), the number of regions.
-- Buckets without regions have no row.
-- name VARCHAR: region type.
-- frame_function VARCHAR: function of the outermost frame of the regions' start stack; NULL without a stack.
-- frame_pc BIGINT: PC of that frame; NULL without a stack.
-- bucket INTEGER: Go's histogram bucket (go_histogram_bucket of the duration).
-- bucket_min_ns BIGINT: the bucket's lower bound as Go's page prints it (go_histogram_bucket_min).
-- regions BIGINT: regions in the bucket.
SELECT name, frame_function, frame_pc, go_histogram_bucket(d) AS bucket,
       go_histogram_bucket_min(go_histogram_bucket(d)) AS bucket_min_ns, COUNT(*) AS regions
FROM _region_durations
GROUP BY name, frame_function, frame_pc, go_histogram_bucket(d)
