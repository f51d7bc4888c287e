package org.publiccredit.record.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiccredit.commons.problem.ApiException;

class WebhookTargetsTest {

    /** A DNS of its own: names that resolve to private addresses, one public name, one with a private address among public ones. */
    private static final Map<String, String[]> DNS = Map.of(
            "receiver.partner.example", new String[] {"93.184.216.34"},
            "rebind.partner.example", new String[] {"127.0.0.1"},
            "internal.partner.example", new String[] {"10.1.2.3"},
            "mixed.partner.example", new String[] {"93.184.216.34", "192.168.1.10"},
            "metadata.partner.example", new String[] {"169.254.169.254"},
            "v6.partner.example", new String[] {"2606:2800:220:1:248:1893:25c8:1946"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            return InetAddress.getAllByName(host); // literals and localhost
        }
        InetAddress[] out = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = InetAddress.getByName(addresses[i]);
        }
        return out;
    }

    private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets local = new WebhookTargets(true, WebhookTargetsTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://0.0.0.0/hook", "https://localhost/hook", "https://rebind.partner.example/hook", "https://127.0.0.1:8443/hook",
            "https://internal.partner.example/hook", "https://mixed.partner.example/hook", "https://172.16.5.4/hook",
            "https://192.168.0.1/hook", "https://100.64.0.1/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook",
            "https://224.0.0.1/hook", "https://255.255.255.255/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::]/hook",
            "https://[64:ff9b::a00:1]/hook", "https://[2002:a00:1::]/hook", "https://2130706433/hook", "https://0x7f.1/hook",
            "https://metadata.partner.example/hook", "https://198.18.0.1/hook"})
    void privateLoopbackLinkLocalMulticastAndUnspecifiedAddressesAreRefusedWhenHttpTargetsAreNotAllowed(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> production.require(url)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.code()).isEqualTo("WEBHOOK_TARGET_REFUSED");
            assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("url"));
        });
    }

    @Test
    void theReasonNamesTheRule() {
        assertThatThrownBy(() -> production.check("https://10.0.0.1/x")).hasMessage("the host resolves to a private address");
        assertThatThrownBy(() -> production.check("https://localhost/x")).hasMessage("the host resolves to a loopback address");
        assertThatThrownBy(() -> production.check("https://169.254.169.254/x")).hasMessage("the host resolves to a link-local address");
        assertThatThrownBy(() -> production.check("https://0.0.0.0/x")).hasMessage("the host resolves to an unspecified address");
        assertThatThrownBy(() -> production.check("http://receiver.partner.example/x")).hasMessage("only https URLs are accepted");
        assertThatThrownBy(() -> production.check("https://no-such-host.invalid/x")).hasMessage("the host name does not resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://receiver.partner.example/hook", "ftp://receiver.partner.example/hook", "receiver.partner.example/hook",
            "https://user:pw@receiver.partner.example/hook", "https:///hook", "", "https://receiver.partner.example/hook#x", "not a url"})
    void onlyAbsoluteHttpsUrlsWithoutCredentialsAreAccepted(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookTargets.Refused.class);
    }

    @Test
    void publicHttpsTargetsAreAccepted() throws Exception {
        assertThat(production.check("https://receiver.partner.example/hooks/credit?x=1").getHost()).isEqualTo("receiver.partner.example");
        assertThat(production.check("https://v6.partner.example:8443/hook").getPort()).isEqualTo(8443);
        assertThat(production.check("https://93.184.216.34/hook")).isNotNull();
    }

    @Test
    void theLocalProfileAcceptsHttpAndLoopbackButNeverLinkLocalMulticastOrUnspecified() throws Exception {
        assertThat(local.check("http://127.0.0.1:18080/hook")).isNotNull();
        assertThat(local.check("http://localhost:18080/hook")).isNotNull();
        assertThat(local.check("http://10.0.0.1/hook")).isNotNull();
        assertThatThrownBy(() -> local.check("http://169.254.169.254/latest")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> local.check("http://0.0.0.0:8080/")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> local.check("http://[ff02::1]/")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> local.check("ftp://127.0.0.1/")).isInstanceOf(WebhookTargets.Refused.class);
    }
}
