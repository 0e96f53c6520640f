/**
 * Value types that flow through the pipeline: a normalized {@link newsalert.story.Story}, its
 * {@link newsalert.story.Assessment} (topics, severity, reasons, casualties, quotes) and the
 * {@link newsalert.story.Alert} sent for it. Java records over {@code java.*} only, so every other
 * package can depend on them and they depend on nothing.
 */
package newsalert.story;
