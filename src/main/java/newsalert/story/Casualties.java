package newsalert.story;

/**
 * The casualty counts a story states. Each field is {@code null} when the story gives no such
 * count; a count of 0 means the story says nobody was killed (or hurt, or is missing).
 *
 * @param killed  people killed (dead), or {@code null}
 * @param injured people injured (wounded, hurt), or {@code null}
 * @param missing people missing, or {@code null}
 */
public record Casualties(CasualtyCount killed, CasualtyCount injured, CasualtyCount missing) {
    /** No counts stated. */
    public static final Casualties NONE = new Casualties(null, null, null);

    /** @return true when no count at all is stated */
    public boolean isEmpty() {
        return killed == null && injured == null && missing == null;
    }

    /** @return a one-line human summary such as "19 killed, at least 48 injured", or "" when empty */
    public String display() {
        StringBuilder sb = new StringBuilder();
        append(sb, killed, "killed");
        append(sb, injured, "injured");
        append(sb, missing, "missing");
        return sb.toString();
    }

    private static void append(StringBuilder sb, CasualtyCount c, String word) {
        if (c == null) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(", ");
        }
        sb.append(c.display()).append(' ').append(word);
    }
}
