/**
 * The JSON form of a story and its assessment: the public {@code scan --json} shape, also used to keep
 * assessments in the store. Field names here are a public interface: extend, never rename.
 */
package newsalert.json;
