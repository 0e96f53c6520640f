/**
 * JMH benchmarks for the analysis (built only with the Maven profile {@code -Pbench}; see
 * BENCHMARKS.md). {@link newsalert.bench.AnalysisBenchmark} measures stories per second and, with
 * {@code -prof gc}, bytes allocated per story, for the whole assessment and for each of its parts, over
 * the fixed story set that {@link newsalert.bench.BenchStories} loads.
 */
package newsalert.bench;
