package newsalert.platform.telegram;

import newsalert.delivery.Brief;

/**
 * Renders one part of a daily brief in Telegram HTML: the heading in bold, the summary line, then per event its
 * number and severity in bold with the headline linking to the story, a line with fused counts, outlets and story
 * id, and an italic toll line when the counts changed since the alert was first sent. Example:
 * <pre>
 * &lt;b&gt;Daily brief · Mon 7 Dec 2026&lt;/b&gt;
 * 2 events reached this chat in the 24 hours before 08:00 Europe/Kyiv, most severe first.
 *
 * &lt;b&gt;1. [87]&lt;/b&gt; &lt;a href="https://…"&gt;Strike on …&lt;/a&gt;
 * 12 killed, 30 injured · Wire A, Wire B · story s-1
 * &lt;i&gt;Toll since first sent: 5 killed → 12 killed&lt;/i&gt;
 * </pre>
 * A part is cut (headlines and outlets first) to {@link TelegramHtml#MAX_LENGTH} should it ever exceed it.
 */
final class TelegramBrief {
    private TelegramBrief() {
    }

    /** @return the part as spans, within Telegram's message length */
    static HtmlText text(Brief brief) {
        return build(brief).fit(TelegramHtml.MAX_LENGTH);
    }

    /** @return whether the part fits one message without cutting */
    static boolean fits(Brief brief) {
        return build(brief).cost() <= TelegramHtml.MAX_LENGTH;
    }

    private static HtmlText build(Brief brief) {
        HtmlText t = new HtmlText().bold(brief.title(), 0).newline().plain(brief.summary());
        int n = brief.first();
        for (Brief.Item item : brief.items()) {
            t.newline().newline().bold((n++) + ". [" + item.severity() + "]", 0).plain(" ");
            String href = TelegramHtml.safeUrl(item.link());
            if (href == null) {
                t.plain(item.headline(), 2);
            } else {
                t.link(item.headline(), href);
            }
            t.newline().plain(Brief.details(item), 1);
            if (!item.tollChange().isEmpty()) {
                t.newline().italic(Brief.tollLine(item), 0);
            }
        }
        return t;
    }
}
