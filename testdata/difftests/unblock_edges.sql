-- unblock_edges: no Go tool computes it; WaitChainScenarioTest asserts these edges against the
-- waitchain program's source (testdata/programs/waitchain).
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the view (see testdata/README.md).

!use testdata/scenarios/waitchain.trace
SELECT * FROM unblock_edges WHERE goid IN (22, 23) ORDER BY ts, goid;
ts | unblocker_goid | goid | reason | blocked_ts | wait_ns | blocked_stack_id | unblock_stack_id | event_id
54921344 | 24 | 23 | chan receive | 369472 | 54551872 | 9 | 26 | 42
55080960 | 23 | 22 | chan receive | 368448 | 54712512 | 3 | 20 | 46
!ok
