package dev.gotrace.jdbc;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import com.google.common.collect.Multimaps;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * The SQL functions a {@link GoTraceSchema} offers, by SQL name. Immutable; {@link #with} returns
 * an extended copy. The shipped functions are made when a query first names them: making one
 * reflects over its class and builds its implementor, which every process start would pay for.
 */
public final class FunctionRegistry {
  /** No functions. */
  public static final FunctionRegistry EMPTY = new FunctionRegistry(ImmutableMultimap.of());

  /** The functions every jdbc:gotrace: connection has. */
  public static final FunctionRegistry SHIPPED = EMPTY
      .withLazy("mmu", () -> TableFunctionImpl.create(MmuFunctions.class, "mmu"))
      .withLazy("mmu", () -> TableFunctionImpl.create(MmuFunctions.class, "mmuWithFlags"))
      .withLazy("mmu_worst_windows", () -> TableFunctionImpl.create(MmuFunctions.class, "worstWindows"))
      .withLazy("percentile_nearest_rank", () -> AggregateFunctionImpl.create(NearestRankPercentile.class))
      .withLazy("wait_chain", () -> TableFunctionImpl.create(WaitChainFunction.class, "waitChain"))
      .withLazy("wait_chain", () -> TableFunctionImpl.create(WaitChainFunction.class, "waitChainSince"))
      .withLazy("parallelism", () -> TableFunctionImpl.create(ParallelismFunction.class, "parallelism"))
      .withLazy("related_goroutines", () -> TableFunctionImpl.create(RelatedGoroutinesFunction.class, "relatedGoroutines"))
      .withLazy("mmu_percentiles", () -> TableFunctionImpl.create(MmuPercentilesFunction.class, "mmuPercentiles"))
      .withLazy("go_histogram_bucket", () -> ScalarFunctionImpl.create(GoHistogram.class, "bucket"))
      .withLazy("go_histogram_bucket_min", () -> ScalarFunctionImpl.create(GoHistogram.class, "bucketMin"));

  private final ImmutableMultimap<String, Supplier<Function>> functions;

  private FunctionRegistry(ImmutableMultimap<String, Supplier<Function>> functions) {
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
    return withLazy(name, Suppliers.ofInstance(function));
  }

  /** Adds the function {@code make} makes, made once when a query first names {@code name}. */
  public FunctionRegistry withLazy(String name, Supplier<Function> make) {
    return new FunctionRegistry(ImmutableMultimap.<String, Supplier<Function>>builder()
        .putAll(functions).put(name, Suppliers.memoize(make)).build());
  }

  /** The functions by name, a view that makes each one when it is first read. */
  Multimap<String, Function> functions() {
    return Multimaps.transformValues(functions, Supplier::get);
  }
}
