/**
 * Hand-written wiring and the command line (picocli): {@code scan} reads feeds once and prints what
 * would be alerted; {@code run} is the long-running bot. No DI framework: {@link newsalert.app.Main}
 * builds each component from its own settings record.
 */
package newsalert.app;
