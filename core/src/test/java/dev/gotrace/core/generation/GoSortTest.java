package dev.gotrace.core.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Equal keys must end up in the order Go's unstable {@code slices.SortFunc} leaves them, since
 * the reader's output order (CPU samples, stalled cursors) depends on it. Expected permutations
 * come from Go ({@code testdata/decoder/gosort.txt}).
 */
class GoSortTest {
  @Test
  void permutesTiesLikeGo() throws IOException {
    int checked = 0;
    for (String line : Files.readAllLines(TestData.root().resolve("decoder/gosort.txt"))) {
      if (line.startsWith("#")) continue;
      long[] f = Arrays.stream(line.split(" ")).mapToLong(Long::parseUnsignedLong).toArray();
      int n = (int) f[0];
      long spread = f[1];
      long[] keys = new long[n];
      int[] ids = new int[n];
      long x = n * 1000L + spread;
      for (int i = 0; i < n; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        keys[i] = Long.remainderUnsigned(x >>> 33, spread);
        ids[i] = i;
      }
      GoSort.sort(new GoSort.Sortable() {
        @Override public int compare(int i, int j) { return Long.compare(keys[i], keys[j]); }

        @Override public void swap(int i, int j) {
          long k = keys[i];
          keys[i] = keys[j];
          keys[j] = k;
          int t = ids[i];
          ids[i] = ids[j];
          ids[j] = t;
        }
      }, n);
      int[] expected = Arrays.stream(f, 2, f.length).mapToInt(v -> (int) v).toArray();
      assertArrayEquals(expected, ids, "n=" + n + " spread=" + spread);
      checked++;
    }
    assertTrue(checked > 100);
  }
}
