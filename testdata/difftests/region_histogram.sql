-- region_histogram: the histograms of go tool trace's user regions page (PROG.histograms.json), asserted by HistogramsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM region_histogram ORDER BY name, frame_pc, bucket;
name | frame_function | frame_pc | bucket | bucket_min_ns | regions
 | main.main | 4906538 | 25 | 100000 | 1
consumer | main.handOff.func1 | 4909492 | 25 | 100000 | 1
dangling.region | main.main | 4906598 | 27 | 251188 | 1
decode | main.main | 4906514 | 25 | 100000 | 3
fetch | main.handleRequest.func2 | 4908810 | 30 | 1000000 | 8
fetch | main.handleRequest.func2 | 4908810 | 31 | 1584893 | 4
fetch.parse | main.handleRequest.func2 | 4908852 | 23 | 39810 | 12
merge | main.main | 4906514 | 17 | 2511 | 1
merge | main.main | 4906514 | 18 | 3981 | 1
merge | main.main | 4906514 | 19 | 6309 | 1
never-ended | main.leaveOpen.func1 | 4909750 | 23 | 39810 | 1
producer | main.main | 4906538 | 25 | 100000 | 1
send | main.handleRequest.func2 | 4909019 | 12 | 251 | 8
send | main.handleRequest.func2 | 4909019 | 13 | 398 | 1
send | main.handleRequest.func2 | 4909019 | 15 | 1000 | 2
send | main.handleRequest.func2 | 4909019 | 16 | 1584 | 1
!ok
