package dev.clipforge.common.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlPolicyTest {
    private final UrlPolicy policy = new UrlPolicy(List.of());

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1/video.mp4, loopback",
            "http://127.9.9.9:8080/v, loopback",
            "http://localhost/v.mp4, loopback",
            "http://[::1]/v.mp4, loopback",
            "http://10.1.2.3/v.mp4, private",
            "http://172.16.0.9/v.mp4, private",
            "http://192.168.1.1/v.mp4, private",
            "http://169.254.169.254/latest/meta-data/, cloud metadata",
            "http://169.254.10.1/v, link-local",
            "http://[fe80::1]/v, link-local",
            "http://[fc00::1]/v, unique-local",
            "http://[fd12:3456::1]/v, unique-local",
            "http://224.0.0.1/v, multicast",
            "http://0.0.0.0/v, unspecified",
            "http://100.64.1.1/v, shared",
            "http://[::ffff:127.0.0.1]/v, loopback",
            "http://[::ffff:10.0.0.1]/v, private",
            "http://[::ffff:169.254.169.254]/v, cloud metadata",
    })
    void refusesNonPublicAddresses(String url, String kind) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOf(UrlPolicy.Refused.class)
                .hasMessageContaining(kind)
                .satisfies(e -> assertThat(((UrlPolicy.Refused) e).code()).isEqualTo("url_blocked"));
    }

    @ParameterizedTest
    @CsvSource({
            "file:///etc/passwd, file",
            "ftp://example.com/v.mp4, ftp",
            "gopher://example.com/, gopher",
            "jar:file:/x!/y, jar",
    })
    void refusesOtherSchemes(String url, String scheme) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOf(UrlPolicy.Refused.class)
                .hasMessageContaining("only http and https")
                .hasMessageContaining(scheme)
                .satisfies(e -> assertThat(((UrlPolicy.Refused) e).code()).isEqualTo("url_scheme_not_allowed"));
    }

    @Test
    void refusesGarbageAndCredentials() {
        assertThatThrownBy(() -> policy.check("not a url")).isInstanceOf(UrlPolicy.Refused.class);
        assertThatThrownBy(() -> policy.check("http://user:pw@93.184.215.14/v.mp4"))
                .hasMessageContaining("credentials");
    }

    @Test
    void acceptsPublicAddresses() throws Exception {
        assertThat(policy.blockedReason(InetAddress.getByName("93.184.215.14"))).isEmpty();
        assertThat(policy.blockedReason(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))).isEmpty();
        assertThatCode(() -> policy.check("https://93.184.215.14/video.mp4")).doesNotThrowAnyException();
    }

    @Test
    void allowListOpensRangesAndHosts() throws Exception {
        UrlPolicy open = new UrlPolicy(List.of("127.0.0.0/8", "10.20.0.0/16", "localhost"));
        assertThatCode(() -> open.check("http://127.0.0.1:9000/v.mp4")).doesNotThrowAnyException();
        assertThatCode(() -> open.check("http://localhost/v.mp4")).doesNotThrowAnyException();
        assertThat(open.blockedReason(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(open.blockedReason(InetAddress.getByName("10.21.3.4"))).contains("private");
        assertThat(open.blockedReason(InetAddress.getByName("169.254.169.254"))).contains("cloud metadata");
    }
}
