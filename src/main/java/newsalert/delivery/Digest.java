package newsalert.delivery;

import java.util.Comparator;
import java.util.List;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;

/**
 * Chooses which backlog rows are merged into one digest message. Rule: when a target has more than
 * {@code threshold} pending rows, the {@code singles} rows of highest routing severity are kept to be sent
 * on their own (ties go to the newer row, so with equal severities the digest holds the oldest rows and
 * delivery order is kept) and every other row is merged. Only {@link OutboxKind#SEND} rows count and are
 * merged; edits of sent messages always go on their own.
 */
final class Digest {
    private Digest() {
    }

    /**
     * @param queue     the target's pending rows in id order
     * @param threshold digests start above this many rows; 0 turns digests off
     * @param singles   how many rows stay single
     * @return the rows to merge, in id order; empty when no digest is due
     */
    static List<OutboxItem> toMerge(List<OutboxItem> queue, int threshold, int singles) {
        List<OutboxItem> sends = queue.stream().filter(row -> row.kind() == OutboxKind.SEND).toList();
        if (threshold <= 0 || sends.size() <= threshold) {
            return List.of();
        }
        List<OutboxItem> kept = sends.stream()
                .sorted(Comparator.comparingInt(OutboxItem::severity).thenComparingLong(OutboxItem::id).reversed())
                .limit(singles)
                .toList();
        return sends.stream().filter(row -> !kept.contains(row)).toList();
    }
}
