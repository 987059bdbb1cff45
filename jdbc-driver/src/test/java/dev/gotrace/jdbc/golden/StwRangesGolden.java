package dev.gotrace.jdbc.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The stop-the-world ranges of a {@code go tool trace -d=parsed} golden (PROG.parsed.txt.gz):
 * each RangeBegin of a {@code "stop-the-world (<kind>)"} range paired with the RangeEnd of the same
 * name and scope, in begin order. Times are Go's absolute trace times.
 */
public final class StwRangesGolden {
  private static final Pattern RANGE = Pattern.compile(
      " (RangeBegin|RangeActive|RangeEnd) Time=(\\d+) Name=\"stop-the-world \\((.*)\\)\" Scope=(\\S+)");

  /** One pause: begin time (null for a range active at trace start), end time (null if open at trace end), kind. */
  public record Pause(Long begin, Long end, String kind) {}

  private StwRangesGolden() {}

  /** The pauses of {@code parsedGz}. */
  public static List<Pause> read(Path parsedGz) throws IOException {
    List<Pause> pauses = new ArrayList<>();
    Map<String, Integer> open = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(parsedGz)), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.contains("stop-the-world")) continue;
        Matcher m = RANGE.matcher(line);
        if (!m.find()) continue;
        String key = m.group(3) + "|" + m.group(4);
        long time = Long.parseLong(m.group(2));
        switch (m.group(1)) {
          case "RangeBegin" -> {
            open.put(key, pauses.size());
            pauses.add(new Pause(time, null, m.group(3)));
          }
          case "RangeActive" -> {
            open.put(key, pauses.size());
            pauses.add(new Pause(null, null, m.group(3)));
          }
          default -> {
            Integer i = open.remove(key);
            if (i == null) throw new IllegalArgumentException(parsedGz + ": RangeEnd without begin: " + line);
            Pause p = pauses.get(i);
            pauses.set(i, new Pause(p.begin(), time, p.kind()));
          }
        }
      }
    }
    return pauses;
  }
}
