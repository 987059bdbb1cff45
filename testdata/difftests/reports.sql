-- The canned reports (queries/reports/*.sql, views report_<name>), each on the trace it is about.
-- Expected rows: written once by DiffTestsTest -Dregenerate=true from the reports (see testdata/README.md);
-- they are Go's numbers because ReportsGoldenTest asserts every report equal to go tool trace -d=parsed,
-- the goroutine summary, pprof -raw and Go's MMU on every Go 1.27 trace. Each query repeats its
-- report's ORDER BY: Calcite drops the ORDER BY of a view read without LIMIT, so SELECT * FROM
-- report_x alone comes unordered (the report command runs the report's own SQL, in order).

!use testdata/traces/go1.27/chansync.trace
SELECT * FROM report_summary;
duration_ns | generations | goroutines | goroutines_alive_at_end | gc_cycles | stw_pauses | stw_total_ns | stw_max_ns | top_block_reasons | truncated | lost_bytes
648931329 | 1 | 36 | 9 | 0 | 1 | 7360 | 7360 | (before trace): 3244656645; sync: 1475512896; chan receive: 1297644546 | false | 0
!ok

SELECT * FROM report_top_sync ORDER BY delay_ns DESC, stack_id;
stack_id | contentions | delay_ns | delay_pct | leaf_location | frames
36 | 159 | 1093985791 | 37.899791559525035 | sync/mutex.go:46 | sync.(*Mutex).Lock <- main.mutexContention.func1
25 | 6 | 601905088 | 20.852261118460518 | runtime/chan.go:509 | runtime.chanrecv1 <- runtime.(*wakeableSleep).sleep <- runtime.traceStartReadCPU.func1
22 | 295 | 321303616 | 11.131168406301242 | runtime/chan.go:161 | runtime.chansend1 <- main.pipeline.func1
21 | 291 | 316429056 | 10.962295273337125 | runtime/chan.go:161 | runtime.chansend1 <- main.pipeline <- main.main
64 | 1 | 162897472 | 5.643382469099698 | sync/waitgroup.go:206 | sync.(*WaitGroup).Wait <- main.mutexContention <- main.main
81 | 176 | 147307008 | 5.103270028172868 | sync/rwmutex.go:74 | sync.(*RWMutex).RLock <- main.rwMutexContention.func2
19 | 199 | 105620480 | 3.6590915616535487 | runtime/select.go:351 | runtime.selectgo <- main.selectLoop <- main.main
82 | 60 | 65471552 | 2.2681813550891032 | sync/cond.go:71 | sync.(*Cond).Wait <- main.condBroadcast.func1
34 | 1 | 40288960 | 1.3957614428924898 | sync/waitgroup.go:206 | sync.(*WaitGroup).Wait <- main.rwMutexContention <- main.main
73 | 23 | 20089664 | 0.6959816885783427 | sync/mutex.go:46 | sync.(*Mutex).Lock <- sync.(*RWMutex).Lock <- main.rwMutexContention.func1
!ok

SELECT * FROM report_sched_latency ORDER BY kind, p99_ns DESC, name;
kind | name | waits | p50_ns | p90_ns | p99_ns | max_ns | total_ns
all | NULL | 2825 | 2304 | 9664 | 25984 | 116608 | 11273727
group | main.rwMutexContention.func1 | 134 | 2624 | 12736 | 36864 | 116608 | 738879
group | main.selectLoop.func1 | 103 | 5888 | 14464 | 31744 | 34496 | 795712
group | main.rwMutexContention.func2 | 422 | 8704 | 15488 | 27712 | 40000 | 4142912
group | main.mutexContention.func1 | 484 | 2496 | 6080 | 27456 | 78912 | 1643456
group | runtime.(*traceAdvancerState).start.func1 | 1 | 22784 | 22784 | 22784 | 22784 | 22784
group | main.pipeline.func2 | 302 | 4160 | 7232 | 20608 | 64192 | 1564608
group | runtime.traceStartReadCPU.func1 | 7 | 4800 | 13824 | 13824 | 13824 | 42496
group | main.condBroadcast.func1 | 67 | 6720 | 12096 | 13568 | 13568 | 455040
group | main.main | 705 | 768 | 1472 | 12416 | 27008 | 796160
group | runtime/trace.(*traceMultiplexer).startLocked.func1 | 1 | 11840 | 11840 | 11840 | 11840 | 11840
group | main.selectLoop.func2 | 101 | 2944 | 6336 | 9472 | 25216 | 385664
group | main.pipeline.func1 | 297 | 1664 | 2816 | 5952 | 21440 | 564992
group | main.pingPong.func1 | 201 | 384 | 576 | 1216 | 23744 | 109184
!ok

!use testdata/traces/go1.27/leaks.trace
SELECT * FROM report_leaks ORDER BY goroutines DESC, max_blocked_ns DESC, name;
name | reason | stack_id | goroutines | min_blocked_ns | max_blocked_ns | frames
main.waitForever | chan receive | 26 | 3 | 28006145 | 32571841 | runtime.chanrecv1 <- main.waitForever
main.selectForever | select | 35 | 2 | 22702145 | 22756737 | runtime.selectgo <- main.selectForever
main.lockForever | sync | 31 | 1 | 22703617 | 22703617 | sync.(*Mutex).Lock <- main.lockForever
main.sleepLong | sleep | 22 | 1 | 22457409 | 22457409 | time.Sleep <- main.sleepLong
!ok

!use testdata/traces/go1.27/nethttp.trace
SELECT * FROM report_top_net ORDER BY delay_ns DESC, stack_id;
stack_id | contentions | delay_ns | delay_pct | leaf_location | frames
78 | 69 | 205992384 | 41.46325242268828 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*persistConn).Read <- bufio.(*Reader).fill <- bufio.(*Reader).Peek <- net/http.(*persistConn).readLoop
37 | 62 | 166188480 | 33.45130903472083 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).backgroundRead
133 | 17 | 85152769 | 17.14000628070728 | internal/poll/fd_unix.go:618 | internal/poll.(*FD).Accept <- net.(*netFD).accept <- net.(*TCPListener).accept <- net.(*TCPListener).Accept <- net/http.(*Server).Serve <- main.run.func4
126 | 22 | 29940992 | 6.026683535453866 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).Read <- bufio.(*Reader).fill <- bufio.(*Reader).Peek <- net/http.(*conn).serve
110 | 39 | 3890240 | 0.7830483825306805 | internal/poll/fd_unix.go:690 | internal/poll.(*FD).WaitWrite <- net.(*netFD).connect <- net.(*netFD).dial <- net.socket <- net.internetSocket <- net.(*sysDialer).doDialTCPProto <- net.(*sysDialer).doDialTCP <- net.(*sysDialer).dialTCP <- net.(*sysDialer).dialSingle <- net.(*sysDialer).dialSerial <- net.(*sysDialer).dialParallel <- net.(*Dialer).DialContext <- net/http.(*Transport).dial <- net/http.(*Transport).dialConn <- net/http.(*Transport).dialConnFor <- net/http.(*Transport).startDialConnForLocked.func1
43 | 15 | 2681152 | 0.5396766618303497 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).Read <- bufio.(*Reader).fill <- bufio.(*Reader).ReadSlice <- bufio.(*Reader).ReadLine <- net/textproto.(*Reader).readLineSlice <- net/textproto.(*Reader).ReadLine <- net/http.readRequestLimit <- net/http.(*conn).readRequest <- net/http.(*conn).serve
28 | 57 | 1272128 | 0.2560607501778784 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*persistConn).Read <- bufio.(*Reader).Read <- net/http/internal.(*chunkedReader).Read <- net/http.(*body).readLocked <- net/http.(*body).Read <- net/http.(*bodyEOFSignal).Read <- io.discard.ReadFrom <- io.copyBuffer <- io.Copy <- main.get <- main.run <- main.main
50 | 46 | 1245248 | 0.2506501995377059 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).Read <- bufio.(*Reader).fill <- bufio.(*Reader).ReadSlice <- net/http/internal.readChunkLine <- net/http/internal.(*chunkedReader).beginChunk <- net/http/internal.(*chunkedReader).Read <- net/http.(*body).readLocked <- net/http.(*body).Read <- io.discard.ReadFrom <- io.copyBuffer <- io.Copy <- main.run.func2 <- net/http.HandlerFunc.ServeHTTP <- net/http.(*ServeMux).ServeHTTP <- net/http.serverHandler.ServeHTTP <- net/http.(*conn).serve
119 | 18 | 307904 | 0.06197656935683317 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).Read <- bufio.(*Reader).Read <- io.ReadAtLeast <- io.ReadFull <- net/http/internal.(*chunkedReader).Read <- net/http.(*body).readLocked <- net/http.(*body).Read <- io.discard.ReadFrom <- io.copyBuffer <- io.Copy <- main.run.func2 <- net/http.HandlerFunc.ServeHTTP <- net/http.(*ServeMux).ServeHTTP <- net/http.serverHandler.ServeHTTP <- net/http.(*conn).serve
81 | 8 | 135808 | 0.027336162996300144 | internal/poll/fd_unix.go:170 | internal/poll.(*FD).Read <- net.(*netFD).Read <- net.(*conn).Read <- net/http.(*connReader).Read <- bufio.(*Reader).Read <- net/http/internal.(*chunkedReader).Read <- net/http.(*body).readLocked <- net/http.(*body).Read <- io.discard.ReadFrom <- io.copyBuffer <- io.Copy <- main.run.func2 <- net/http.HandlerFunc.ServeHTTP <- net/http.(*ServeMux).ServeHTTP <- net/http.serverHandler.ServeHTTP <- net/http.(*conn).serve
!ok

!use testdata/traces/go1.27/syscalls.trace
SELECT * FROM report_top_syscall ORDER BY delay_ns DESC, stack_id;
stack_id | contentions | delay_ns | delay_pct | leaf_location | frames
4 | 5 | 52053824 | 89.69858251842571 | syscall/zsyscall_linux_amd64.go:736 | syscall.read <- syscall.Read <- main.rawPipe.func1
65 | 4 | 2933888 | 5.055643844106804 | syscall/zsyscall_linux_amd64.go:463 | syscall.Fsync <- internal/poll.(*FD).Fsync.func1 <- internal/poll.ignoringEINTR <- internal/poll.(*FD).Fsync <- os.(*File).Sync <- main.fileIO <- main.main
60 | 1 | 1082496 | 1.8653453160687246 | internal/syscall/unix/at.go:20 | internal/syscall/unix.Unlinkat <- os.removefileat.func1 <- os.ignoringEINTR <- os.removefileat <- os.removeAllFrom <- os.removeAllFrom <- os.removeAll <- os.RemoveAll <- main.fileIO <- main.main
57 | 32 | 829568 | 1.4295025414971507 | syscall/zsyscall_linux_amd64.go:964 | syscall.write <- syscall.Write <- internal/poll.ignoringEINTRIO <- internal/poll.(*FD).Write <- os.(*File).write <- os.(*File).Write <- main.fileIO <- main.main
3 | 257 | 454080 | 0.7824657099153128 | syscall/zsyscall_linux_amd64.go:736 | syscall.read <- syscall.Read <- internal/poll.ignoringEINTRIO <- internal/poll.(*FD).Read <- os.(*File).read <- os.(*File).Read <- io.discard.ReadFrom <- io.copyBuffer <- io.Copy <- os.genericWriteTo <- os.(*File).WriteTo <- io.copyBuffer <- io.Copy <- main.fileIO <- main.main
51 | 1 | 135232 | 0.2330303093799938 | internal/syscall/unix/at.go:20 | internal/syscall/unix.Unlinkat <- os.removedirat.func1 <- os.ignoringEINTR <- os.removedirat <- os.removeAllFrom <- os.removeAll <- os.RemoveAll <- main.fileIO <- main.main
53 | 5 | 126144 | 0.2173699667713998 | syscall/zsyscall_linux_amd64.go:964 | syscall.write <- syscall.Write <- main.rawPipe <- main.main
21 | 5 | 80768 | 0.13917853783130724 | syscall/zsyscall_linux_amd64.go:964 | syscall.write <- syscall.Write <- internal/poll.ignoringEINTRIO <- internal/poll.(*FD).Write <- os.(*File).write <- os.(*File).Write <- main.polledPipe <- main.main
50 | 1 | 78272 | 0.13487745781908775 | syscall/zsyscall_linux_amd64.go:665 | syscall.Mkdirat <- syscall.Mkdir <- os.Mkdir.func1 <- os.ignoringEINTR <- os.Mkdir <- os.MkdirTemp <- main.fileIO <- main.main
6 | 50 | 50368 | 0.08679358896453153 | syscall/zsyscall_linux_amd64.go:1437 | syscall.fstatat <- syscall.Stat <- os.statNolog.func1 <- os.ignoringEINTR <- os.statNolog <- os.Stat <- main.fileIO <- main.main
!ok

!use testdata/traces/go1.27/gcpressure.trace
SELECT * FROM report_gc;
gc_cycles | gc_pauses | pause_total_ns | pause_p99_ns | pause_max_ns | mmu_1ms | mmu_10ms | mmu_100ms
12 | 24 | 10012608 | 4262208 | 4262208 | 0.247936 | 0.4953517631845665 | 0.4953517631845665
!ok

!use testdata/traces/go1.27/annotations.trace
SELECT * FROM report_regions ORDER BY p99_ns DESC, name;
name | regions | p50_ns | p90_ns | p99_ns | max_ns | total_ns
fetch | 12 | 1277504 | 1837312 | 1888320 | 1888320 | 17137344
dangling.region | 1 | 368896 | 368896 | 368896 | 368896 | 368896
producer | 1 | 111040 | 111040 | 111040 | 111040 | 111040
 | 1 | 108288 | 108288 | 108288 | 108288 | 108288
decode | 3 | 100864 | 101568 | 101568 | 101568 | 303104
consumer | 1 | 100736 | 100736 | 100736 | 100736 | 100736
fetch.parse | 12 | 50560 | 51520 | 51968 | 51968 | 609920
never-ended | 1 | 51072 | 51072 | 51072 | 51072 | 51072
merge | 3 | 4864 | 8512 | 8512 | 8512 | 17024
send | 12 | 320 | 1408 | 1920 | 1920 | 7232
!ok

SELECT * FROM report_tasks ORDER BY p99_ns DESC NULLS LAST, name;
name | tasks | complete_tasks | p50_ns | p90_ns | p99_ns | max_ns | total_ns
request | 3 | 3 | 1580416 | 2021056 | 2021056 | 2021056 | 5021056
shard | 12 | 12 | 1280192 | 1838592 | 1889792 | 1889792 | 17164416
handoff | 1 | 1 | 111296 | 111296 | 111296 | 111296 | 111296
open-region | 1 | 1 | 55424 | 55424 | 55424 | 55424 | 55424
 | 2 | 0 | NULL | NULL | NULL | NULL | NULL
dangling | 1 | 0 | NULL | NULL | NULL | NULL | NULL
!ok
