/**
 * The typed configuration tree: embedded defaults, overlaid by {@code config/newsalert.yml} (or the
 * file given with {@code --config}), overlaid by environment variables. Each component receives only
 * its own small settings record. Secrets never appear in {@code toString()} output.
 */
package newsalert.config;
