package dev.gotrace.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A binary min-heap with exactly the sift rules of Go's {@code container/heap}, so that elements
 * with equal keys come out in the same order as in Go (which decides which MMU band is refined
 * first and which of equal worst windows is kept).
 */
final class GoHeap<T> {
  private final List<T> items;
  private final Comparator<T> less;

  GoHeap(List<T> items, Comparator<T> less) {
    this.items = items;
    this.less = less;
  }

  GoHeap(Comparator<T> less) { this(new ArrayList<>(), less); }

  int size() { return items.size(); }

  T get(int i) { return items.get(i); }

  List<T> items() { return items; }

  void init() {
    int n = items.size();
    for (int i = n / 2 - 1; i >= 0; i--) down(i, n);
  }

  void push(T x) {
    items.add(x);
    up(items.size() - 1);
  }

  T pop() {
    int n = items.size() - 1;
    swap(0, n);
    down(0, n);
    return items.remove(n);
  }

  T remove(int i) {
    int n = items.size() - 1;
    if (n != i) {
      swap(i, n);
      if (!down(i, n)) up(i);
    }
    return items.remove(n);
  }

  private boolean lessAt(int i, int j) { return less.compare(items.get(i), items.get(j)) < 0; }

  private void swap(int i, int j) {
    T t = items.get(i);
    items.set(i, items.get(j));
    items.set(j, t);
  }

  private void up(int j) {
    while (true) {
      int i = (j - 1) / 2;
      if (i == j || !lessAt(j, i)) break;
      swap(i, j);
      j = i;
    }
  }

  private boolean down(int i0, int n) {
    int i = i0;
    while (true) {
      int j1 = 2 * i + 1;
      if (j1 >= n || j1 < 0) break;
      int j = j1;
      int j2 = j1 + 1;
      if (j2 < n && lessAt(j2, j1)) j = j2;
      if (!lessAt(j, i)) break;
      swap(i, j);
      i = j;
    }
    return i > i0;
  }
}
