package dev.gotrace.cli.pprof;

/**
 * The profiles {@code gotrace-sql pprof --profile} writes: each a query returning {@code stack_id}
 * plus value columns, and the period pprof reports.
 */
public enum ProfileKind {
  /** go tool trace -pprof=net. */
  net(blocking("net")),
  /** go tool trace -pprof=sync. */
  sync(blocking("sync")),
  /** go tool trace -pprof=syscall. */
  syscall(blocking("syscall")),
  /** go tool trace -pprof=sched. */
  sched(blocking("sched")),
  /**
   * The CPU samples taken during the trace, as runtime/pprof types them. The trace does not record
   * the sampling rate: cpu time is samples times 10 ms, runtime/pprof's default rate of 100 Hz.
   */
  cpu(new ProfileQuery("SELECT stack_id, COUNT(*) AS samples, COUNT(*) * " + ProfileQuery.CPU_PERIOD_NS
      + " AS cpu_ns FROM cpu_samples GROUP BY stack_id", "cpu", "nanoseconds", ProfileQuery.CPU_PERIOD_NS));

  private final ProfileQuery query;

  ProfileKind(ProfileQuery query) {
    this.query = query;
  }

  /** The query and period of this profile. */
  public ProfileQuery query() {
    return query;
  }

  /** As cmd/trace writes its four profiles: contentions/count, delay/nanoseconds, period 1 trace/count. */
  private static ProfileQuery blocking(String profile) {
    return ProfileQuery.custom("SELECT stack_id, contentions, delay_ns FROM blocking_profiles WHERE profile = '"
        + profile + "'");
  }
}
