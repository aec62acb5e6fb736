package com.aimedia.gateway.urlguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlGuardTest {

    private static final String NOT_PUBLIC = "callback_url must point to a public internet address";

    private final FakeResolver resolver = new FakeResolver()
        .answer("hooks.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
        .answer("internal.example.com", "10.0.0.5")
        .answer("metadata.example.com", "169.254.169.254")
        .answer("rebind.example.com", "93.184.215.14", "127.0.0.1")
        .answer("empty.example.com", List.of());

    private final CallbackUrlGuard guard = new CallbackUrlGuard(List.of(), resolver);

    @Test
    void should_return_host_port_and_every_checked_address_when_url_is_public() {
        // given
        String url = "https://Hooks.Example.com/callbacks/kling?x=1";

        // when
        CheckedUrl checked = guard.check(url);

        // then
        assertThat(checked.uri().toString()).isEqualTo(url);
        assertThat(checked.host()).isEqualTo("hooks.example.com");
        assertThat(checked.port()).isEqualTo(443);
        assertThat(checked.addresses()).containsExactly(FakeResolver.literal("93.184.215.14"),
                FakeResolver.literal("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
        assertThat(resolver.lookups).containsExactly("hooks.example.com");
    }

    @Test
    void should_use_default_or_explicit_port_when_scheme_is_http() {
        assertThat(guard.check("http://hooks.example.com/cb").port()).isEqualTo(80);
        assertThat(guard.check("HTTP://hooks.example.com:8443/cb").port()).isEqualTo(8443);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://1.1.1.1/", "https://8.8.8.8/cb", "http://[2001:4860:4860::8888]/",
            "http://[::ffff:8.8.8.8]/", "http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/",
            "http://100.128.0.1/", "http://172.32.0.1/", "http://198.20.0.1/" })
    void should_accept_without_resolving_when_literal_address_is_public(String url) {
        // when
        CheckedUrl checked = guard.check(url);

        // then
        assertThat(checked.addresses()).hasSize(1);
        assertThat(resolver.lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 private, loopback, this-network, link-local and metadata, CGNAT
            "10.254.0.0", "10.0.0.1", "172.16.10.65", "172.31.255.255", "192.168.1.1", "127.0.0.1", "127.254.254.254",
            "0.0.0.0", "0.1.2.3", "169.254.45.1", "169.254.169.254", "100.64.0.1", "100.100.0.0", "100.127.255.255",
            // multicast, reserved, broadcast, benchmarking, documentation, protocol
            // assignments, 6to4 relay
            "224.1.2.3", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1", "198.19.255.255", "192.0.2.1",
            "198.51.100.7", "203.0.113.9", "192.0.0.8", "192.88.99.1" })
    void should_refuse_when_ipv4_literal_is_not_public(String address) {
        assertThatThrownBy(() -> guard.check("http://" + address + "/cb")).isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC)
            .hasMessageNotContaining(address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "fe80::dead:beef", "fdee:3a45:9057::1", "fd7a:115c:a1e0::1", "fd00:ec2::254", "fc00::1", "ff02::1",
            "ff00::1", "2002:c0a8:1::dead:beef", "2002:7f00:1::1", "64:ff9b::c0a8:0", "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe", "5f00::dead:beef", "100::1:2:3:4", "2001:db8::1", "2001::1", "::7f00:1", "fec0::1",
            "3fff::1" })
    void should_refuse_when_ipv6_literal_is_not_public(String address) {
        assertThatThrownBy(() -> guard.check("http://[" + address + "]:8080/cb"))
            .isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0x7f000001/", "http://0x7f.0.0.1/", "http://0177.0.0.1/",
            "http://127.1/", "http://127.0.1/", "http://127.0.0.01/", "http://0x7f.1/", "http://1.2.3.0x4/",
            "http://017700000001/", "http://example.com.0x10/", "http://256.1.1.1/", "http://1.2.3.4.5/" })
    void should_refuse_before_resolving_when_host_uses_odd_ipv4_notation(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessageContaining("four decimal numbers");
        assertThat(resolver.lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/",
            "javascript:alert(1)", "hooks.example.com/cb", "/cb", "ws://hooks.example.com/" })
    void should_refuse_when_scheme_is_not_http_or_https(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessage("callback_url must use http or https");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http:hooks.example.com", "http:///cb", "https:/cb" })
    void should_refuse_when_url_has_no_host(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessage("callback_url must be an absolute http or https URL with a host");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://user:secret@hooks.example.com/", "http://user@hooks.example.com/",
            "http://hooks.example.com@127.0.0.1/" })
    void should_refuse_when_url_has_userinfo(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessage("callback_url must not contain user name or password");
    }

    @Test
    void should_refuse_when_url_is_longer_than_2048_characters() {
        // given
        String prefix = "https://hooks.example.com/";
        String longest = prefix + "a".repeat(CallbackUrlGuard.MAX_LENGTH - prefix.length());

        // when / then
        assertThat(guard.check(longest).uri().toString()).hasSize(2048);
        assertThatThrownBy(() -> guard.check(longest + "a")).isInstanceOf(RejectedUrlException.class)
            .hasMessage("callback_url must be at most 2048 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://hooks example.com/", "http://hooks.example.com/a b", "http://[zz::1]/", "" })
    void should_refuse_when_url_is_not_parseable_or_empty(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .message()
            .isIn("callback_url is not a valid URL", "callback_url must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://exa_mple.com/", "http://-hooks.example.com/", "http://hooks..example.com/",
            "http://例子.com/", "http://[fe80::1%25eth0]/" })
    void should_refuse_when_host_is_not_a_valid_name_or_address(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .message()
            .startsWith("callback_url host is not a valid");
        assertThat(resolver.lookups).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://hooks.example.com:0/", "http://hooks.example.com:65536/" })
    void should_refuse_when_port_is_out_of_range(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessage("callback_url port must be between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = { "internal.example.com", "metadata.example.com" })
    void should_refuse_without_naming_the_address_when_name_resolves_to_non_public_address(String host) {
        assertThatThrownBy(() -> guard.check("https://" + host + "/cb")).isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC)
            .hasMessageNotContaining("10.0.0.5")
            .hasMessageNotContaining("169.254");
    }

    @Test
    void should_refuse_when_any_resolved_address_is_not_public() {
        // given: DNS rebinding answers with one public and one loopback address
        String url = "https://rebind.example.com/cb";

        // when / then
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC);
        assertThat(resolver.lookups).containsExactly("rebind.example.com");
    }

    @Test
    void should_refuse_when_resolver_returns_ipv4_mapped_ipv6_of_loopback() throws Exception {
        // given: a resolver that hands back an Inet6Address (the JDK's own parser would
        // unmap it)
        byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 };
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        resolver.answer("mapped.example.com", List.of(address));

        // when / then
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThatThrownBy(() -> guard.check("https://mapped.example.com/")).isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://unknown.example.com/", "https://empty.example.com/" })
    void should_refuse_as_unresolved_when_host_does_not_resolve(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(UnresolvedHostException.class)
            .hasMessage("callback_url host does not resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://10.0.0.1/",
            "ftp://hooks.example.com/", "http://user@hooks.example.com/" })
    void should_refuse_structurally_not_as_unresolved_when_url_is_never_deliverable(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(RejectedUrlException.class)
            .isNotInstanceOf(UnresolvedHostException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/cb", "http://localhost:8080/cb", "http://[::1]:8080/cb" })
    void should_refuse_loopback_when_allowed_networks_are_empty_with_system_resolver(String url) {
        CallbackUrlGuard systemGuard = new CallbackUrlGuard(List.of(), HostResolver.system());

        assertThatThrownBy(() -> systemGuard.check(url)).isInstanceOf(RejectedUrlException.class)
            .hasMessageStartingWith(NOT_PUBLIC);
    }

    @Test
    void should_admit_loopback_when_inside_an_allowed_network() {
        // given
        CallbackUrlGuard testGuard = new CallbackUrlGuard(List.of("127.0.0.0/8", "::1/128"), resolver);

        // when
        CheckedUrl v4 = testGuard.check("http://127.0.0.1:8080/cb");
        CheckedUrl v6 = testGuard.check("http://[::1]:8081/cb");

        // then
        assertThat(v4.addresses()).containsExactly(FakeResolver.literal("127.0.0.1"));
        assertThat(v4.host()).isEqualTo("127.0.0.1");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(8081);
    }

    @Test
    void should_still_refuse_other_ranges_when_only_loopback_is_allowed() {
        CallbackUrlGuard testGuard = new CallbackUrlGuard(List.of("127.0.0.0/8"), resolver);

        assertThatThrownBy(() -> testGuard.check("http://10.0.0.1/")).isInstanceOf(RejectedUrlException.class);
        assertThatThrownBy(() -> testGuard.check("http://[::1]/")).isInstanceOf(RejectedUrlException.class);
        assertThatThrownBy(() -> testGuard.check("http://0177.0.0.1/")).isInstanceOf(RejectedUrlException.class);
    }

    @Test
    void should_admit_a_single_address_and_non_byte_aligned_prefix_when_allowed() {
        CallbackUrlGuard testGuard = new CallbackUrlGuard(List.of("10.1.2.3", "172.16.0.0/13"), resolver);

        assertThat(testGuard.check("http://10.1.2.3/").addresses()).hasSize(1);
        assertThat(testGuard.check("http://172.23.255.255/").addresses()).hasSize(1);
        assertThatThrownBy(() -> testGuard.check("http://172.24.0.0/")).isInstanceOf(RejectedUrlException.class);
        assertThatThrownBy(() -> testGuard.check("http://10.1.2.4/")).isInstanceOf(RejectedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost/8", "127.0.0.0/33", "::1/129", "0x7f.0.0.0/8", "10.0.0.0/", "10.0.0.0/-1", "" })
    void should_fail_fast_when_allowed_network_is_not_cidr(String network) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CallbackUrlGuard(List.of(network), resolver))
            .withMessageContaining("CIDR");
    }

}
