-- region_frame_summary: the rows of go tool trace's user regions page (PROG.summary.json), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM region_frame_summary ORDER BY name, frame_pc;
name | frame_function | frame_pc | regions | total_ns | p50_ns | p99_ns | max_ns
 | main.main | 4906538 | 1 | 108288 | 108288 | 108288 | 108288
consumer | main.handOff.func1 | 4909492 | 1 | 100736 | 100736 | 100736 | 100736
dangling.region | main.main | 4906598 | 1 | 368896 | 368896 | 368896 | 368896
decode | main.main | 4906514 | 3 | 303104 | 100864 | 101568 | 101568
fetch | main.handleRequest.func2 | 4908810 | 12 | 17137344 | 1277504 | 1888320 | 1888320
fetch.parse | main.handleRequest.func2 | 4908852 | 12 | 609920 | 50560 | 51968 | 51968
merge | main.main | 4906514 | 3 | 17024 | 4864 | 8512 | 8512
never-ended | main.leaveOpen.func1 | 4909750 | 1 | 51072 | 51072 | 51072 | 51072
producer | main.main | 4906538 | 1 | 111040 | 111040 | 111040 | 111040
send | main.handleRequest.func2 | 4909019 | 12 | 7232 | 320 | 1920 | 1920
!ok
