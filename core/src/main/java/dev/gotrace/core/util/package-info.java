/** Small data structures shared by the decoder and the table builders. */
package dev.gotrace.core.util;
