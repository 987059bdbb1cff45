package dev.gotrace.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.TestData;
import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.table.TraceDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The round trip events table → replay gives Go's state transitions: every goroutine and proc
 * transition of {@code go tool trace -d=parsed} (PROG.parsed.txt.gz), in order, with Go's time,
 * states and reason, so analyses replayed from the table see the decoder's events.
 */
class EventsTableReplayTest {
  @ParameterizedTest
  @ValueSource(strings = {"go1.27/chansync", "go1.27/syscalls", "go1.21/mix"})
  void replayedTransitionsAreGos(String name) throws Exception {
    List<String> go = new ArrayList<>();
    ParsedGolden.forEachEvent(TestData.root().resolve("golden/" + name + ".parsed.txt.gz"), e -> {
      if (e.kind().equals("StateTransition")) go.add(e.time() + e.fields());
    });
    List<String> replayed = new ArrayList<>();
    Path trace = TestData.root().resolve("traces/" + name + ".trace");
    try (TraceDatabase db = TraceDatabase.open(trace)) {
      long origin = db.readResult().firstTime();
      EventsTableReplay replay = new EventsTableReplay(db);
      replay.replay(e -> {
        if (e.kind() != EventKind.STATE_TRANSITION) return;
        boolean proc = e.resourceKind() == ResourceKind.PROC;
        String from = proc ? ProcState.of(e.fromState()).goName() : GoState.of(e.fromState()).goName();
        String to = proc ? ProcState.of(e.toState()).goName() : GoState.of(e.toState()).goName();
        replayed.add((origin + e.time()) + (proc ? " ProcID=" : " GoID=") + e.resourceId() + " " + from + "->" + to
            + " Reason=\"" + replay.string(e.reasonId()) + "\"");
      });
    }
    assertEquals(go.size(), replayed.size(), "transitions");
    for (int i = 0; i < go.size(); i++) assertEquals(go.get(i), replayed.get(i), "transition " + i);
  }
}
