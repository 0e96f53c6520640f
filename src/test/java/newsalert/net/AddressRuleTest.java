package newsalert.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refused range of issue 11, each edge, the IPv6 forms that carry IPv4, and this machine's addresses. */
class AddressRuleTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private final AddressRule rule = new AddressRule(Set::of, CLOCK);

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0|unspecified", "0.255.255.255|unspecified",
            "10.0.0.1|private", "10.255.255.255|private",
            "100.64.0.1|carrier-grade NAT", "100.127.255.255|carrier-grade NAT",
            "127.0.0.1|loopback", "127.255.0.9|loopback",
            "169.254.169.254|link-local",
            "172.16.0.1|private", "172.31.255.255|private",
            "192.0.0.8|reserved (IETF protocol)", "192.0.2.44|documentation",
            "192.168.1.1|private", "198.18.0.1|benchmarking", "198.19.255.255|benchmarking",
            "198.51.100.7|documentation", "203.0.113.9|documentation",
            "224.0.0.1|multicast", "239.255.255.250|multicast", "240.0.0.1|reserved", "255.255.255.255|reserved",
            "::|unspecified", "::1|loopback", "fc00::1|private (unique-local)", "fd12:3456::1|private (unique-local)",
            "fe80::1|link-local", "febf::1|link-local", "fec0::1|private (site-local)", "ff02::1|multicast",
            "2001:db8::1|documentation", "2001:0:4136:e378::1|Teredo tunnel",
            "::7f00:1|IPv4-compatible loopback", "::ffff:0:7f00:1|IPv4-translated loopback",
            "::ffff:0:a9fe:a9fe|IPv4-translated link-local", "::a00:1|IPv4-compatible private",
            "64:ff9b::7f00:1|NAT64-embedded loopback", "64:ff9b::a9fe:a9fe|NAT64-embedded link-local",
            "2002:7f00:1::1|6to4-embedded loopback", "2002:c0a8:101::|6to4-embedded private"})
    void refusedRangesNameTheirKind(String literal, String kind) throws UnknownHostException {
        assertThat(rule.refusal(ip(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
            "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.0.1.1", "192.0.3.0", "192.167.255.255",
            "192.169.0.0", "198.17.255.255", "198.20.0.0", "198.51.99.1", "203.0.112.255", "223.255.255.255",
            "93.184.216.34", "2606:4700::1111", "2a00:1450::1", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertThat(rule.refusal(ip(literal))).isEmpty();
    }

    @Test
    void ipv4MappedAddressesAreJudgedByTheirIpv4Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        // the JDK turns ::ffff:a.b.c.d into an Inet4Address; either way the answer is loopback
        assertThat(rule.refusal(InetAddress.getByAddress(mapped))).contains("loopback");
        assertThat(rule.describeRefusal(ip("::ffff:127.0.0.1"))).contains("127.0.0.1 is a loopback address");
    }

    @Test
    void addressesOfThisMachineAreRefusedAndReadAgainAfterAMinute() throws UnknownHostException {
        AtomicInteger reads = new AtomicInteger();
        InetAddress own = ip("93.184.216.34");
        AddressRule local = new AddressRule(() -> {
            reads.incrementAndGet();
            return Set.of(own);
        }, CLOCK);

        assertThat(local.describeRefusal(own)).contains("93.184.216.34 is this machine's own address");
        assertThat(local.refusal(ip("93.184.216.35"))).isEmpty();
        CLOCK.advance(Duration.ofSeconds(59));
        local.refusal(own);
        assertThat(reads).hasValue(1);
        CLOCK.advance(Duration.ofSeconds(2));
        local.refusal(own);
        assertThat(reads).hasValue(2);
    }

    @Test
    void theRealInterfacesIncludeLoopback() throws UnknownHostException {
        assertThat(AddressRule.interfaceAddresses()).contains(ip("127.0.0.1"));
    }
}
