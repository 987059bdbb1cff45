package dev.gotrace.jdbc;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * The SQL functions a {@link GoTraceSchema} offers, by SQL name. Immutable; {@link #with} returns
 * an extended copy.
 */
public final class FunctionRegistry {
  /** No functions. */
  public static final FunctionRegistry EMPTY = new FunctionRegistry(ImmutableMultimap.of());

  /** The functions every jdbc:gotrace: connection has. */
  public static final FunctionRegistry SHIPPED = EMPTY
      .with("mmu", TableFunctionImpl.create(MmuFunctions.class, "mmu"))
      .with("mmu", TableFunctionImpl.create(MmuFunctions.class, "mmuWithFlags"))
      .with("mmu_worst_windows", TableFunctionImpl.create(MmuFunctions.class, "worstWindows"))
      .with("percentile_nearest_rank", AggregateFunctionImpl.create(NearestRankPercentile.class))
      .with("wait_chain", TableFunctionImpl.create(WaitChainFunction.class, "waitChain"))
      .with("parallelism", TableFunctionImpl.create(ParallelismFunction.class, "parallelism"))
      .with("related_goroutines", TableFunctionImpl.create(RelatedGoroutinesFunction.class, "relatedGoroutines"))
      .with("mmu_percentiles", TableFunctionImpl.create(MmuPercentilesFunction.class, "mmuPercentiles"))
      .with("go_histogram_bucket", ScalarFunctionImpl.create(GoHistogram.class, "bucket"))
      .with("go_histogram_bucket_min", ScalarFunctionImpl.create(GoHistogram.class, "bucketMin"));

  private final ImmutableMultimap<String, Function> functions;

  private FunctionRegistry(ImmutableMultimap<String, Function> functions) {
    this.functions = functions;
  }

  /**
   * Adds the public method {@code method} of {@code implementation} as scalar function {@code
   * name} (see {@link ScalarFunctionImpl#create(Class, String)}: a static method, or an instance
   * method of a class with a public no-argument constructor).
   */
  public FunctionRegistry withScalar(String name, Class<?> implementation, String method) {
    return with(name, ScalarFunctionImpl.create(implementation, method));
  }

  /** Adds {@code function} under {@code name}; several functions may share a name (overloads). */
  public FunctionRegistry with(String name, Function function) {
    return new FunctionRegistry(ImmutableMultimap.<String, Function>builder()
        .putAll(functions).put(name, function).build());
  }

  Multimap<String, Function> functions() {
    return functions;
  }
}
