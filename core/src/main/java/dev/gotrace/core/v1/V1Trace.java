package dev.gotrace.core.v1;

/**
 * Constants of Go's v1 reader: the fake P ids it assigns after merging (they reach the converted
 * events' context) and its time-order error message.
 */
final class V1Trace {
  static final int TIMER_P = 1000001;
  static final int NETPOLL_P = 1000002;
  static final int SYSCALL_P = 1000003;
  static final int GC_P = 1000004;

  static final String TIME_ORDER = "time stamps out of order";

  private V1Trace() {}
}
