package dev.gotrace.core.v1;

/** Stable sort of event slots by time (Go's {@code sort.Stable} on the merged events). */
final class V1Sort {
  private V1Sort() {}

  static void stableByTime(int[] slots, long[] time) {
    if (slots.length < 2) return;
    int[] buffer = new int[slots.length];
    for (int width = 1; width < slots.length; width *= 2) {
      for (int lo = 0; lo < slots.length; lo += 2 * width) {
        int mid = Math.min(lo + width, slots.length);
        int hi = Math.min(lo + 2 * width, slots.length);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) buffer[k++] = time[slots[j]] < time[slots[i]] ? slots[j++] : slots[i++];
        while (i < mid) buffer[k++] = slots[i++];
        while (j < hi) buffer[k++] = slots[j++];
      }
      System.arraycopy(buffer, 0, slots, 0, slots.length);
    }
  }
}
