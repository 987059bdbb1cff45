package dev.gotrace.jdbc;

import dev.gotrace.core.TraceFiles;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.TraceReadResult;
import dev.gotrace.core.table.DecodeCache;
import dev.gotrace.core.table.MemoryBound;
import dev.gotrace.core.table.MemoryBoundExceededException;
import dev.gotrace.core.table.TraceDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The traces of a catalogue ({@code jdbc:gotrace:DIR}, a glob or several paths, as {@link
 * TraceFiles} resolves them), each a {@link CatalogueMember}. {@link CatalogueSchema} mounts them in a
 * connection as one schema whose tables and views carry a {@code trace_id} column.
 *
 * <p>Traces are opened (header checked) at once and decoded when a query first reads their tables:
 * every scan of a statement requests its table, and the first read decodes every requested trace
 * at once, on up to one thread per core shared by the process, each trace in one pass for all the
 * tables requested of it, as a single trace is. All the traces' tables are in one allocator,
 * bounded by the connection's {@code memory_limit} if it has one; passes that ran out of memory
 * together are retried one at a time before the query fails. A trace that cannot be opened or
 * decoded is kept with its error (shown in {@code traces}) and has no rows.
 *
 * <p>Freed when its owner has closed it and every connection that mounted it has closed.
 */
public final class TraceCatalogue implements AutoCloseable {
  /** The decoders of every catalogue of the process: one thread per core. */
  private static final ExecutorService DECODERS = Executors.newFixedThreadPool(
      Math.max(1, Runtime.getRuntime().availableProcessors()), new DecoderThreads());

  /** Two traces to compare, as {@code trace_diff} does: the first named, then the second. */
  record Pair(String before, String after) {}

  private final List<CatalogueMember> members = new ArrayList<>();
  /** The connection's bound over all the traces; null if only the process's applies. */
  private final BufferAllocator bound;
  private final Pair pair;
  /** Tables requested by scans and not decoded yet, per member. */
  private final Map<CatalogueMember, Set<String>> pending = new LinkedHashMap<>();
  private int mounts;
  private boolean closing;
  private boolean freed;

  private TraceCatalogue(BufferAllocator bound, Pair pair) {
    this.bound = bound;
    this.pair = pair;
  }

  /**
   * Opens the traces {@code specs} name (see {@link TraceFiles}); each one's tables may take at
   * most {@code memoryLimit} bytes of Arrow memory together ({@code Long.MAX_VALUE}: only the
   * process's bound applies).
   *
   * @throws IOException if a spec names no file or a directory cannot be listed (damaged traces do not fail)
   */
  public static TraceCatalogue open(List<String> specs, DecodeCache cache, long memoryLimit) throws IOException {
    List<TraceFiles.TraceFile> files = TraceFiles.resolve(specs);
    BufferAllocator bound = memoryLimit == Long.MAX_VALUE ? null
        : MemoryBound.boundedChild("catalogue of " + files.size() + " traces", memoryLimit);
    TraceCatalogue catalogue = new TraceCatalogue(bound, pair(specs, files));
    try {
      for (TraceFiles.TraceFile file : files) catalogue.members.add(catalogue.member(file, cache));
    } catch (RuntimeException e) {
      catalogue.free();
      throw e;
    }
    return catalogue;
  }

  private CatalogueMember member(TraceFiles.TraceFile file, DecodeCache cache) {
    try {
      TableCatalog catalog = TraceDatabaseCatalog.open(file.path(), cache, bound);
      return new CatalogueMember(this, file.traceId(), file.path(), catalog, null);
    } catch (IOException | TraceFormatException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      if (e instanceof java.nio.file.NoSuchFileException) why = "no such file: " + why;
      return new CatalogueMember(this, file.traceId(), file.path(), null, why);
    }
  }

  /** Two specs that are single files, as {@code before,after}: the pair the view trace_diff compares. */
  private static Pair pair(List<String> specs, List<TraceFiles.TraceFile> files) {
    if (specs.size() != 2 || files.size() != 2) return null;
    String before = null;
    String after = null;
    for (TraceFiles.TraceFile f : files) {
      if (f.path().equals(Path.of(specs.get(0)).toAbsolutePath().normalize())) before = f.traceId();
      if (f.path().equals(Path.of(specs.get(1)).toAbsolutePath().normalize())) after = f.traceId();
    }
    return before == null || after == null ? null : new Pair(before, after);
  }

  /** The traces, in trace_id order. */
  List<CatalogueMember> members() {
    return members;
  }

  /** The two traces the view {@code trace_diff} compares, if the catalogue was named as two files. */
  Optional<Pair> pair() {
    return Optional.ofNullable(pair);
  }

  /** A trace that could not be read, or was read only up to damage. */
  public record Problem(String traceId, boolean failed, String message, long eventCount) {}

  /**
   * The traces found damaged so far, without decoding anything: those that could not be read (no
   * rows), then those read only up to damage (truncated).
   */
  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    for (CatalogueMember m : members) {
      if (m.error() != null) problems.add(new Problem(m.traceId(), true, m.error(), 0));
    }
    for (CatalogueMember m : members) {
      Optional<TraceReadResult> read = m.database().flatMap(TraceDatabase::decoded);
      if (read.isPresent() && read.get().truncated()) {
        problems.add(new Problem(m.traceId(), false, read.get().error().getMessage(), read.get().eventCount()));
      }
    }
    return problems;
  }

  /** Notes that a scan will read table {@code name} of {@code member}. */
  void requested(CatalogueMember member, String name) {
    synchronized (pending) {
      pending.computeIfAbsent(member, m -> new LinkedHashSet<>()).add(name);
    }
  }

  /**
   * Decodes every requested table not decoded yet, the traces in parallel; returns when all are
   * built or found damaged.
   *
   * @throws MemoryBoundExceededException if a trace's tables do not fit the bound even decoded alone
   */
  void decodeRequested() {
    Map<CatalogueMember, Set<String>> work;
    synchronized (pending) {
      if (pending.isEmpty()) return;
      work = new LinkedHashMap<>(pending);
      pending.clear();
    }
    if (work.size() == 1) {
      work.forEach(CatalogueMember::build);
      return;
    }
    Map<CatalogueMember, Future<?>> running = new LinkedHashMap<>();
    work.forEach((member, names) -> running.put(member, DECODERS.submit(() -> member.build(names))));
    List<CatalogueMember> outOfMemory = new ArrayList<>();
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Map.Entry<CatalogueMember, Future<?>> r : running.entrySet()) {
      try {
        while (true) {
          try {
            r.getValue().get();
            break;
          } catch (InterruptedException e) {
            // The decoders finish their pass; the statement is cancelled once they have.
            interrupted = true;
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof MemoryBoundExceededException) outOfMemory.add(r.getKey());
        else if (failure == null) failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while decoding the catalogue's traces");
    }
    if (failure != null) throw failure;
    // What did not fit beside the other passes may fit alone.
    for (CatalogueMember member : outOfMemory) member.build(work.get(member));
  }

  /**
   * A view of the catalogue for one connection's schemas: closing it tells the catalogue that
   * connection is done with it.
   */
  synchronized void mounted() {
    if (closing) throw new IllegalStateException("the catalogue is closed");
    mounts++;
  }

  /** A connection that {@link #mounted()} the catalogue is done with it. */
  synchronized void unmounted() {
    mounts--;
    if (closing && mounts == 0) free();
  }

  /** Frees the traces now, or once the last connection that mounted them has closed. Idempotent. */
  @Override
  public synchronized void close() {
    if (closing) return;
    closing = true;
    if (mounts == 0) free();
  }

  private synchronized void free() {
    if (freed) return;
    freed = true;
    for (CatalogueMember m : members) m.close();
    if (bound != null) bound.close();
  }

  /** Daemon threads named gotrace-decode-N: they never keep the JVM alive. */
  private static final class DecoderThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "gotrace-decode-" + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    }
  }
}
