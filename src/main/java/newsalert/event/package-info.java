/**
 * Groups stories from many outlets into events — one event per happening — and fuses each event's
 * facts: casualty counts with their provenance, de-duplicated quotes, topics and severity. Pure code
 * over {@code java.*}, {@code newsalert.story} and {@code newsalert.analysis} types: no I/O, no clock
 * (time is the stories' published time), so the same stories in the same order always give the same
 * events and ids. {@link newsalert.event.EventGrouper} is the entry point.
 */
package newsalert.event;
