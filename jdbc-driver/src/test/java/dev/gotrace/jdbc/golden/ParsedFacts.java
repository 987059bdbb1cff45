package dev.gotrace.jdbc.golden;

import dev.gotrace.core.ParsedGolden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reports need from a {@code go tool trace -d=parsed} golden (PROG.parsed.txt.gz, read by
 * {@link ParsedGolden}): the times of the Sync events, the number of GC mark phases, and every
 * goroutine state transition in Go's order. Times are Go's absolute trace times.
 */
public final class ParsedFacts {
  private static final String MARK_PHASE = " Name=\"GC concurrent mark phase\"";
  private static final Pattern TRANSITION = Pattern.compile("^ GoID=(-?\\d+) (\\w+)->(\\w+) Reason=\"(.*)\"$");

  /** A goroutine state transition: Go's state names (NotExist, Runnable, Running, Waiting, Syscall, Undetermined). */
  public record Transition(long time, long goid, String from, String to, String reason) {}

  /** The Sync times, in order, the mark phases begun or active, and the goroutine transitions in order. */
  public record Contents(List<Long> syncTimes, int markPhases, List<Transition> transitions) {}

  private ParsedFacts() {}

  public static Contents read(Path parsedGz) throws IOException {
    List<Long> syncs = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    int[] markPhases = {0};
    ParsedGolden.forEachEvent(parsedGz, e -> {
      switch (e.kind()) {
        case "Sync" -> syncs.add(e.time());
        case "RangeBegin", "RangeActive" -> {
          if (e.fields().startsWith(MARK_PHASE)) markPhases[0]++;
        }
        case "StateTransition" -> {
          Matcher m = TRANSITION.matcher(e.fields());
          if (m.matches()) {
            transitions.add(new Transition(e.time(), Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4)));
          }
        }
        default -> { }
      }
    });
    return new Contents(syncs, markPhases[0], transitions);
  }
}
