package dev.gotrace.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a {@code go tool pprof -raw} golden of one of {@code go tool trace}'s profiles:
 * per sample its stack as frames {@code "function file:line"}, leaf first (inlined frames of a
 * location, printed on continuation lines, in their printed order), its locations' PCs, contentions
 * and delay.
 * Trailing frames at PC 0 are dropped (see {@link #read}).
 */
public final class PprofRawGolden {
  /**
   * {@code "   12: 0x666f1b M=1 main.get ./main.go:101:0 s=0"}, or a continuation line (an inlined
   * frame) without id and address; a PC Go could not symbolise has empty function and file
   * ({@code "    1: 0x0 M=1  :0:0 s=0"}).
   */
  private static final Pattern LOCATION =
      Pattern.compile("^\\s*(?:(\\d+): 0x([0-9a-f]+) (?:M=\\d+ )?)?(.*) (\\S*):(\\d+):\\d+ s=\\d+$");

  /** One pprof sample. */
  public record Sample(List<String> frames, List<Long> pcs, long contentions, long delayNs) {}

  private PprofRawGolden() {}

  /** The samples of {@code file}. */
  public static List<Sample> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int locations = lines.indexOf("Locations");
    Map<Long, List<String>> frames = new HashMap<>();
    Map<Long, Long> pcs = new HashMap<>();
    List<String> current = null;
    for (int i = locations + 1; i < lines.size() && !lines.get(i).equals("Mappings"); i++) {
      Matcher m = LOCATION.matcher(lines.get(i));
      if (!m.matches()) throw new IllegalArgumentException(file + ": unexpected location line: " + lines.get(i));
      if (m.group(1) != null) {
        current = new ArrayList<>();
        frames.put(Long.parseLong(m.group(1)), current);
        pcs.put(Long.parseLong(m.group(1)), Long.parseUnsignedLong(m.group(2), 16));
      }
      current.add(m.group(3) + " " + m.group(4) + ":" + m.group(5));
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = lines.indexOf("Samples:") + 2; i < locations; i++) {
      String[] parts = lines.get(i).split(":", 2);
      String[] values = parts[0].trim().split("\\s+");
      List<Long> ids = new ArrayList<>();
      for (String id : parts[1].trim().split("\\s+")) if (!id.isEmpty()) ids.add(Long.parseLong(id));
      // cmd/trace keys records by their PCs zero-padded to 128, so trailing PC-0 frames do not tell
      // records apart: such a record is "no stack" plus any stacks ending in PC 0.
      while (!ids.isEmpty() && pcs.get(ids.get(ids.size() - 1)) == 0) ids.remove(ids.size() - 1);
      List<String> stack = new ArrayList<>();
      List<Long> stackPcs = new ArrayList<>();
      for (long id : ids) {
        stack.addAll(frames.get(id));
        stackPcs.add(pcs.get(id));
      }
      samples.add(new Sample(stack, stackPcs, Long.parseLong(values[0]), Long.parseLong(values[1])));
    }
    return samples;
  }
}
