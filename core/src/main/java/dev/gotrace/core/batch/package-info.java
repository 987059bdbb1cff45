/** Batch framing of the v2 format: headers, size limits, kinds, payload storage. */
package dev.gotrace.core.batch;
