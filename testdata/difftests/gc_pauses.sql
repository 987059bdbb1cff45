-- gc_pauses: the stop-the-world ranges of go tool trace -d=parsed (PROG.parsed.txt.gz), asserted by ViewsGoldenTest.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md);
-- they are Go's numbers because that test asserts the view equal to Go's tools on every committed trace.

!use testdata/traces/go1.27/gcpressure.trace
SELECT * FROM gc_pauses ORDER BY ts LIMIT 8;
ts | dur | kind | is_gc | goid
101440 | 8064 | start trace | false | 1
604480 | 11008 | GC sweep termination | true | 1
1074240 | 61952 | GC mark termination | true | 17
1911296 | 16512 | GC sweep termination | true | 1
2748288 | 23424 | GC mark termination | true | 17
3462848 | 18496 | GC sweep termination | true | 1
4246336 | 50688 | GC mark termination | true | 18
5396224 | 39040 | GC sweep termination | true | 11
!ok
