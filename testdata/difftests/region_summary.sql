-- region_summary: go tool trace's user regions page (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM region_summary ORDER BY name;
name | regions | total_ns | p50_ns | p99_ns | max_ns
 | 1 | 108288 | 108288 | 108288 | 108288
consumer | 1 | 100736 | 100736 | 100736 | 100736
dangling.region | 1 | 368896 | 368896 | 368896 | 368896
decode | 3 | 303104 | 100864 | 101568 | 101568
fetch | 12 | 17137344 | 1277504 | 1888320 | 1888320
fetch.parse | 12 | 609920 | 50560 | 51968 | 51968
merge | 3 | 17024 | 4864 | 8512 | 8512
never-ended | 1 | 51072 | 51072 | 51072 | 51072
producer | 1 | 111040 | 111040 | 111040 | 111040
send | 12 | 7232 | 320 | 1920 | 1920
!ok
