package newsalert.event;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An event's stories as an immutable list that an {@link EventState} can hand out in O(1): a view of the
 * first {@code size} slots of an array that the state only appends to, so a later story does not change an
 * earlier snapshot. Replacing a story (a revision) copies the array first (copy on write). It also carries
 * the number of distinct outlets, so {@link Event#outlets()} does not count them again.
 */
final class StoryList extends AbstractList<EventStory> implements RandomAccess {
    private final EventStory[] slots;
    private final int size;
    private final int outlets;

    private StoryList(EventStory[] slots, int size, int outlets) {
        this.slots = slots;
        this.size = size;
        this.outlets = outlets;
    }

    @Override
    public EventStory get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return slots[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** @return the number of distinct outlets among the stories ({@link Event#outletKey}) */
    int outlets() {
        return outlets;
    }

    /** The mutable side: appends, replaces (copy on write) and builds views. */
    static final class Builder {
        private EventStory[] slots = new EventStory[4];
        private int size;
        /** Whether a built view shares {@link #slots}: a replacement must copy it first. */
        private boolean shared;

        void add(EventStory s) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                shared = false;
            }
            slots[size++] = s; // a view never reads past its own size, so appending is safe
        }

        EventStory get(int index) {
            return slots[index];
        }

        void set(int index, EventStory s) {
            if (shared) {
                slots = slots.clone();
                shared = false;
            }
            slots[index] = s;
        }

        /** @param outlets the distinct outlets among the stories */
        StoryList build(int outlets) {
            shared = true;
            return new StoryList(slots, size, outlets);
        }
    }
}
