package newsalert.eval;

/**
 * One wrong answer, for reading.
 *
 * @param id       the item id (or {@code line N} for real-data rows)
 * @param expected what the label says, as short text
 * @param got      what the analysis gave, as short text
 */
public record Miss(String id, String expected, String got) {
}
