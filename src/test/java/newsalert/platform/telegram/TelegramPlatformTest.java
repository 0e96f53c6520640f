package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import newsalert.delivery.SendResult;
import newsalert.platform.telegram.FakeTelegramApi.Failure;
import newsalert.platform.telegram.FakeTelegramApi.Sent;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The delivery port against the fake Bot API, through the real TelegramBots client. */
class TelegramPlatformTest {
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-1001234567890", "77");

    private FakeTelegramApi fake;
    private TelegramPlatform platform;
    private final Story story = TelegramFixtures.kharkiv();
    private final Assessment assessment = TelegramFixtures.kharkivAssessment();

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        platform.close();
        fake.close();
    }

    @Test
    void sendDeliversHtmlWithPreviewsOffAndReturnsTheMessageId() {
        SendResult r = platform.send(GROUP, story, assessment);

        assertThat(r).isEqualTo(new SendResult.Sent("101"));
        assertThat(fake.sent()).containsExactly(new Sent(101, "-1001234567890", null,
                TelegramHtml.alert(story, assessment), "HTML", true));
        assertThat(fake.calls()).containsExactly("sendmessage");
    }

    @Test
    void aForumTopicTargetCarriesTheThreadId() {
        assertThat(platform.send(TOPIC, story, assessment)).isEqualTo(new SendResult.Sent("101"));
        assertThat(platform.send(TOPIC, story, assessment)).isEqualTo(new SendResult.Sent("102"));
        assertThat(fake.sent()).extracting(Sent::threadId).containsExactly(77, 77);
    }

    @Test
    void specialCharactersInTitlesReachTelegramEscapedWithHtmlParseMode() {
        String title = "< & > \" ' - . ! _ * [ ] ( )";
        Story s = TelegramFixtures.story(title, "", "https://news.example.org/a?x=1&y=2");
        assertThat(platform.send(GROUP, s, TelegramFixtures.plainAttack())).isEqualTo(new SendResult.Sent("101"));
        Sent sent = fake.sent().get(0);
        assertThat(sent.parseMode()).isEqualTo("HTML");
        assertThat(sent.previewsDisabled()).isTrue();
        assertThat(sent.text().split("\n")[1]).isEqualTo("<b>&lt; &amp; &gt; \" ' - . ! _ * [ ] ( )</b>");
        assertThat(TelegramFixtures.parsed(sent.text()).split("\n")[1]).isEqualTo(title);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(Failure.rateLimited(7), new SendResult.RateLimited(Duration.ofSeconds(7))),
                Arguments.of(Failure.forbidden("Forbidden: bot was blocked by the user"),
                        new SendResult.Permanent("Telegram 403: Forbidden: bot was blocked by the user")),
                Arguments.of(Failure.forbidden("Forbidden: bot was kicked from the supergroup chat"),
                        new SendResult.Permanent("Telegram 403: Forbidden: bot was kicked from the supergroup chat")),
                Arguments.of(Failure.migrated(-1009876543210L), new SendResult.Migrated("-1009876543210")),
                Arguments.of(Failure.badRequest("Bad Request: chat not found"),
                        new SendResult.Permanent("Telegram 400: Bad Request: chat not found")),
                Arguments.of(Failure.badRequest("Bad Request: message thread not found"),
                        new SendResult.Permanent("Telegram 400: Bad Request: message thread not found")),
                Arguments.of(Failure.badRequest("Bad Request: not enough rights to send text messages to the chat"),
                        new SendResult.Permanent(
                                "Telegram 400: Bad Request: not enough rights to send text messages to the chat")),
                Arguments.of(Failure.serverError(), new SendResult.Transient("Telegram 500: Internal Server Error")),
                Arguments.of(new Failure(502, "Bad Gateway", null, null),
                        new SendResult.Transient("Telegram 502: Bad Gateway")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void telegramErrorsMapOntoSendResults(Failure failure, SendResult expected) {
        fake.failNextSends(1, failure);
        assertThat(platform.send(GROUP, story, assessment)).isEqualTo(expected);
        assertThat(fake.sent()).isEmpty();
        assertThat(fake.callCount("sendMessage")).isEqualTo(1);
    }

    @Test
    void htmlTelegramCannotParseIsSentOnceMoreAsPlainText() {
        fake.failNextSends(1, Failure.badRequest("Bad Request: can't parse entities: Unsupported start tag \"x\""));

        try (LogCapture log = LogCapture.of(TelegramPlatform.class)) {
            assertThat(platform.send(GROUP, story, assessment)).isEqualTo(new SendResult.Sent("101"));
            assertThat(log.lines()).singleElement().asString().startsWith("ERROR Telegram refused our HTML message"
                    + " for chat -1001234567890: Telegram 400: Bad Request: can't parse entities").endsWith(
                    "; sending it once as plain text");
        }
        assertThat(fake.callCount("sendMessage")).isEqualTo(2);
        Sent plain = fake.sent().get(0);
        assertThat(plain.parseMode()).isNull();
        assertThat(plain.previewsDisabled()).isTrue();
        assertThat(plain.text()).isEqualTo(TelegramHtml.alertPlain(story, assessment))
                .contains("Read the story: https://news.example.org/world/kharkiv?id=12&src=rss")
                .doesNotContain("<b>", "&amp;");
    }

    @Test
    void aRequestRefusedEvenAsPlainTextIsRejectedWithoutPausingTheChat() {
        fake.failNextSends(2, Failure.badRequest("Bad Request: message text is empty"));
        try (LogCapture log = LogCapture.of(TelegramPlatform.class)) {
            assertThat(platform.send(GROUP, story, assessment))
                    .isEqualTo(new SendResult.Rejected("Telegram 400: Bad Request: message text is empty"));
            assertThat(log.lines()).hasSize(2).allMatch(l -> l.startsWith("ERROR Telegram refused "));
        }
        assertThat(fake.callCount("sendMessage")).isEqualTo(2);
    }

    @Test
    void aFollowUpIsPostedAsPlainTextWithTheReplyPointingAtTheAlert() {
        SendResult r = platform.reply(GROUP, "101", "Death toll now 41 (was at least 12), 3 outlets: <Poltava> & co");

        assertThat(r).isEqualTo(new SendResult.Sent(String.valueOf(fake.sent().get(0).messageId())));
        FakeTelegramApi.Sent sent = fake.sent().get(0);
        assertThat(sent.text()).isEqualTo("Death toll now 41 (was at least 12), 3 outlets: <Poltava> & co");
        assertThat(sent.parseMode()).isNull();
        assertThat(fake.lastReplyTo()).isEqualTo(101);
    }

    @Test
    void aNoticeIsPlainTextOfItsOwnReplyingToNothing() {
        SendResult r = platform.notice(GROUP, "Held back: the feed https://x.test/a_b?c=1&d=<2> brought more than 10");

        assertThat(r).isEqualTo(new SendResult.Sent(String.valueOf(fake.sent().get(0).messageId())));
        FakeTelegramApi.Sent sent = fake.sent().get(0);
        assertThat(sent.text()).isEqualTo("Held back: the feed https://x.test/a_b?c=1&d=<2> brought more than 10");
        assertThat(sent.parseMode()).isNull();
        assertThat(fake.lastReplyTo()).isNull();
    }

    @Test
    void editReplacesTheTextOfTheGivenMessage() {
        assertThat(platform.edit(GROUP, "101", story, assessment)).isEqualTo(new SendResult.Sent("101"));
        assertThat(fake.edits()).containsExactly(new FakeTelegramApi.Edit("-1001234567890", 101,
                TelegramHtml.alert(story, assessment), "HTML", true));
    }

    @Test
    void editWithUnchangedTextOrAVanishedMessageCountsAsDone() {
        fake.failNextEdits(1, Failure.badRequest("Bad Request: message is not modified: specified new message "
                + "content and reply markup are exactly the same"));
        assertThat(platform.edit(GROUP, "101", story, assessment)).isEqualTo(new SendResult.Sent("101"));
        fake.failNextEdits(1, Failure.badRequest("Bad Request: message to edit not found"));
        try (LogCapture log = LogCapture.of(TelegramPlatform.class)) {
            assertThat(platform.edit(GROUP, "102", story, assessment)).isEqualTo(new SendResult.Sent("102"));
            assertThat(log.lines()).containsExactly("WARN Telegram message 102 in -1001234567890 can no longer be"
                    + " edited (Telegram 400: Bad Request: message to edit not found); leaving it");
        }
        assertThat(fake.edits()).isEmpty();
    }

    /**
     * The fake answers an edit that changes nothing as Telegram does (400 "message is not modified"): the same edit
     * made twice, as a restarted bot repeats an edit it could not mark, counts as done and shows once.
     */
    @Test
    void anIdenticalEditMadeAgainIsAnsweredNotModifiedAndCountsAsDone() {
        assertThat(platform.edit(GROUP, "101", story, assessment)).isEqualTo(new SendResult.Sent("101"));
        assertThat(platform.edit(GROUP, "101", story, assessment)).isEqualTo(new SendResult.Sent("101"));
        assertThat(fake.edits()).hasSize(1);
        assertThat(fake.notModifiedEdits()).isEqualTo(1);
    }

    @Test
    void editFailuresOfTheChatMapLikeSends() {
        fake.failNextEdits(1, Failure.rateLimited(3));
        assertThat(platform.edit(GROUP, "101", story, assessment))
                .isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(3)));
        fake.failNextEdits(1, Failure.forbidden("Forbidden: bot is not a member of the channel chat"));
        assertThat(platform.edit(GROUP, "101", story, assessment)).isEqualTo(
                new SendResult.Permanent("Telegram 403: Forbidden: bot is not a member of the channel chat"));
    }

    @Test
    void digestIsOneHtmlMessage() {
        List<OutboxItem> items = List.of(item(1, story, assessment),
                item(2, TelegramFixtures.story("Talks & truce", "", "https://news.example.org/b"),
                        TelegramFixtures.plainAttack()));
        assertThat(platform.sendDigest(GROUP, items)).isEqualTo(new SendResult.Sent("101"));
        assertThat(fake.sent()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo(TelegramHtml.digest(items)).startsWith("<b>Digest: 2 alerts</b>\n");
            assertThat(s.parseMode()).isEqualTo("HTML");
        });
    }

    @Test
    void aSixThousandCharacterStoryIsTrimmedNotRejected() {
        Story s = TelegramFixtures.story("Overnight strikes & talks <live> ".repeat(200).strip(),
                "Officials said the depot & school were hit. ".repeat(140), "https://news.example.org/long?a=1&b=2");
        assertThat(s.title().length() + s.body().length()).isGreaterThan(12_000);

        assertThat(platform.send(GROUP, s, assessment)).isEqualTo(new SendResult.Sent("101"));
        Sent sent = fake.sent().get(0);
        assertThat(sent.parseMode()).isEqualTo("HTML"); // the HTML itself went through, not the plain fallback
        assertThat(fake.callCount("sendMessage")).isEqualTo(1);
        assertThat(TelegramFixtures.parsed(sent.text()).length()).isLessThanOrEqualTo(4096);
        assertThat(sent.text()).contains("<a href=\"https://news.example.org/long?a=1&amp;b=2\">Read the story</a>");
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "<b>bold</b> &amp; <i>fine</i> &#128512; | HTML | null",
            "<b>unclosed | HTML | Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
            "a <c> b | HTML | Bad Request: can't parse entities: Unsupported start tag at offset 2",
            "fish & chips | HTML | Bad Request: can't parse entities: Character '&' is reserved and must be escaped at offset 5",
            "fish & chips <3 | null | null",
    })
    void theFakeRefusesTextTelegramWouldRefuse(String text, String parseMode, String expected) {
        OkHttpClient http = TelegramClients.requests();
        try {
            TelegramClient client = TelegramClients.telegram(http, fake.settings(Duration.ofSeconds(1)));
            SendMessage m = TelegramPlatform.send("-100", null, text, parseMode != null);
            if (expected == null) {
                assertThatCode(() -> client.execute(m)).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> client.execute(m)).isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getApiResponse()).isEqualTo(expected));
            }
        } finally {
            TelegramClients.release(http);
        }
    }

    @Test
    void theFakeRefusesTextsOverTheLimitAfterEntityParsing() {
        assertThat(FakeHtml.problem("&amp;".repeat(4096), "HTML")).isNull();
        assertThat(FakeHtml.problem("&amp;".repeat(4097), "HTML")).isEqualTo("Bad Request: message is too long");
        assertThat(FakeHtml.problem("x".repeat(4097), null)).isEqualTo("Bad Request: message is too long");
        assertThat(FakeHtml.problem(" ", null)).isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void anUnreachableServerIsTransientAndTheReasonHoldsNoToken() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TelegramPlatform nowhere = new TelegramPlatform(
                new TelegramSettings(FakeTelegramApi.TOKEN, "http://127.0.0.1:" + port))) {
            SendResult r = nowhere.send(GROUP, story, assessment);
            assertThat(r).isInstanceOf(SendResult.Transient.class);
            assertThat(((SendResult.Transient) r).reason()).doesNotContain(FakeTelegramApi.TOKEN)
                    .containsIgnoringCase("connect");
        }
    }

    @Test
    void aSlowButHealthyBotApiIsWaitedForAMinuteAndMore() {
        okhttp3.OkHttpClient http = TelegramClients.requests();
        assertThat(http.readTimeoutMillis()).isEqualTo(75_000);
        assertThat(http.callTimeoutMillis()).isEqualTo(90_000);
    }

    @Test
    void aSendNobodyAnswersHasAnUnknownOutcomeAndIsRetriedLater() throws InterruptedException {
        okhttp3.OkHttpClient impatient = TelegramClients.requests().newBuilder()
                .readTimeout(Duration.ofMillis(300)).build();
        fake.holdSendsAfter(0);
        try (TelegramPlatform slow = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)), impatient)) {
            SendResult r = slow.send(GROUP, story, assessment);
            assertThat(fake.awaitHeld(Duration.ofSeconds(30))).isTrue();
            assertThat(r).isEqualTo(SendResult.Transient.unknown("outcome unknown: the Bot API did not answer in"
                    + " time (the message may have arrived; it is sent again after the back-off)"));
        } finally {
            fake.releaseHeld();
        }
    }

    @Test
    void aServerThatIsNotTheBotApiIsNamedWithTheSettingToCheckNotJacksonsText() {
        Exception notJson;
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("<html><body>It works!</body></html>");
            throw new AssertionError("HTML parsed as JSON");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notJson = e;
        }
        TelegramSettings settings = fake.settings(Duration.ofSeconds(1));
        String reason = TelegramErrors.reason(new org.telegram.telegrambots.meta.exceptions.TelegramApiException(
                "Unable to deserialize response", notJson), settings);
        assertThat(reason).isEqualTo("the server at " + settings.apiUrl() + " did not answer like the Telegram Bot"
                + " API (its answer is not the Bot API's JSON): check telegram.api-url (leave it unset to use"
                + " https://api.telegram.org)").doesNotContain("Unexpected character");
    }

    @Test
    void aTimeoutIsAnUnknownOutcomeWhateverItsDeepestCause() {
        // okio's shape of a read timeout: InterruptedIOException("timeout") caused by the socket it closed
        java.io.InterruptedIOException timeout = new java.io.InterruptedIOException("timeout");
        timeout.initCause(new java.net.SocketException("Socket closed"));
        String reason = TelegramErrors.reason(
                new org.telegram.telegrambots.meta.exceptions.TelegramApiException("Unable to execute", timeout),
                fake.settings(Duration.ofSeconds(1)));
        assertThat(reason).startsWith("outcome unknown: the Bot API did not answer in time");
        assertThat(TelegramErrors.reason(new org.telegram.telegrambots.meta.exceptions.TelegramApiException(
                "Unable to execute", new java.net.ConnectException("Connection refused")),
                fake.settings(Duration.ofSeconds(1)))).contains("Connection refused");
        // and the result says so on its own, for the row's outcome (issue 19 item 3): unknown, not failed
        assertThat(TelegramErrors.result(new org.telegram.telegrambots.meta.exceptions.TelegramApiException(
                "Unable to execute", timeout), fake.settings(Duration.ofSeconds(1))))
                .isEqualTo(SendResult.Transient.unknown(reason));
        assertThat(TelegramErrors.result(new org.telegram.telegrambots.meta.exceptions.TelegramApiException(
                "Unable to execute", new java.net.ConnectException("Connection refused")),
                fake.settings(Duration.ofSeconds(1)))).isInstanceOfSatisfying(SendResult.Transient.class,
                        t -> assertThat(t.outcomeUnknown()).isFalse());
    }

    @Test
    void settingsNeverShowTheToken() {
        TelegramSettings s = fake.settings(Duration.ofSeconds(1));
        assertThat(s.toString()).doesNotContain(FakeTelegramApi.TOKEN).contains(fake.apiUrl());
        assertThat(platform.toString()).doesNotContain(FakeTelegramApi.TOKEN);
        assertThat(s.redact("GET /bot" + FakeTelegramApi.TOKEN + "/getMe failed"))
                .isEqualTo("GET /bot<token>/getMe failed");
        assertThat(s.telegramUrl().getPort()).isEqualTo(Integer.parseInt(fake.apiUrl().replaceAll(".*:", "")));
        assertThat(new TelegramSettings("1:x").telegramUrl())
                .extracting("schema", "host", "port").containsExactly("https", "api.telegram.org", 443);
    }

    private static OutboxItem item(long id, Story s, Assessment a) {
        return new OutboxItem(id, GROUP, s, a, a.severity(), OutboxStatus.PENDING, 0, null, null, null,
                TelegramFixtures.PUBLISHED, null, OutboxKind.SEND);
    }
}
