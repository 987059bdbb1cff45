package dev.gotrace.jdbc;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdPredicates;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The predicates the planner infers for a relation, as Calcite's {@link RelMdPredicates}, except
 * that a UNION of more than {@value #MAX_UNION_INPUTS} inputs has none. A catalogue's tables are
 * unions with one input per trace, each knowing its constant trace_id: Calcite would infer their
 * disjunction, and simplifying it costs time quadratic in the traces at every cost estimate (a
 * GROUP BY trace_id over 65 traces took 30 s to plan). Inferring less is always sound; a condition
 * on trace_id still prunes, inside each input.
 */
public final class WideUnionPredicates extends RelMdPredicates {
  /** The widest UNION whose predicates are inferred. */
  public static final int MAX_UNION_INPUTS = 4;

  private static final JaninoRelMetadataProvider PROVIDER = JaninoRelMetadataProvider.of(ChainedRelMetadataProvider.of(
      List.of(ReflectiveRelMetadataProvider.reflectiveSource(new WideUnionPredicates(), BuiltInMetadata.Predicates.Handler.class),
          DefaultRelMetadataProvider.INSTANCE)));

  /** Public for Calcite's generated metadata code, which calls it. */
  public WideUnionPredicates() {}

  /** Makes {@code cluster}'s planner use these predicates. */
  static void install(RelOptCluster cluster) {
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(PROVIDER));
  }

  @Override
  public RelOptPredicateList getPredicates(Union union, RelMetadataQuery mq) {
    return union.getInputs().size() > MAX_UNION_INPUTS ? RelOptPredicateList.EMPTY : super.getPredicates(union, mq);
  }
}
