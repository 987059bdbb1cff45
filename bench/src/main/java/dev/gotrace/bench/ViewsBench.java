package dev.gotrace.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Warm view benchmark (issue 7): one {@code jdbc:gotrace:} connection, and for every view named
 * on the command line {@code SELECT * FROM view} once ("first": planning, code generation and the
 * build of any table the view reads that no earlier view built), then {@code repeats} more times.
 * Prints first, median, min and max per view, and per view one tab-separated {@code view} line for
 * scripts (bench/run.sh large): name, first ms, median ms, min ms, max ms, rows. Views run in the
 * order given, so a view's "first" depends on what ran before it.
 *
 * <p>Usage: {@code ViewsBench TRACE REPEATS VIEW...}
 */
public final class ViewsBench {
  private ViewsBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ViewsBench TRACE REPEATS VIEW...");
      System.exit(2);
    }
    Path trace = Path.of(args[0]).toAbsolutePath();
    int repeats = Integer.parseInt(args[1]);
    List<String> views = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + trace)) {
      double connect = (System.nanoTime() - t0) / 1e6;
      System.out.printf(Locale.ROOT, "connect %s (tables are built by the first query that reads them)%n", Stats.ms(connect));
      System.out.printf(Locale.ROOT, "connect\t%.0f%n", connect);
      for (String view : views) {
        QueryTiming t = QueryTiming.run(c, "SELECT * FROM " + view, repeats);
        double[] sorted = t.repeatMillis.clone();
        Arrays.sort(sorted);
        double min = sorted.length == 0 ? Double.NaN : sorted[0];
        double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        double median = sorted.length == 0 ? Double.NaN : t.median();
        System.out.printf(Locale.ROOT, "%-26s first %7.0f ms | median %6.0f ms | runs [%s] | peak heap %s | rows %d%n", view,
            t.firstMillis, median, Stats.list(t.repeatMillis), Stats.mib(t.peakHeap), t.rows.size());
        System.out.printf(Locale.ROOT, "view\t%s\t%.0f\t%.1f\t%.1f\t%.1f\t%d%n", view, t.firstMillis, median, min, max,
            t.rows.size());
      }
    }
    System.out.println("process peak RSS (VmHWM): " + Stats.mib(Stats.peakRss()));
    System.out.printf(Locale.ROOT, "rss\t%d%n", Stats.peakRss());
  }
}
