package dev.gotrace.cli.report;

/**
 * A {@code --fail-if} condition evaluated on a trace.
 *
 * @param condition the SQL boolean expression as given
 * @param value its value; NULL (unknown) does not fail, as in a WHERE clause
 * @param found what the condition measured: the left operand of a comparison, else the value itself
 */
public record ConditionResult(String condition, Boolean value, Object found) {
  /** Whether the condition holds, which fails the run. */
  public boolean failed() {
    return Boolean.TRUE.equals(value);
  }

  /** "condition (found X)", as the outputs name a condition. */
  public String described() {
    return condition + " (found " + (found == null ? "NULL" : found) + ")";
  }
}
