package dev.gotrace.core.table;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.TraceReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached tables of one trace file: a directory holding {@code <table>.arrow} files and a
 * manifest ({@code entry.properties}) with what the decoder reported and each file's length and
 * CRC-32C. The entry belongs to the trace's real path; it is wiped and started afresh when the
 * file's size, modification time or sampled content hash, the tables' schemas or the building
 * code differ from the manifest's. A table file whose length, checksum, footer, schema or vectors
 * do not check out is deleted and rebuilt, never served. Files are written under a temporary name
 * and renamed into place, and the manifest is rewritten under a file lock, so concurrent
 * processes never see a half-written file and never truncate a file another one has mapped.
 */
final class CacheEntry {
  static final Logger LOG = LoggerFactory.getLogger(CacheEntry.class);

  /** Bumped when the layout of an entry or the meaning of a table changes without a schema change. */
  private static final String FORMAT = "2";
  private static final String MANIFEST = "entry.properties";
  private static final int SAMPLE_BYTES = 1 << 20;
  private static final int SAMPLES = 16;

  private final Path directory;
  private final Properties key;
  private Properties manifest;

  private CacheEntry(Path directory, Properties key, Properties manifest) {
    this.directory = directory;
    this.key = key;
    this.manifest = manifest;
  }

  /** Opens (creating or wiping as needed) the entry of {@code trace} under {@code cacheDirectory}. */
  static CacheEntry open(Path cacheDirectory, Path trace) throws IOException {
    Path real = trace.toRealPath();
    Path directory = cacheDirectory.resolve(entryName(real));
    Files.createDirectories(directory);
    Properties key = key(real);
    CacheEntry entry = new CacheEntry(directory, key, new Properties());
    entry.withLock(() -> {
      Properties stored = entry.readManifest();
      if (matches(stored, key)) {
        entry.manifest = stored;
      } else {
        entry.wipe();
        entry.manifest = new Properties();
        entry.manifest.putAll(key);
        entry.writeManifest();
      }
    });
    return entry;
  }

  /** What the decoder reported when the entry was written, if it was. */
  TraceReadResult result() {
    String version = manifest.getProperty("result.format_version");
    if (version == null) return null;
    TraceFormatException error = null;
    if (manifest.getProperty("result.error") != null) {
      error = new TraceFormatException(manifest.getProperty("result.error"), number("result.error_offset"),
          number("result.error_generation"));
    }
    String wall = manifest.getProperty("result.wall_clock_start_ns");
    return new TraceReadResult(version, number("result.event_count"), number("result.generation_count"),
        number("result.first_time"), number("result.last_time"), number("result.frequency_hz"),
        wall == null ? null : Long.valueOf(wall), number("result.file_size"), number("result.valid_bytes"), error);
  }

  /** Whether the manifest lists {@code name}. */
  boolean has(String name) { return manifest.getProperty("table." + name + ".crc32c") != null; }

  /**
   * Table {@code name} mapped from its file into a child of {@code parent}, or null if it is not
   * cached or does not check out (then its file is deleted, so the caller rebuilds it).
   */
  TraceTable load(String name, Schema schema, BufferAllocator parent) {
    if (!has(name)) return null;
    Path file = tableFile(name);
    try {
      long length = number("table." + name + ".bytes");
      if (Files.size(file) != length) throw new IOException("length " + Files.size(file) + ", expected " + length);
      if (!Long.toHexString(crc32c(file)).equals(manifest.getProperty("table." + name + ".crc32c"))) {
        throw new IOException("checksum mismatch");
      }
      return ArrowTableFile.read(file, name, schema, parent);
    } catch (OutOfMemoryException bound) {
      throw bound;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cached table {} in {} is damaged ({}); rebuilding it", name, directory, e.toString());
      forget(name);
      return null;
    }
  }

  /** Adds the tables not yet cached, and the decoder's report; a failure only costs the cache. */
  void store(TraceReadResult result, Iterable<TraceTable> tables) {
    try {
      withLock(() -> {
        Properties current = readManifest();
        if (matches(current, key)) manifest = current;
        if (manifest.getProperty("result.format_version") == null) putResult(result);
        for (TraceTable table : tables) {
          if (has(table.name())) continue;
          Path temporary = Files.createTempFile(directory, table.name(), ".tmp");
          try {
            ArrowTableFile.write(table, temporary);
            manifest.setProperty("table." + table.name() + ".bytes", Long.toString(Files.size(temporary)));
            manifest.setProperty("table." + table.name() + ".crc32c", Long.toHexString(crc32c(temporary)));
            move(temporary, tableFile(table.name()));
          } finally {
            Files.deleteIfExists(temporary);
          }
        }
        writeManifest();
      });
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the decode cache {}: {}", directory, e.toString());
    }
  }

  private void forget(String name) {
    try {
      withLock(() -> {
        manifest.remove("table." + name + ".bytes");
        manifest.remove("table." + name + ".crc32c");
        writeManifest();
        Files.deleteIfExists(tableFile(name));
      });
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot drop {} from the decode cache {}: {}", name, directory, e.toString());
    }
  }

  private void putResult(TraceReadResult r) {
    manifest.setProperty("result.format_version", r.formatVersion());
    manifest.setProperty("result.event_count", Long.toString(r.eventCount()));
    manifest.setProperty("result.generation_count", Long.toString(r.generationCount()));
    manifest.setProperty("result.first_time", Long.toString(r.firstTime()));
    manifest.setProperty("result.last_time", Long.toString(r.lastTime()));
    manifest.setProperty("result.frequency_hz", Long.toString(r.frequencyHz()));
    if (r.wallClockStartNs() != null) manifest.setProperty("result.wall_clock_start_ns", r.wallClockStartNs().toString());
    manifest.setProperty("result.file_size", Long.toString(r.fileSize()));
    manifest.setProperty("result.valid_bytes", Long.toString(r.validBytes()));
    if (r.error() != null) {
      manifest.setProperty("result.error", r.error().detail());
      manifest.setProperty("result.error_offset", Long.toString(r.error().byteOffset()));
      manifest.setProperty("result.error_generation", Long.toString(r.error().generation()));
    }
  }

  private long number(String property) {
    String value = manifest.getProperty(property);
    if (value == null) throw new IllegalStateException("decode cache manifest lacks " + property);
    return Long.parseLong(value);
  }

  private Path tableFile(String name) { return directory.resolve(name + ".arrow"); }

  private static boolean matches(Properties stored, Properties key) {
    for (String k : key.stringPropertyNames()) {
      if (!key.getProperty(k).equals(stored.getProperty(k))) return false;
    }
    return true;
  }

  /** What must be unchanged for the entry to be served: cache format, code, schemas, the trace file. */
  private static Properties key(Path trace) throws IOException {
    Properties key = new Properties();
    key.setProperty("format", FORMAT);
    key.setProperty("code", CodeFingerprint.VALUE);
    key.setProperty("trace.path", trace.toString());
    key.setProperty("trace.size", Long.toString(Files.size(trace)));
    key.setProperty("trace.mtime_ms", Long.toString(Files.getLastModifiedTime(trace).toMillis()));
    key.setProperty("trace.sample_crc32c", Long.toHexString(sampleHash(trace)));
    return key;
  }

  /**
   * CRC-32C of the first and last MiB of the file and of {@value #SAMPLES} MiB spread between:
   * with the size and modification time, enough to tell a rewritten trace from the cached one
   * without reading a large file whole.
   */
  private static long sampleHash(Path trace) throws IOException {
    CRC32C crc = new CRC32C();
    try (FileChannel in = FileChannel.open(trace, StandardOpenOption.READ)) {
      long size = in.size();
      ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
      for (int i = 0; i <= SAMPLES + 1; i++) {
        long at = i == SAMPLES + 1 ? Math.max(0, size - SAMPLE_BYTES) : (size / (SAMPLES + 1)) * i;
        buffer.clear();
        while (buffer.hasRemaining() && in.read(buffer, at + buffer.position()) > 0) { /* fill */ }
        crc.update(buffer.flip());
      }
    }
    return crc.getValue();
  }

  /** CRC-32C of a whole file, read through the page cache in mapped chunks. */
  static long crc32c(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      for (long at = 0; at < size; at += Integer.MAX_VALUE / 2) {
        MappedByteBuffer chunk = in.map(FileChannel.MapMode.READ_ONLY, at, Math.min(Integer.MAX_VALUE / 2, size - at));
        crc.update(chunk);
      }
    }
    return crc.getValue();
  }

  /** A readable, unique directory name: the file name and a hash of its real path. */
  private static String entryName(Path real) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(real.toString().getBytes(StandardCharsets.UTF_8));
      String file = real.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      return (file.length() > 64 ? file.substring(0, 64) : file) + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private Properties readManifest() throws IOException {
    Properties p = new Properties();
    Path file = directory.resolve(MANIFEST);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IllegalArgumentException malformed) {
        return new Properties();
      }
    }
    return p;
  }

  private void writeManifest() throws IOException {
    Path temporary = Files.createTempFile(directory, "entry", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        manifest.store(out, "gotrace-sql decode cache entry; safe to delete");
      }
      move(temporary, directory.resolve(MANIFEST));
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Deletes every file of the entry (a process that mapped one keeps reading the unlinked file). */
  private void wipe() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{arrow,properties,tmp}")) {
      for (Path file : files) Files.deleteIfExists(file);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private interface LockedWork {
    void run() throws IOException;
  }

  /** Runs {@code work} holding the entry's lock file, against other processes and threads. */
  private void withLock(LockedWork work) throws IOException {
    synchronized (CacheEntry.class) {
      try (FileChannel lock = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock held = lock.lock()) {
        work.run();
      }
    }
  }
}
