package dev.gotrace.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Minimum mutator utilization over windows of a given length, computed as Go 1.27's
 * {@code internal/trace.MMUCurve} does (gc.go): each series is cut into at most 1000 bands,
 * bands are refined from the lowest utilization bound up, and refinement stops once no band can
 * go lower. Same float arithmetic in the same order, so results equal Go's.
 */
public final class MmuCurve {
  private static final int BANDS_PER_SERIES = 1000;

  private final List<Series> series = new ArrayList<>();

  /** One of the n worst windows: its start time (Go trace ns) and mean utilization. */
  public record Window(long time, double utilization) {}

  public MmuCurve(List<UtilSeries> utils) {
    for (UtilSeries u : utils) series.add(new Series(u));
  }

  /** MMU for windows of {@code window} ns, in [0, 1]; 0 for a non-positive window. */
  public double mmu(long window) {
    Accumulator acc = new Accumulator(0);
    mmu(window, acc);
    return acc.mmu;
  }

  /**
   * Go 1.27's {@code MUD(window, quantiles)}: the /mmu page's percentiles. Its accumulator returns
   * from {@code addMU} before updating the distribution whenever it tracks no worst windows, which
   * is always the case in MUD, so the distribution stays empty and every quantile is the MMU.
   */
  public double[] mud(long window, double[] quantiles) {
    double[] out = new double[quantiles.length];
    if (quantiles.length > 0) Arrays.fill(out, mmu(window));
    return out;
  }

  /** The {@code n} worst disjoint windows, worst first (Go's {@code Examples}). */
  public List<Window> worstWindows(long window, int n) {
    Accumulator acc = new Accumulator(n);
    mmu(window, acc);
    List<Window> worst = new ArrayList<>(acc.worst.items());
    // Go: sort.Sort(sort.Reverse(wHeap)), i.e. by ascending utilization, then ascending time.
    worst.sort(Comparator.comparingDouble(Window::utilization).thenComparingLong(Window::time));
    return worst;
  }

  private record BandUtil(int series, int band, double utilBound) {}

  private void mmu(long window, Accumulator acc) {
    if (window <= 0) {
      acc.mmu = 0;
      return;
    }
    List<BandUtil> all = new ArrayList<>();
    long[] windows = new long[series.size()];
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      long max = s.util.time(s.util.size() - 1) - s.util.time(0);
      windows[i] = Math.min(window, max);
      s.bandUtils(i, windows[i], all);
    }
    GoHeap<BandUtil> bands = new GoHeap<>(all, Comparator.comparingDouble(BandUtil::utilBound));
    bands.init();
    while (bands.size() > 0 && bands.get(0).utilBound() < acc.bound) {
      int i = bands.get(0).series();
      series.get(i).bandMmu(bands.get(0).band(), windows[i], acc);
      bands.pop();
    }
  }

  /** Tracks the minimum and, if asked, the n worst disjoint windows. */
  private static final class Accumulator {
    double mmu = 1.0;
    double bound = 1.0;
    final int nWorst;
    // Go's utilHeap: the root is the least-bad of the kept windows.
    final GoHeap<Window> worst = new GoHeap<>((a, b) -> {
      if (a.utilization() != b.utilization()) return a.utilization() > b.utilization() ? -1 : 1;
      return Long.compare(b.time(), a.time());
    });

    Accumulator(int nWorst) { this.nWorst = nWorst; }

    /** Adds a window; returns true when further windows cannot change the result. */
    boolean add(long time, double mu, long window) {
      if (mu < mmu) mmu = mu;
      bound = mmu;
      if (nWorst == 0) return mu == 0;
      if (worst.size() < nWorst || mu < worst.get(0).utilization()) {
        considerWorst(time, mu, window);
      }
      if (worst.size() < nWorst) bound = 1.0;
      else bound = Math.max(bound, worst.get(0).utilization());
      return worst.size() == nWorst && worst.get(0).utilization() == 0;
    }

    private void considerWorst(long time, double mu, long window) {
      for (int i = 0; i < worst.size(); i++) {
        Window w = worst.get(i);
        if (time + window > w.time() && w.time() + window > time) {
          if (w.utilization() <= mu) return; // keep the window already there
          worst.remove(i);
          break;
        }
      }
      worst.push(new Window(time, mu));
      if (worst.size() > nWorst) worst.pop();
    }
  }

  /** One utilization function with its prefix sums and band summaries. */
  private static final class Series {
    final UtilSeries util;
    final double[] sums;
    final double[] bandMin;
    final double[] bandCum;
    final int[] bandPos;
    final long bandDur;

    Series(UtilSeries util) {
      this.util = util;
      int n = util.size();
      sums = new double[n];
      double sum = 0;
      long prevTime = 0;
      double prevUtil = 0;
      for (int j = 0; j < n; j++) {
        sum += prevUtil * (double) (util.time(j) - prevTime);
        sums[j] = sum;
        prevTime = util.time(j);
        prevUtil = util.util(j);
      }
      int numBands = Math.min(BANDS_PER_SERIES, n);
      long dur = util.time(n - 1) - util.time(0);
      bandDur = Math.max(1, (dur + numBands - 1) / numBands);
      bandMin = new double[numBands + 1];
      bandCum = new double[numBands + 1];
      bandPos = new int[numBands + 1];
      Integrator left = new Integrator(0);
      for (int i = 0; i <= numBands; i++) {
        long start = bandStart(i);
        long end = start + bandDur;
        bandCum[i] = left.advance(start);
        bandPos[i] = left.pos;
        double min = 1.0;
        for (int k = left.pos; k < n && util.time(k) < end; k++) min = Math.min(min, util.util(k));
        bandMin[i] = min;
      }
    }

    long bandStart(int i) { return i * bandDur + util.time(0); }

    void bandUtils(int seriesIndex, long window, List<BandUtil> out) {
      int minBands = (int) ((window + bandDur - 1) / bandDur);
      int maxBands = (int) ((window + 2 * (bandDur - 1)) / bandDur);
      long tailDur = window % bandDur;
      int nUtil = Math.max(0, bandMin.length - maxBands + 1);
      for (int i = 0; i < nUtil; i++) {
        double total = 0;
        double l = bandMin[i];
        double r1 = bandMin[i + minBands - 1];
        double r2 = bandMin[i + maxBands - 1];
        double minBand = Math.min(l, Math.min(r1, r2));
        if (minBands == 1) {
          total += minBand * (double) window;
        } else {
          total += minBand * (double) bandDur;
          double midBand = 0;
          if (minBand == l) midBand = Math.min(r1, r2);
          else if (minBand == r1) midBand = Math.min(l, r2);
          else if (minBand == r2) midBand = Math.min(l, r1);
          total += midBand * (double) tailDur;
        }
        if (minBands > 2) total += bandCum[i + minBands - 1] - bandCum[i + 1];
        out.add(new BandUtil(seriesIndex, i, total / (double) window));
      }
    }

    void bandMmu(int band, long window, Accumulator acc) {
      Integrator left = new Integrator(bandPos[band]);
      Integrator right = new Integrator(bandPos[band]);
      long time = bandStart(band);
      long endTime = time + bandDur;
      long utilEnd = util.time(util.size() - 1) - window;
      if (utilEnd < endTime) endTime = utilEnd;
      while (true) {
        double mu = (right.advance(time + window) - left.advance(time)) / (double) window;
        if (acc.add(time, mu, window)) break;
        if (time == endTime) break;
        long minTime = time + (long) ((mu - acc.bound) * (double) window);
        long t1 = left.next(time);
        long t2 = right.next(time + window) - window;
        time = Math.min(t1, t2);
        if (time < minTime) time = minTime;
        if (time >= endTime) time = endTime;
      }
    }

    /** Integral of the utilization function from time 0, advanced monotonically. */
    private final class Integrator {
      int pos;

      Integrator(int pos) { this.pos = pos; }

      double advance(long time) {
        int n = util.size();
        final int maxSeq = 8;
        if (pos + maxSeq < n && util.time(pos + maxSeq) > time) {
          while (pos + 1 < n && util.time(pos + 1) <= time) pos++;
        } else {
          int l = pos;
          int r = n;
          while (l < r) {
            int h = (l + r) >>> 1;
            if (util.time(h) <= time) l = h + 1;
            else r = h;
          }
          pos = l - 1;
        }
        double partial = 0;
        if (time != util.time(pos)) partial = util.util(pos) * (double) (time - util.time(pos));
        return sums[pos] + partial;
      }

      long next(long time) {
        for (int k = pos; k < util.size(); k++) if (util.time(k) > time) return util.time(k);
        return Long.MAX_VALUE;
      }
    }
  }
}
