package dev.gotrace.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The traces a catalogue names, each with its {@code trace_id}: the one rule for turning a path, a
 * directory, a glob or several of them into trace files, shared by the driver, the CLI and exports.
 *
 * <ul>
 *   <li>a file: that trace;
 *   <li>a directory: every regular file under it (recursively) whose name ends in {@code .trace};
 *   <li>a glob ({@code *}, {@code ?}, {@code [} or <code>{</code> in the path): the regular files it
 *       matches, under its longest directory prefix without wildcards ({@code **} crosses folders).
 * </ul>
 *
 * A trace's id is its path relative to the root it was found under (the directory, the glob's
 * prefix, or for a plain file its parent), with {@code /} separators: {@code go1.27/chansync.trace}.
 * So it is stable for a path whatever the working directory. Files are listed in id order; a file
 * named twice is listed once, and two files with one id get {@code #2}, {@code #3} appended.
 */
public final class TraceFiles {
  /** The extension a directory's traces have. */
  public static final String EXTENSION = ".trace";

  /** A trace file and its id in the catalogue. */
  public record TraceFile(String traceId, Path path) {}

  private TraceFiles() {}

  /** True if {@code spec} is a glob rather than a path. */
  public static boolean isGlob(String spec) {
    return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** True if {@code specs} name more than one plain file: a directory, a glob or several paths. */
  public static boolean isCatalogue(List<String> specs) {
    return specs.size() > 1 || specs.stream().anyMatch(s -> isGlob(s) || Files.isDirectory(Path.of(s)));
  }

  /**
   * The traces {@code specs} name, in id order.
   *
   * @throws NoSuchFileException if a plain path names nothing, or a directory or glob matches no file
   * @throws IOException if a directory cannot be listed
   */
  public static List<TraceFile> resolve(List<String> specs) throws IOException {
    Map<Path, String> ids = new LinkedHashMap<>();
    for (String spec : specs) {
      for (TraceFile f : resolveOne(spec)) ids.putIfAbsent(f.path().toAbsolutePath().normalize(), f.traceId());
    }
    Map<String, TraceFile> byId = new java.util.TreeMap<>();
    for (Map.Entry<Path, String> e : ids.entrySet()) {
      String id = e.getValue();
      for (int n = 2; byId.containsKey(id); n++) id = e.getValue() + "#" + n;
      byId.put(id, new TraceFile(id, e.getKey()));
    }
    return List.copyOf(byId.values());
  }

  private static List<TraceFile> resolveOne(String spec) throws IOException {
    if (isGlob(spec)) return glob(spec);
    Path path = Path.of(spec);
    if (Files.isDirectory(path)) {
      List<TraceFile> found = under(path, p -> p.getFileName().toString().endsWith(EXTENSION));
      if (found.isEmpty()) throw new NoSuchFileException(spec, null, "no *" + EXTENSION + " file in this directory");
      return found;
    }
    if (!Files.isRegularFile(path)) throw new NoSuchFileException(spec, null, "no such trace file");
    return List.of(new TraceFile(path.getFileName().toString(), path));
  }

  private static List<TraceFile> glob(String spec) throws IOException {
    Path prefix = Path.of("");
    Path pattern = Path.of(spec);
    Path root = pattern.getRoot();
    if (root != null) prefix = root;
    int wild = 0;
    for (; wild < pattern.getNameCount() && !isGlob(pattern.getName(wild).toString()); wild++) {
      prefix = prefix.resolve(pattern.getName(wild));
    }
    if (wild == pattern.getNameCount()) throw new NoSuchFileException(spec, null, "not a glob");
    String rest = pattern.subpath(wild, pattern.getNameCount()).toString();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    Path base = prefix.toString().isEmpty() ? Path.of(".") : prefix;
    if (!Files.isDirectory(base)) throw new NoSuchFileException(spec, null, "the glob's directory does not exist");
    List<TraceFile> found = under(base, p -> matcher.matches(base.relativize(p)));
    if (found.isEmpty()) throw new NoSuchFileException(spec, null, "the glob matches no file");
    return found;
  }

  private static List<TraceFile> under(Path base, java.util.function.Predicate<Path> keep) throws IOException {
    List<TraceFile> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base)) {
      files.filter(Files::isRegularFile).filter(keep).sorted().forEach(p -> found.add(
          new TraceFile(base.relativize(p).toString().replace(java.io.File.separatorChar, '/'), p)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return found;
  }
}
