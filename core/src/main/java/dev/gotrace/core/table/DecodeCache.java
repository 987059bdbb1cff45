package dev.gotrace.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where decoded tables are kept between processes: one directory per trace file under a cache
 * directory, holding each table built so far as an Arrow IPC file (see {@link CacheEntry}). Safe
 * to delete at any time; an entry is only served if the trace file, the tables' schemas and the
 * code that built them are what they were when it was written.
 */
public final class DecodeCache {
  /** Environment variable naming the cache directory. */
  public static final String DIRECTORY_VARIABLE = "GOTRACE_SQL_CACHE_DIR";
  /** Environment variable that disables the cache when set to {@code off}. */
  public static final String SWITCH_VARIABLE = "GOTRACE_SQL_CACHE";

  private static final DecodeCache DISABLED = new DecodeCache(null);

  private final Path directory;

  private DecodeCache(Path directory) {
    this.directory = directory;
  }

  /** No cache: every table is decoded from the trace. */
  public static DecodeCache disabled() { return DISABLED; }

  /** A cache in {@code directory} (created when first written). */
  public static DecodeCache at(Path directory) { return new DecodeCache(directory.toAbsolutePath()); }

  /**
   * The cache the settings ask for, else the environment's: off if {@code enabled} is
   * {@code off}/{@code false} (or, when it is null, if {@value #SWITCH_VARIABLE} is {@code off});
   * in {@code directory}, else {@value #DIRECTORY_VARIABLE}, else {@code $XDG_CACHE_HOME/gotrace-sql},
   * else {@code ~/.cache/gotrace-sql}.
   *
   * @throws IllegalArgumentException if {@code enabled} is not a boolean word
   */
  public static DecodeCache configured(String enabled, String directory, Map<String, String> environment) {
    String onOff = enabled != null ? enabled : environment.getOrDefault(SWITCH_VARIABLE, "on");
    if (!isOn(onOff)) return DISABLED;
    if (directory != null && !directory.isBlank()) return at(Path.of(directory));
    String variable = environment.get(DIRECTORY_VARIABLE);
    if (variable != null && !variable.isBlank()) return at(Path.of(variable));
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return at(base.resolve("gotrace-sql"));
  }

  private static boolean isOn(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("cache must be on or off, not '" + value + "'");
    };
  }

  /** The directory, or empty if the cache is disabled. */
  public Optional<Path> directory() { return Optional.ofNullable(directory); }

  /** The entry of {@code trace}, or empty if the cache is disabled or its directory unusable. */
  Optional<CacheEntry> entry(Path trace) {
    if (directory == null) return Optional.empty();
    try {
      return Optional.of(CacheEntry.open(directory, trace));
    } catch (IOException | RuntimeException e) {
      CacheEntry.LOG.warn("decode cache {} not used: {}", directory, e.toString());
      return Optional.empty();
    }
  }

  @Override public String toString() {
    return directory == null ? "no decode cache" : "decode cache " + directory;
  }
}
