package dev.gotrace.jdbc;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of one of our {@link RelRule}s: operands, description and builder factory, as
 * Calcite's rule configs hold them, and the rule's constructor, which {@link #toRule} calls.
 */
record RuleConfig(RelRule.OperandTransform operandSupplier, String description, RelBuilderFactory relBuilderFactory,
    Function<RuleConfig, RelOptRule> constructor) implements RelRule.Config {
  /** The rule {@code constructor} makes from {@code operands}, with Calcite's logical builder. */
  static RelOptRule rule(RelRule.OperandTransform operands, String description, Function<RuleConfig, RelOptRule> constructor) {
    return new RuleConfig(operands, description, RelFactories.LOGICAL_BUILDER, constructor).toRule();
  }

  @Override
  public RelOptRule toRule() {
    return constructor.apply(this);
  }

  @Override
  public RuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
    return new RuleConfig(operandSupplier, description, factory, constructor);
  }

  @Override
  public RuleConfig withDescription(String newDescription) {
    return new RuleConfig(operandSupplier, newDescription, relBuilderFactory, constructor);
  }

  @Override
  public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(transform, description, relBuilderFactory, constructor);
  }
}
