package dev.gotrace.cli;

import dev.gotrace.core.GoTrace;
import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.jdbc.ViewsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * {@code export --parquet OUT} and {@code export --arrow DIR}: every table of the traces named, one
 * trace at a time, into a directory written beside OUT and moved into place when complete, so a
 * failed export leaves OUT as it was.
 */
final class DatasetExport {
  enum Format {
    PARQUET("Parquet"), ARROW("Arrow IPC");

    final String label;

    Format(String label) { this.label = label; }
  }

  private final List<String> specs;
  private final Path out;
  private final Format format;
  private final boolean force;
  private final PrintWriter err;

  DatasetExport(List<String> specs, Path out, Format format, boolean force, PrintWriter err) {
    this.specs = specs;
    this.out = out.toAbsolutePath().normalize();
    this.format = format;
    this.force = force;
    this.err = err;
  }

  void run() throws IOException {
    List<TraceFiles.TraceFile> traces = resolve();
    checkTarget();
    Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    long[] totals = new long[2];
    try {
      for (TraceFiles.TraceFile trace : traces) {
        export(trace, partial, (id, files, rows, damage) -> {
          totals[0] = files;
          totals[1] += rows;
          if (damage != null) {
            err.println("gotrace-sql: warning: " + id + " is truncated or damaged (" + damage
                + "); its tables hold what was read before the damage");
          }
        });
      }
      ViewsFile.write(partial.resolve(ViewsFile.NAME), format.name().toLowerCase(java.util.Locale.ROOT));
      deleteTree(out);
      Files.move(partial, out);
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(partial);
      throw e;
    }
    err.println("gotrace-sql: wrote " + totals[0] + " tables of " + traces.size() + (traces.size() == 1 ? " trace" : " traces")
        + " (" + totals[1] + " rows) as " + format.label + " to " + out + ", views in " + ViewsFile.NAME);
  }

  private List<TraceFiles.TraceFile> resolve() throws IOException {
    try {
      return TraceFiles.resolve(specs);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.INPUT, "no trace found: " + e.getFile()
          + (e.getReason() == null ? "" : " (" + e.getReason() + ")"), e);
    }
  }

  /** OUT may be new or empty; a previous export (it has views.json) is replaced only with --force. */
  private void checkTarget() throws IOException {
    if (!Files.exists(out)) return;
    if (!Files.isDirectory(out)) throw new CliException(ExitCodes.INPUT, out + " exists and is not a directory");
    if (isEmpty(out)) return;
    if (!force) throw new CliException(ExitCodes.INPUT, out + " is not empty; use --force to replace a previous export");
    if (!Files.isRegularFile(out.resolve(ViewsFile.NAME))) {
      throw new CliException(ExitCodes.INPUT, out + " is not empty and holds no export (no " + ViewsFile.NAME
          + "); --force replaces only a previous export");
    }
  }

  private void export(TraceFiles.TraceFile trace, Path dir, GoTrace.ExportListener listener) throws IOException {
    try {
      if (format == Format.PARQUET) {
        GoTrace.exportParquet(List.of(trace), dir, listener);
      } else {
        GoTrace.exportArrow(List.of(trace), dir, listener);
      }
    } catch (TraceFormatException e) {
      throw new CliException(ExitCodes.INPUT, "cannot read " + trace.path() + ": not a readable Go trace: "
          + e.getMessage(), e);
    } catch (GoTrace.MemoryBoundException e) {
      throw new CliException(ExitCodes.MEMORY, trace.traceId() + ": " + e.getMessage()
          + "; raise the bound with GOTRACE_SQL_MEMORY (e.g. GOTRACE_SQL_MEMORY=20g)", e);
    } catch (UncheckedIOException e) {
      throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
