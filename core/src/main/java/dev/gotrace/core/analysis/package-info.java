/** Analyses over a decoded trace that SQL cannot express well: mutator utilization and MMU, as go tool trace computes them. */
package dev.gotrace.core.analysis;
