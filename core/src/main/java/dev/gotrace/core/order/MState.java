package dev.gotrace.core.order;

/** The goroutine and P bound to one M (Go's {@code mState}); -1 for none. */
final class MState {
  long g;
  long p;

  MState(long g, long p) {
    this.g = g;
    this.p = p;
  }
}
