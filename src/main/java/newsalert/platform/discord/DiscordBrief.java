package newsalert.platform.discord;

import java.util.EnumSet;
import newsalert.delivery.Brief;
import newsalert.story.Topic;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders one part of a daily brief for Discord: an embed whose title is the brief's heading and whose description
 * holds the summary line and, per event, its number and severity in bold with the headline linking to the story, a
 * line with fused counts, outlets and story id, and an italic toll line when the counts changed since the alert was
 * first sent; or, where the bot may not embed, the same as plain markdown within {@value DiscordEmbeds#MESSAGE_MAX}
 * characters. A part fits when its description is within 4,096 characters and the embed within 6,000.
 */
final class DiscordBrief {
    private DiscordBrief() {
    }

    /** @return the part as an embed (cut to Discord's limits should it ever exceed them) */
    static MessageEmbed embed(Brief brief) {
        EmbedBuilder eb = new EmbedBuilder();
        eb.setTitle(DiscordText.cut(DiscordText.escape(brief.title()), MessageEmbed.TITLE_MAX_LENGTH));
        int severity = brief.items().stream().mapToInt(Brief.Item::severity).max().orElse(0);
        eb.setColor(DiscordEmbeds.colour(EnumSet.noneOf(Topic.class), severity));
        int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, MessageEmbed.EMBED_MAX_LENGTH_BOT - eb.length());
        eb.setDescription(DiscordText.cut(description(brief, true), room));
        return eb.build();
    }

    /** @return the part as one plain message, heading in bold, links in {@code <…>} */
    static String text(Brief brief) {
        return DiscordText.cut("**" + DiscordText.escape(brief.title()) + "**\n" + description(brief, false),
                DiscordEmbeds.MESSAGE_MAX);
    }

    /** @return whether the part's embed needs no cut */
    static boolean fits(Brief brief) {
        String title = DiscordText.escape(brief.title());
        String description = description(brief, true);
        return description.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH
                && title.length() <= MessageEmbed.TITLE_MAX_LENGTH
                && title.length() + description.length() <= MessageEmbed.EMBED_MAX_LENGTH_BOT;
    }

    private static String description(Brief brief, boolean masked) {
        StringBuilder sb = new StringBuilder(DiscordText.escape(brief.summary()));
        int n = brief.first();
        for (Brief.Item item : brief.items()) {
            sb.append("\n\n**").append(n++).append(". [").append(item.severity()).append("]** ");
            String headline = DiscordText.escape(item.headline());
            String link = DiscordText.safeLink(item.link());
            if (link != null && masked && link.indexOf(')') < 0) {
                sb.append('[').append(headline.replace("]", "\\]")).append("](").append(link).append(')');
            } else {
                sb.append(headline);
                if (link != null) {
                    sb.append(" <").append(link).append('>');
                }
            }
            sb.append('\n').append(DiscordText.escape(Brief.details(item)));
            if (!item.tollChange().isEmpty()) {
                sb.append("\n*").append(DiscordText.escape(Brief.tollLine(item))).append('*');
            }
        }
        return sb.toString();
    }
}
