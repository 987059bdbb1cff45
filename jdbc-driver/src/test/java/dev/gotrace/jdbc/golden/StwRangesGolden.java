package dev.gotrace.jdbc.golden;

import dev.gotrace.core.ParsedGolden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world ranges of a {@code go tool trace -d=parsed} golden (PROG.parsed.txt.gz, read by
 * {@link ParsedGolden}): each RangeBegin of a {@code "stop-the-world (<kind>)"} range paired with the
 * RangeEnd of the same name and scope, in begin order. Times are Go's absolute trace times.
 */
public final class StwRangesGolden {
  private static final Pattern STW = Pattern.compile("^ Name=\"stop-the-world \\((.*)\\)\" Scope=(\\S+)");

  /** One pause: begin time (null for a range active at trace start), end time (null if open at trace end), kind. */
  public record Pause(Long begin, Long end, String kind) {}

  private StwRangesGolden() {}

  /** The pauses of {@code parsedGz}. */
  public static List<Pause> read(Path parsedGz) throws IOException {
    List<Pause> pauses = new ArrayList<>();
    Map<String, Integer> open = new HashMap<>();
    ParsedGolden.forEachEvent(parsedGz, e -> {
      if (!e.kind().startsWith("Range")) return;
      Matcher m = STW.matcher(e.fields());
      if (!m.find()) return;
      String key = m.group(1) + "|" + m.group(2);
      switch (e.kind()) {
        case "RangeBegin" -> {
          open.put(key, pauses.size());
          pauses.add(new Pause(e.time(), null, m.group(1)));
        }
        case "RangeActive" -> {
          open.put(key, pauses.size());
          pauses.add(new Pause(null, null, m.group(1)));
        }
        default -> {
          Integer i = open.remove(key);
          if (i == null) throw new IllegalArgumentException(parsedGz + ": RangeEnd without begin at " + e.time());
          Pause p = pauses.get(i);
          pauses.set(i, new Pause(p.begin(), e.time(), p.kind()));
        }
      }
    });
    return pauses;
  }
}
