package dev.gotrace.core.order;

/** What the ordering knows about one P (Go's {@code pState}). */
final class PState extends RangeSet {
  final long id;
  /** Wire status ({@code tracev2.ProcStatus}), including Syscall and SyscallAbandoned. */
  int status;
  long seqGen;
  long seq;

  PState(long id, int status, long gen) {
    this.id = id;
    this.status = status;
    this.seqGen = gen;
  }
}
