package dev.gotrace.core.table;

import java.lang.management.BufferPoolMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.lang.management.ManagementFactory;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import java.util.Locale;

/**
 * How much off-heap memory the tables of the traces of one JVM may take: the system property
 * {@value #PROPERTY} (bytes, or with a k/m/g suffix), which bin/gotrace-sql sets from the machine's
 * memory; else three quarters of what physical memory leaves beside the JVM's maximum heap. One
 * budget holds both the Arrow tables and the columns builders stage off the heap while a pass
 * decodes ({@link #stagingBuffer}), since a pass's staged columns and the tables it writes from
 * them exist at once. Building or mapping a table past it fails with {@link
 * MemoryBoundExceededException}, not with the kernel's OOM killer.
 */
public final class MemoryBound {
  /** System property holding the bound. */
  public static final String PROPERTY = "gotrace.arrow.limit";
  private static final long MIN_DEFAULT = 256L << 20;

  private MemoryBound() {}

  /** The allocator every database without a caller's allocator takes its child from; limited to {@link #arrowLimit()}. */
  static BufferAllocator sharedRoot() {
    return SharedRoot.ROOT;
  }

  /** Created on first use, so that the property is read after the launcher or a test set it. */
  private static final class SharedRoot {
    static final long LIMIT = arrowLimit();
    static final BufferAllocator ROOT = new RootAllocator(new AllocationListener() {
      @Override public void onPreAllocation(long size) { require(size, "an Arrow buffer"); }
    }, LIMIT);
  }

  private static final BufferPoolMXBean DIRECT = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
      .filter(pool -> pool.getName().equals("direct")).findFirst().orElse(null);

  /**
   * A zeroed direct buffer of {@code bytes} (at most {@link #SLAB_BYTES}) in native order for staged
   * column values, cut from a slab that is taken only if it fits beside the Arrow tables and the
   * direct memory already in use. Slabs, not one allocation per chunk: the kernel backs a large
   * allocation with huge pages where it can (the launcher asks for them), and touching the
   * gigabytes a large trace stages page by page in 4 KiB pages was a third of the publishing
   * thread's time. A slab is freed once every buffer cut from it is collected.
   *
   * @throws OffHeapBoundException if a new slab does not fit, even after a collection freed
   *     unreachable columns, or if it passes the JVM's own direct memory limit
   */
  static synchronized ByteBuffer stagingBuffer(int bytes) {
    if (slab == null || slab.remaining() < bytes) {
      require(SLAB_BYTES, "staged columns");
      try {
        slab = ByteBuffer.allocateDirect(SLAB_BYTES);
      } catch (OutOfMemoryError e) {
        throw new OffHeapBoundException("staged columns of " + format(SLAB_BYTES) + " would pass the JVM's direct"
            + " memory limit (-XX:MaxDirectMemorySize, " + format(directUsed()) + " in use)", e);
      }
    }
    ByteBuffer chunk = slab.slice(slab.position(), bytes).order(ByteOrder.nativeOrder());
    slab.position(slab.position() + bytes);
    return chunk;
  }

  /** Size of the slabs {@link #stagingBuffer} cuts chunks from; a multiple of a 2 MiB huge page. */
  static final int SLAB_BYTES = 4 << 20;
  private static ByteBuffer slab;

  private static void require(long bytes, String what) {
    if (fits(bytes)) return;
    // Direct buffers of columns no longer reachable are freed only when they are collected.
    System.gc();
    if (fits(bytes)) return;
    throw new OffHeapBoundException(what + " of " + format(bytes) + " would pass the off-heap bound of "
        + format(SharedRoot.LIMIT) + " (" + format(SharedRoot.ROOT.getAllocatedMemory()) + " Arrow, "
        + format(directUsed()) + " staged)", null);
  }

  private static boolean fits(long bytes) {
    return SharedRoot.ROOT.getAllocatedMemory() + directUsed() + bytes <= SharedRoot.LIMIT;
  }

  private static long directUsed() {
    return DIRECT == null ? 0 : DIRECT.getMemoryUsed();
  }

  /**
   * A child of the process's bounded allocator that may itself take at most {@code limit} bytes: a
   * tighter bound for one user of the process (a JDBC connection). The caller closes it.
   */
  public static BufferAllocator boundedChild(String name, long limit) {
    return sharedRoot().newChildAllocator(name, 0, limit);
  }

  /** The bound in bytes. */
  public static long arrowLimit() {
    String value = System.getProperty(PROPERTY);
    if (value != null && !value.isBlank()) return parse(value, PROPERTY);
    long physical = physicalMemory();
    if (physical <= 0) return Long.MAX_VALUE;
    return Math.max(MIN_DEFAULT, (physical - Runtime.getRuntime().maxMemory()) / 4 * 3);
  }

  /**
   * {@code value} in bytes; {@code setting} names it in the error.
   *
   * @throws IllegalArgumentException if it is not a positive number with an optional k/m/g suffix
   */
  public static long parse(String value, String setting) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
      case 'k' -> 1L << 10;
      case 'm' -> 1L << 20;
      case 'g' -> 1L << 30;
      default -> 1;
    };
    try {
      long n = Long.parseLong(unit == 1 ? v : v.substring(0, v.length() - 1));
      if (n <= 0) throw new NumberFormatException();
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(setting + " must be a positive size such as 6g, not '" + value + "'");
    }
  }

  /**
   * What bounds {@code allocator}: the allocator nearest the root whose limit is the smallest on
   * the way up, described as "N GiB (M GiB in use)".
   */
  static String describe(BufferAllocator allocator) {
    BufferAllocator bounding = allocator;
    for (BufferAllocator a = allocator; a != null; a = a.getParentAllocator()) {
      if (a.getLimit() <= bounding.getLimit()) bounding = a;
    }
    return format(bounding.getLimit()) + " (" + format(bounding.getAllocatedMemory()) + " in use)";
  }

  /** {@code bytes} for people, e.g. "6.0 GiB". */
  public static String format(long bytes) {
    if (bytes == Long.MAX_VALUE) return "unbounded";
    if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    return String.format(Locale.ROOT, "%d KiB", bytes >> 10);
  }

  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }
}
