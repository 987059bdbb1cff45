package dev.gotrace.core.generation;

/**
 * Go's {@code slices.SortFunc} (pattern-defeating quicksort, {@code slices/zsortanyfunc.go}) over
 * anything indexable. The reader's output order depends on how Go's unstable sort permutes equal
 * keys (CPU samples with equal times, frontier cursors with equal times), so this reproduces Go's
 * algorithm step for step rather than using a JDK sort.
 */
public final class GoSort {
  /** What the sort needs: compare and swap by index. */
  public interface Sortable {
    /** Negative, zero or positive like Go's {@code cmp(data[i], data[j])}. */
    int compare(int i, int j);

    void swap(int i, int j);
  }

  private static final int INCREASING = 1;
  private static final int DECREASING = 2;
  private static final int UNKNOWN = 0;

  private GoSort() {}

  /** Sorts elements {@code [0, n)}. */
  public static void sort(Sortable data, int n) {
    pdqsort(data, 0, n, 64 - Long.numberOfLeadingZeros(n));
  }

  private static boolean less(Sortable d, int i, int j) { return d.compare(i, j) < 0; }

  private static void insertionSort(Sortable d, int a, int b) {
    for (int i = a + 1; i < b; i++) {
      for (int j = i; j > a && less(d, j, j - 1); j--) d.swap(j, j - 1);
    }
  }

  private static void siftDown(Sortable d, int lo, int hi, int first) {
    int root = lo;
    while (true) {
      int child = 2 * root + 1;
      if (child >= hi) break;
      if (child + 1 < hi && less(d, first + child, first + child + 1)) child++;
      if (!less(d, first + root, first + child)) return;
      d.swap(first + root, first + child);
      root = child;
    }
  }

  private static void heapSort(Sortable d, int a, int b) {
    int first = a;
    int hi = b - a;
    for (int i = (hi - 1) / 2; i >= 0; i--) siftDown(d, i, hi, first);
    for (int i = hi - 1; i >= 0; i--) {
      d.swap(first, first + i);
      siftDown(d, 0, i, first);
    }
  }

  private static void pdqsort(Sortable d, int a, int b, int limit) {
    final int maxInsertion = 12;
    boolean wasBalanced = true;
    boolean wasPartitioned = true;
    while (true) {
      int length = b - a;
      if (length <= maxInsertion) {
        insertionSort(d, a, b);
        return;
      }
      if (limit == 0) {
        heapSort(d, a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(d, a, b);
        limit--;
      }
      long pivotAndHint = choosePivot(d, a, b);
      int pivot = (int) (pivotAndHint >>> 32);
      int hint = (int) pivotAndHint;
      if (hint == DECREASING) {
        reverseRange(d, a, b);
        pivot = (b - 1) - (pivot - a);
        hint = INCREASING;
      }
      if (wasBalanced && wasPartitioned && hint == INCREASING) {
        if (partialInsertionSort(d, a, b)) return;
      }
      if (a > 0 && !less(d, a - 1, pivot)) {
        a = partitionEqual(d, a, b, pivot);
        continue;
      }
      long midAndPartitioned = partition(d, a, b, pivot);
      int mid = (int) (midAndPartitioned >>> 32);
      wasPartitioned = (int) midAndPartitioned != 0;
      int leftLen = mid - a;
      int rightLen = b - mid;
      int balanceThreshold = length / 8;
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdqsort(d, a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdqsort(d, mid + 1, b, limit);
        b = mid;
      }
    }
  }

  /** Returns newPivot in the high half and alreadyPartitioned (0/1) in the low half. */
  private static long partition(Sortable d, int a, int b, int pivot) {
    d.swap(a, pivot);
    int i = a + 1;
    int j = b - 1;
    while (i <= j && less(d, i, a)) i++;
    while (i <= j && !less(d, j, a)) j--;
    if (i > j) {
      d.swap(j, a);
      return ((long) j << 32) | 1;
    }
    d.swap(i, j);
    i++;
    j--;
    while (true) {
      while (i <= j && less(d, i, a)) i++;
      while (i <= j && !less(d, j, a)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    d.swap(j, a);
    return (long) j << 32;
  }

  private static int partitionEqual(Sortable d, int a, int b, int pivot) {
    d.swap(a, pivot);
    int i = a + 1;
    int j = b - 1;
    while (true) {
      while (i <= j && !less(d, a, i)) i++;
      while (i <= j && less(d, a, j)) j--;
      if (i > j) break;
      d.swap(i, j);
      i++;
      j--;
    }
    return i;
  }

  private static boolean partialInsertionSort(Sortable d, int a, int b) {
    final int maxSteps = 5;
    final int shortestShifting = 50;
    int i = a + 1;
    for (int step = 0; step < maxSteps; step++) {
      while (i < b && !less(d, i, i - 1)) i++;
      if (i == b) return true;
      if (b - a < shortestShifting) return false;
      d.swap(i, i - 1);
      if (i - a >= 2) {
        for (int j = i - 1; j >= 1; j--) {
          if (!less(d, j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (int j = i + 1; j < b; j++) {
          if (!less(d, j, j - 1)) break;
          d.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  private static void breakPatterns(Sortable d, int a, int b) {
    int length = b - a;
    if (length >= 8) {
      long random = length;
      long modulus = 1L << (64 - Long.numberOfLeadingZeros(length));
      for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        int other = (int) (random & (modulus - 1));
        if (other >= length) other -= length;
        d.swap(idx, a + other);
      }
    }
  }

  /** Returns pivot in the high half and the sortedness hint in the low half. */
  private static long choosePivot(Sortable d, int a, int b) {
    final int shortestNinther = 50;
    final int maxSwaps = 4 * 3;
    int l = b - a;
    int[] swaps = {0};
    int i = a + l / 4;
    int j = a + l / 4 * 2;
    int k = a + l / 4 * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = median(d, i - 1, i, i + 1, swaps);
        j = median(d, j - 1, j, j + 1, swaps);
        k = median(d, k - 1, k, k + 1, swaps);
      }
      j = median(d, i, j, k, swaps);
    }
    int hint = swaps[0] == 0 ? INCREASING : swaps[0] == maxSwaps ? DECREASING : UNKNOWN;
    return ((long) j << 32) | hint;
  }

  private static int median(Sortable d, int a, int b, int c, int[] swaps) {
    // order2(a, b); order2(b, c); order2(a, b); return b
    if (less(d, b, a)) {
      swaps[0]++;
      int t = a;
      a = b;
      b = t;
    }
    if (less(d, c, b)) {
      swaps[0]++;
      int t = b;
      b = c;
      c = t;
    }
    if (less(d, b, a)) {
      swaps[0]++;
      int t = a;
      a = b;
      b = t;
    }
    return b;
  }

  private static void reverseRange(Sortable d, int a, int b) {
    int i = a;
    int j = b - 1;
    while (i < j) {
      d.swap(i, j);
      i++;
      j--;
    }
  }
}
