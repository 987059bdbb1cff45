package dev.gotrace.cli;

import dev.gotrace.jdbc.GoTraceDriver;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The decode-cache options every command that opens a trace takes, as connection URL properties. */
final class CacheOptions {
  @Option(names = "--no-cache",
      description = "Decode the trace even if the decode cache holds its tables, and do not add them to it.")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Decode cache directory (default: $GOTRACE_SQL_CACHE_DIR, else $XDG_CACHE_HOME/gotrace-sql, "
          + "else ~/.cache/gotrace-sql). Safe to delete; GOTRACE_SQL_CACHE=off turns the cache off.")
  Path cacheDir;

  /** The same choice as connection properties, for commands that open traces without a URL ({@code serve}). */
  Properties properties() {
    Properties p = new Properties();
    if (noCache) p.setProperty(GoTraceDriver.CACHE_PROPERTY, "off");
    if (cacheDir != null) p.setProperty(GoTraceDriver.CACHE_DIR_PROPERTY, cacheDir.toAbsolutePath().toString());
    return p;
  }

  /** The properties to append to the connection URL. */
  String urlProperties() {
    StringBuilder p = new StringBuilder();
    if (noCache) p.append(';').append(GoTraceDriver.CACHE_PROPERTY).append("=off");
    if (cacheDir != null) p.append(';').append(GoTraceDriver.CACHE_DIR_PROPERTY).append('=').append(cacheDir.toAbsolutePath());
    return p.toString();
  }
}
