package newsalert.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsalert.store.OutboxStatus;
import newsalert.store.StoredStory;
import newsalert.store.StoryQueries;
import newsalert.store.SubscriptionStore;
import newsalert.story.Assessment;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Subscription;
import newsalert.subscription.TokenText;
import newsalert.subscription.place.Gazetteer;
import newsalert.subscription.place.PlaceFinder;

/**
 * {@code why <story id>}: whether the story was sent here, and each of the routing checks of
 * {@link newsalert.subscription.Router} against this target's <em>current</em> settings: shared topics,
 * severity against the minimum, keyword rules (the subscription's own and the chat's; whole-word matches on
 * title and body), and the paused flag. The first line comes from the outbox (sent, queued, failed,
 * dropped) or, when the story was never routed here, says so. Another chat's chat-only story reads as an
 * unknown id ({@link StoryQueries} scope). A story that was not sent and was published more than
 * {@code poll.max-age} before it was first seen is named as too old ("too old: published 2025-06-10, older than
 * poll.max-age 24h"), since no setting would have let it through. A story in another language than English has
 * no topics because it was not analysed, and the topics line says so ("none (language: de — not analysed)").
 * Anyone may run it.
 */
final class WhyCommand implements Command {
    private final StoryQueries stories;
    private final SubscriptionStore subscriptions;
    private final Duration maxAge;

    /** @param maxAge {@code poll.max-age}, or {@code null} when unknown (the age is then not explained) */
    WhyCommand(StoryQueries stories, SubscriptionStore subscriptions, Duration maxAge) {
        this.stories = stories;
        this.subscriptions = subscriptions;
        this.maxAge = maxAge;
    }

    @Override
    public String name() {
        return "why";
    }

    @Override
    public String usage() {
        return "why <story id>";
    }

    @Override
    public String help() {
        return "why a story was or was not sent here";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(CommandOption.required("id", "the story id"));
    }

    @Override
    public boolean moderatorOnly() {
        return false;
    }

    @Override
    public Reply run(CommandContext ctx, List<String> args) {
        if (args.size() != 1) {
            return usageReply("Give one story id.");
        }
        Optional<StoredStory> found = stories.story(ctx.target(), args.get(0));
        if (found.isEmpty()) {
            return Reply.of("No story has the id " + args.get(0) + ".");
        }
        StoredStory s = found.get();
        String story = "Story " + s.story().id() + " " + Render.quoted(Render.title(s.story().title()));
        // a later report of an alerted event reads as the event, which its first alerted story stands for
        String name = s.story().id().equals(args.get(0)) ? story : "Story " + args.get(0)
                + " is another outlet's report of the same event; that event's alert, " + story + ",";
        Optional<Subscription> sub = subscriptions.subscription(ctx.target());
        Optional<OutboxStatus> delivery = stories.delivery(s.story().id(), ctx.target());
        if (sub.isEmpty() && delivery.isEmpty()) {
            return Reply.of(name + " was not sent here: this chat is not subscribed.");
        }
        String tooOld = tooOld(s, subscriptions.chatSettings(ctx.target().platform(), ctx.target().chatId()).zone());
        if (delivery.isEmpty() && tooOld != null) {
            return Reply.of(name + " was not sent here: " + tooOld + ".");
        }
        List<String> lines = new ArrayList<>();
        boolean passes = true;
        if (sub.isPresent()) {
            Check checks = checks(s, sub.get(), subscriptions.keywordRules(ctx.target().platform(),
                    ctx.target().chatId()));
            lines.addAll(checks.lines());
            passes = checks.passes();
        } else {
            lines.add("This chat is no longer subscribed.");
        }
        String head = delivery.map(d -> switch (d) {
            case SENT -> name + " was sent here.";
            case PENDING -> name + " is queued for delivery here.";
            case FAILED -> name + " was routed here, but delivery failed for good.";
            case DROPPED -> name + " was routed here, then merged into a digest or skipped.";
        }).orElse(passes
                ? name + " was not sent here, though the current settings let it through"
                        + " (they were probably changed after it arrived)."
                : name + " was not sent here.");
        return Reply.of(Render.list(head, lines));
    }

    /**
     * @param zone the chat's zone, for the published time
     * @return "too old: published …, older than poll.max-age …" when it was, else {@code null}
     */
    private String tooOld(StoredStory s, java.time.ZoneId zone) {
        Instant published = s.story().published();
        if (maxAge == null || published == null || !published.isBefore(s.firstSeen().minus(maxAge))) {
            return null;
        }
        return "too old: published " + Render.day(published, zone) + ", older than poll.max-age " + Render.duration(maxAge);
    }

    private record Check(List<String> lines, boolean passes) {
    }

    private static Check checks(StoredStory s, Subscription sub, List<KeywordRule> rules) {
        Assessment a = s.assessment();
        List<String> lines = new ArrayList<>();
        boolean topicOk = !Collections.disjoint(a.topics(), sub.topics());
        // a story in another language was not read for topics at all: say so rather than a bare "none"
        String none = a.analysed() ? "none" : "none (language: " + a.language() + " — not analysed)";
        lines.add("- topics: " + (a.topics().isEmpty() ? none : Render.topics(a.topics())) + "; wanted here: "
                + Render.topics(sub.topics()) + " — " + (topicOk ? "ok" : "no shared topic"));
        boolean severityOk = a.severity() >= sub.minSeverity();
        lines.add("- severity: " + a.severity() + "; minimum here: " + sub.minSeverity() + " — "
                + (severityOk ? "ok" : "too low"));
        boolean placesOk = true;
        if (!sub.places().isEmpty()) {
            Gazetteer g = Gazetteer.standard();
            Set<String> named = PlaceFinder.standard().countriesIn(s.story().title() + "\n" + s.story().body());
            placesOk = !Collections.disjoint(named, g.countriesOf(sub.places()));
            lines.add("- places: " + (named.isEmpty() ? "no country named" : "names " + g.countryList(named))
                    + "; followed here:" + Render.places(sub.places()).substring(3) + " — "
                    + (placesOk ? "ok" : "no followed place"));
        }
        List<String> include = new ArrayList<>(sub.includeKeywords());
        List<String> exclude = new ArrayList<>(sub.excludeKeywords());
        for (KeywordRule r : rules) {
            (r.kind() == KeywordRule.Kind.INCLUDE ? include : exclude).add(r.term());
        }
        TokenText text = new TokenText(s.story().title() + "\n" + s.story().body());
        List<String> excluded = exclude.stream().filter(text::contains).toList();
        List<String> included = include.stream().filter(text::contains).toList();
        boolean keywordsOk = excluded.isEmpty() && (include.isEmpty() || !included.isEmpty());
        String kw;
        if (include.isEmpty() && exclude.isEmpty()) {
            kw = "none set — ok";
        } else if (!excluded.isEmpty()) {
            kw = "exclude " + quotedList(excluded) + " matched — excluded";
        } else if (!included.isEmpty()) {
            kw = "include " + quotedList(included) + " matched — ok";
        } else if (!include.isEmpty()) {
            kw = "no include keyword matched (" + quotedList(include) + ") — excluded";
        } else {
            kw = "no exclude keyword matched — ok";
        }
        lines.add("- keywords: " + kw);
        lines.add("- paused: " + (sub.paused() ? "yes (" + (sub.pauseReason() == null ? "no reason given"
                : sub.pauseReason()) + ") — nothing is sent" : "no — ok"));
        return new Check(lines, topicOk && severityOk && placesOk && keywordsOk && !sub.paused());
    }

    private static String quotedList(List<String> terms) {
        return String.join(", ", terms.stream().map(Render::quoted).toList());
    }
}
