package dev.gotrace.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of {@code go tool trace -d=parsed} goldens (PROG.parsed.txt.gz) in the tests: an
 * event is a line {@code "M=.. P=.. G=.. Kind Time=T fields"}, then each of its stacks as a line
 * {@code "Name="}, frames {@code "\tfunction @ 0xPC"} / {@code "\t\tfile:line"} and a blank line.
 * Times are Go's absolute trace times.
 */
public final class ParsedGolden {
  private static final Pattern HEADER = Pattern.compile("^M=-?\\d+ P=-?\\d+ G=-?\\d+ (\\w+) Time=(-?\\d+)(.*)$");

  /** An event's first line: its kind, time and the rest of the line (" Name=\"...\" ..."). */
  public record Header(String kind, long time, String fields) {
    /** The header {@code line} starts, or null if it starts no event. */
    public static Header of(String line) {
      if (!line.startsWith("M=")) return null;
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) throw new IllegalArgumentException("unexpected event line: " + line);
      return new Header(m.group(1), Long.parseLong(m.group(2)), m.group(3));
    }
  }

  /** One stack frame: {@code "function @ 0xPC"} then {@code "file:line"}. */
  public record Frame(String function, long pc, String fileLine) {
    /** {@code "function file:line"}. */
    public String text() { return function + " " + fileLine; }
  }

  /** An event with its stacks by name ({@code Stack}, {@code TransitionStack}), in printed order. */
  public record Event(Header header, Map<String, List<Frame>> stacks) {
    public String kind() { return header.kind(); }

    public long time() { return header.time(); }

    public String fields() { return header.fields(); }

    /** The frames of the stack {@code name}, leaf first; empty if the event printed none. */
    public List<Frame> stack(String name) { return stacks.getOrDefault(name, List.of()); }
  }

  private ParsedGolden() {}

  /** The golden's text, line by line. */
  public static BufferedReader open(Path parsedGz) throws IOException {
    return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(parsedGz)),
        StandardCharsets.UTF_8));
  }

  /** Calls {@code action} with every event, in Go's order (the goldens are too large to hold). */
  public static void forEachEvent(Path parsedGz, Consumer<Event> action) throws IOException {
    try (BufferedReader in = open(parsedGz)) {
      Event event = null;
      List<Frame> stack = null;
      for (String line; (line = in.readLine()) != null; ) {
        Header header = Header.of(line);
        if (header != null) {
          if (event != null) action.accept(event);
          event = new Event(header, new LinkedHashMap<>());
          stack = null;
        } else if (line.startsWith("\t\t")) {
          Frame open = stack.remove(stack.size() - 1);
          stack.add(new Frame(open.function(), open.pc(), line.strip()));
        } else if (line.startsWith("\t")) {
          int at = line.lastIndexOf(" @ 0x");
          stack.add(new Frame(line.substring(1, at), Long.parseUnsignedLong(line.substring(at + 5), 16), null));
        } else if (line.endsWith("=")) {
          stack = new ArrayList<>();
          event.stacks().put(line.substring(0, line.length() - 1), stack);
        }
      }
      if (event != null) action.accept(event);
    }
  }
}
