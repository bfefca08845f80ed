/**
 * The sample benchmarks that {@code benchmarks.jar} runs.
 * <p>
 * Every fork runs on a fixed 1 GB heap with 4 MB G1 regions ({@code -Xms1g -Xmx1g
 * -XX:G1HeapRegionSize=4m}), prepended so that a {@code -jvmArgsAppend} of a test or a user
 * still adds to it; to change the heap, append both {@code -Xms} and {@code -Xmx} (an {@code -Xmx}
 * alone below 1 GB makes the JVM refuse to start).
 * <ul>
 *   <li><b>Fixed size.</b> With the JVM's default heap, which starts at 1/64 of the memory and
 *       grows, the allocating benchmarks' scores depended on how far the heap had grown: on the
 *       2-core machine where they were written, {@code PreallocBenchmark.listGrow} took 8.5 ms per
 *       operation in some measurement iterations and 0.23 ms in others of the same fork. Memory
 *       the heap has not used before is slow to use the first time, and a growing heap keeps
 *       reaching for it. With the fixed heap the same benchmarks stay within a few percent from
 *       fork to fork (numbers and commands in docs/overhead.md).
 *   <li><b>4 MB regions</b>, what G1 chose there for the default heap (a quarter of the memory at
 *       most): G1 keeps every allocation buffer (TLAB) below half a region and allocates objects
 *       from half a region up as humongous, so the region size decides which of the benchmarks'
 *       arrays are allocated outside a TLAB or as humongous. A 1 GB heap alone would get 1 MB
 *       regions and change that.
 * </ul>
 */
package io.github.jmhpprof.benchmarks;
