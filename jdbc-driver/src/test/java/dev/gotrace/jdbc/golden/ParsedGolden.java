package dev.gotrace.jdbc.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What the reports need from a {@code go tool trace -d=parsed} golden (PROG.parsed.txt.gz): the
 * times of the Sync events, the number of GC mark phases, and every goroutine state transition in
 * Go's order. Times are Go's absolute trace times.
 */
public final class ParsedGolden {
  private static final Pattern SYNC = Pattern.compile("^M=-?\\d+ P=-?\\d+ G=-?\\d+ Sync Time=(\\d+)");
  private static final Pattern MARK_PHASE =
      Pattern.compile("^M=-?\\d+ P=-?\\d+ G=-?\\d+ Range(?:Begin|Active) Time=\\d+ Name=\"GC concurrent mark phase\"");
  private static final Pattern TRANSITION = Pattern.compile(
      "^M=-?\\d+ P=-?\\d+ G=-?\\d+ StateTransition Time=(\\d+) GoID=(-?\\d+) (\\w+)->(\\w+) Reason=\"(.*)\"$");

  /** A goroutine state transition: Go's state names (NotExist, Runnable, Running, Waiting, Syscall, Undetermined). */
  public record Transition(long time, long goid, String from, String to, String reason) {}

  /** The Sync times, in order, the mark phases begun or active, and the goroutine transitions in order. */
  public record Contents(List<Long> syncTimes, int markPhases, List<Transition> transitions) {}

  private ParsedGolden() {}

  public static Contents read(Path parsedGz) throws IOException {
    List<Long> syncs = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    int markPhases = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(parsedGz)), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.startsWith("M=")) continue;
        Matcher m = TRANSITION.matcher(line);
        if (m.matches()) {
          transitions.add(new Transition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3), m.group(4),
              m.group(5)));
        } else if ((m = SYNC.matcher(line)).find()) {
          syncs.add(Long.parseLong(m.group(1)));
        } else if (MARK_PHASE.matcher(line).find()) {
          markPhases++;
        }
      }
    }
    return new Contents(syncs, markPhases, transitions);
  }
}
