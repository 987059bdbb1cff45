/**
 * Whole generations: reading their batches (EndOfGeneration or spill delimited), string, stack,
 * CPU-sample and sync batches, and Go's end-of-generation validation.
 */
package dev.gotrace.core.generation;
