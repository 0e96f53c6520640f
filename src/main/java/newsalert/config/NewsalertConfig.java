package newsalert.config;

import java.util.List;

/**
 * The whole configuration tree, as read by {@link ConfigLoader}.
 *
 * @param poll     polling schedule ({@code poll.*})
 * @param fetch    HTTP limits ({@code fetch.*})
 * @param store    storage ({@code store.*})
 * @param analysis analysis knobs ({@code analysis.*})
 * @param feeds    the feeds to poll ({@code feeds:}), possibly empty
 * @param telegram  the Telegram bot ({@code telegram.*})
 * @param chatFeeds rules for feeds added by chats ({@code chat-feeds.*})
 * @param discord   the Discord bot ({@code discord.*})
 * @param events    grouping stories into events ({@code events.*})
 * @param metrics   the monitoring endpoint ({@code metrics.*})
 * @param logging   log output ({@code logging.*})
 */
public record NewsalertConfig(PollSettings poll, FetchConfig fetch, StoreSettings store, AnalysisConfig analysis,
                              List<FeedConfig> feeds, TelegramConfig telegram, ChatFeedsConfig chatFeeds,
                              DiscordConfig discord, EventsConfig events, MetricsConfig metrics,
                              LoggingConfig logging) {
    public NewsalertConfig {
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
    }
}
