/**
 * The pipeline benchmark's parts (issue 13): a feed server on 127.0.0.1 with generated feeds
 * ({@link newsalert.bench.pipeline.FeedServer}, {@link newsalert.bench.pipeline.FeedPlan}), the bot run as a
 * subprocess and watched through its console ({@link newsalert.bench.pipeline.BotProcess},
 * {@link newsalert.bench.pipeline.CycleWatch}), and the cycle driver ({@link newsalert.bench.pipeline.PipelineRun}).
 * The entry point is {@link newsalert.bench.PipelineBench}; built only with the Maven profile {@code -Pbench}.
 */
package newsalert.bench.pipeline;
