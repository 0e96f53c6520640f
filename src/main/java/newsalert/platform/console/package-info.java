/**
 * The console platform: alerts rendered as plain text for a terminal or a log, used by {@code scan} and
 * by {@code run} when no chat token is set.
 */
package newsalert.platform.console;
