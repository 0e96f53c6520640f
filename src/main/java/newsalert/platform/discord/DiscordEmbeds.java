package newsalert.platform.discord;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import newsalert.platform.console.AlertText;
import newsalert.store.OutboxItem;
import newsalert.story.Assessment;
import newsalert.story.Quote;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatTime;
import newsalert.subscription.place.PlaceFinder;

/**
 * Renders alerts and digests for Discord: an embed, and a plain-text message for channels where the bot may
 * not embed links.
 *
 * <p>Alert embed: author line "ATTACK + DIPLOMACY · severity 85" (as {@link AlertText} heads its text);
 * title = the headline, linked to the story when the link is a plain http(s) URL; description = the story's
 * body, cut to {@value #EXCERPT_LENGTH} characters (a short alert, not the article; the link has the rest) or
 * to what the limits leave; a "Casualties" field; up to {@link AlertText#MAX_QUOTES} quote fields
 * named after the speaker (and role); footer = source and story id; timestamp = published time; colour by
 * topic and severity (see {@link #colour}); thumbnail = the story's feed picture when the chat has pictures on.
 * The embed's timestamp is shown by Discord in each reader's own zone; the plain-text message writes the time in
 * the chat's zone ({@code timezone}). An edited event's "Updated HH:mm" line (in the chat's zone) heads the
 * description, and stands before the footer line in the plain-text message. Discord's limits hold: title 256, description 4,096, field name
 * 256 and value 1,024, footer 2,048, at most 25 fields, at most 6,000 characters in all (the body is cut to
 * fit). Feed text in the title, description and fields is escaped with {@link DiscordText#escape}; the author
 * line, footer and timestamp are not rendered as markdown by Discord, so the footer carries the source as is.
 */
public final class DiscordEmbeds {
    /** Longest description of an alert: an excerpt, as Telegram alerts show one. */
    public static final int EXCERPT_LENGTH = 700;
    /** Longest plain message Discord accepts from a bot. */
    public static final int MESSAGE_MAX = 2000;
    /** Severity from which an alert gets its topic's strong colour. */
    public static final int STRONG_SEVERITY = 70;


    private DiscordEmbeds() {
    }

    /**
     * Colour rule: attack red (strong {@code 0xC0392B}, else orange {@code 0xE67E22}); diplomacy blue (strong
     * {@code 0x1F4E9A}, else {@code 0x3498DB}); both topics purple (strong {@code 0x6C3483}, else
     * {@code 0x9B59B6}); no topic grey {@code 0x95A5A6}. "Strong" is severity ≥ {@value #STRONG_SEVERITY}.
     *
     * @return the RGB colour
     */
    public static int colour(Set<Topic> topics, int severity) {
        boolean strong = severity >= STRONG_SEVERITY;
        boolean attack = topics.contains(Topic.ATTACK);
        boolean diplomacy = topics.contains(Topic.DIPLOMACY);
        if (attack && diplomacy) {
            return strong ? 0x6C3483 : 0x9B59B6;
        } else if (attack) {
            return strong ? 0xC0392B : 0xE67E22;
        } else if (diplomacy) {
            return strong ? 0x1F4E9A : 0x3498DB;
        }
        return 0x95A5A6;
    }

    /** @return the alert embed, within Discord's limits (see the class comment) */
    public static MessageEmbed alert(Story story, Assessment assessment) {
        return alert(story, assessment, false);
    }

    /**
     * @param picture whether to show the story's feed picture as the embed's thumbnail (when it is a plain
     *                http(s) URL; Discord fetches it through its media proxy, the bot never does)
     * @return the alert embed, within Discord's limits (see the class comment)
     */
    public static MessageEmbed alert(Story story, Assessment assessment, boolean picture) {
        return alert(story, assessment, picture, ZoneOffset.UTC);
    }

    /**
     * @param picture as {@link #alert(Story, Assessment, boolean)}
     * @param zone    the chat's zone: an edited event's "Updated HH:mm" line is written in it ({@link ChatTime})
     * @return the alert embed, within Discord's limits (see the class comment)
     */
    public static MessageEmbed alert(Story story, Assessment assessment, boolean picture, ZoneId zone) {
        EmbedBuilder eb = new EmbedBuilder();
        String image = picture ? DiscordText.safeLink(story.image()) : null;
        if (image != null) {
            eb.setThumbnail(image);
        }
        eb.setAuthor(header(assessment));
        String title = story.title().isBlank() ? "(untitled)" : DiscordText.escape(story.title());
        eb.setTitle(DiscordText.cut(title, MessageEmbed.TITLE_MAX_LENGTH), DiscordText.safeLink(story.link()));
        eb.setColor(colour(assessment.topics(), assessment.severity()));
        if (!assessment.casualties().isEmpty()) {
            eb.addField("Casualties", DiscordText.escape(assessment.casualties().display()), false);
        }
        String where = PlaceFinder.standard().countryNames(story);
        if (!where.isEmpty()) {
            eb.addField("Where", DiscordText.cut(DiscordText.escape(where), MessageEmbed.VALUE_MAX_LENGTH), false);
        }
        for (Quote q : assessment.quotes().stream().limit(AlertText.MAX_QUOTES).toList()) {
            String who = q.role() == null || q.role().isBlank() ? q.speaker() : q.speaker() + " (" + q.role() + ")";
            eb.addField(DiscordText.cut(DiscordText.escape(who), MessageEmbed.TITLE_MAX_LENGTH),
                    DiscordText.cut("“" + DiscordText.escape(q.text()) + "”", MessageEmbed.VALUE_MAX_LENGTH), false);
        }
        String source = story.source().isBlank() ? "unknown source" : story.source();
        if (story.author() != null) { // the embed's author line is the topic header: the writer joins the source
            source += " · by " + DiscordText.cut(story.author(), 100);
        }
        // a date-only feed date has no time: as a timestamp, Discord would show a western reader the evening before,
        // so the date goes into the footer instead
        boolean dateOnly = story.published() != null && ChatTime.isDateOnly(story.published());
        eb.setFooter(DiscordText.cut(source + (dateOnly ? " · " + ChatTime.published(story.published(), null) : "")
                + " · id: " + story.id(), MessageEmbed.TEXT_MAX_LENGTH));
        if (story.published() != null && !dateOnly) {
            eb.setTimestamp(story.published());
        }
        int room = Math.min(EXCERPT_LENGTH,
                Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, MessageEmbed.EMBED_MAX_LENGTH_BOT - eb.length()));
        String text = story.update() == null ? story.body()
                : ChatTime.updated(story.update(), zone) + "\n\n" + story.body();
        String body = DiscordText.escape(text.strip());
        if (!body.isEmpty() && room > 1) {
            eb.setDescription(DiscordText.cut(body, room));
        }
        return eb.build();
    }

    /**
     * The alert as one plain message of at most {@value #MESSAGE_MAX} characters: the header, the headline in
     * bold, the casualty line, up to two quotes, "source · time", the link in {@code <…>} (no preview) and the
     * story id. Feed text is escaped.
     */
    public static String alertText(Story story, Assessment assessment) {
        return alertText(story, assessment, ZoneOffset.UTC);
    }

    /** @return {@link #alertText(Story, Assessment)} with the time written in the chat's zone ({@link ChatTime}) */
    public static String alertText(Story story, Assessment assessment, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(assessment)).append('\n');
        String title = story.title().isBlank() ? "(untitled)" : DiscordText.escape(story.title());
        sb.append("**").append(DiscordText.cut(title, 600)).append("**\n");
        if (!assessment.casualties().isEmpty()) {
            sb.append("Casualties: ").append(DiscordText.escape(assessment.casualties().display())).append('\n');
        }
        String where = PlaceFinder.standard().countryNames(story);
        if (!where.isEmpty()) {
            sb.append("Where: ").append(DiscordText.cut(DiscordText.escape(where), 300)).append('\n');
        }
        for (Quote q : assessment.quotes().stream().limit(AlertText.MAX_QUOTES).toList()) {
            String who = q.role() == null || q.role().isBlank() ? q.speaker() : q.speaker() + " (" + q.role() + ")";
            sb.append("> “").append(DiscordText.cut(DiscordText.escape(q.text()), 300)).append("” — ")
                    .append(DiscordText.cut(DiscordText.escape(who), 120)).append('\n');
        }
        if (story.update() != null) {
            sb.append(DiscordText.cut(DiscordText.escape(ChatTime.updated(story.update(), zone)), 300)).append('\n');
        }
        sb.append(footer(story, zone)).append('\n');
        sb.append("id: ").append(DiscordText.cut(DiscordText.escape(story.id()), 200));
        return DiscordText.cut(sb.toString(), MESSAGE_MAX);
    }

    /**
     * A digest embed: title "N alerts", one line per story ("• headline — casualties", the headline a masked
     * link when the story has a safe link without parentheses), stopping before the description limit with
     * "…and K more". Colour by the topics and highest severity of all items.
     *
     * @param items the rows merged, at least one
     */
    public static MessageEmbed digest(List<OutboxItem> items) {
        EmbedBuilder eb = new EmbedBuilder();
        eb.setTitle(items.size() + " alerts");
        Set<Topic> topics = items.stream().flatMap(i -> i.assessment().topics().stream()).collect(Collectors.toSet());
        int severity = items.stream().mapToInt(i -> i.assessment().severity()).max().orElse(0);
        eb.setColor(colour(topics, severity));
        eb.setDescription(lines(items, MessageEmbed.DESCRIPTION_MAX_LENGTH, true));
        return eb.build();
    }

    /** The digest as one plain message of at most {@value #MESSAGE_MAX} characters (links in {@code <…>}). */
    public static String digestText(List<OutboxItem> items) {
        return "**" + items.size() + " alerts**\n" + lines(items, MESSAGE_MAX - 20, false);
    }

    private static String lines(List<OutboxItem> items, int max, boolean masked) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String line = digestLine(items.get(i), masked);
            String more = "…and " + (items.size() - i - 1) + " more";
            boolean last = i == items.size() - 1;
            if (sb.length() + line.length() + 1 + (last ? 0 : more.length() + 1) > max) {
                sb.append("…and ").append(items.size() - i).append(" more");
                return sb.toString();
            }
            sb.append(line).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String digestLine(OutboxItem item, boolean masked) {
        Story s = item.story();
        String title = DiscordText.cut(s.title().isBlank() ? "(untitled)" : DiscordText.escape(s.title()), 200);
        String link = DiscordText.safeLink(s.link());
        StringBuilder line = new StringBuilder("• ");
        if (masked && link != null && link.indexOf(')') < 0) {
            line.append('[').append(title).append("](").append(link).append(')');
        } else {
            line.append(title);
            if (link != null) {
                line.append(" <").append(link).append('>');
            }
        }
        if (!item.assessment().casualties().isEmpty()) {
            line.append(" — ").append(DiscordText.escape(item.assessment().casualties().display()));
        }
        return line.toString();
    }

    private static String header(Assessment assessment) {
        String topics = assessment.topics().isEmpty() ? "NO TOPIC"
                : List.of(Topic.values()).stream().filter(assessment.topics()::contains).map(Topic::name)
                .collect(Collectors.joining(" + "));
        return topics + " · severity " + assessment.severity();
    }

    private static String footer(Story story, ZoneId zone) {
        StringBuilder sb = new StringBuilder(DiscordText.cut(
                DiscordText.escape(story.source().isBlank() ? "unknown source" : story.source()), 200));
        if (story.author() != null) {
            sb.append(" · by ").append(DiscordText.cut(DiscordText.escape(story.author()), 100));
        }
        if (story.published() != null) {
            sb.append(" · ").append(ChatTime.published(story.published(), zone));
        }
        String link = DiscordText.safeLink(story.link());
        if (link != null) {
            sb.append(" · <").append(link).append('>');
        }
        return sb.toString();
    }
}
