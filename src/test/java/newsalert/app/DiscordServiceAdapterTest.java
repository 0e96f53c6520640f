package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import newsalert.command.CommandRegistry;
import newsalert.config.DiscordConfig;
import newsalert.delivery.ChatPlatform;
import org.junit.jupiter.api.Test;

/**
 * Regression: the adapter {@code run} hands the delivery worker for Discord forwarded only the four plain methods,
 * so every default method of {@link ChatPlatform} fell back to its unstyled form: in {@code run} Discord alerts
 * were never silent, never pinged the mention and never showed the picture, notices went as replies to nothing,
 * and briefs went as plain text. Every method of the port must be forwarded.
 */
class DiscordServiceAdapterTest {
    @Test
    void theAdapterForwardsEveryMethodOfThePortNoneIsLeftToItsDefault() {
        DiscordConfig config = new DiscordConfig("a-token", "http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/gateway",
                null);
        DiscordService service = DiscordService.create(config, new CommandRegistry(List.of()), Clock.systemUTC());
        try {
            Class<?> adapter = service.adapter().getClass();
            List<String> notForwarded = new ArrayList<>();
            for (Method m : ChatPlatform.class.getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                try {
                    adapter.getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    notForwarded.add(m.getName() + List.of(m.getParameterTypes()).stream()
                            .map(Class::getSimpleName).toList());
                }
            }
            assertThat(notForwarded).as("methods left to the interface's default").isEmpty();
        } finally {
            service.close();
        }
    }
}
