package org.publiccredit.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesAddressesInsideTheRangeOnly() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.matches("10.1.2.3")).isTrue();
        assertThat(ten.matches("11.0.0.1")).isFalse();
        Cidr odd = Cidr.parse("192.168.4.0/22");
        assertThat(odd.matches("192.168.7.255")).isTrue();
        assertThat(odd.matches("192.168.8.0")).isFalse();
        assertThat(Cidr.parse("::1/128").matches("::1")).isTrue();
        assertThat(Cidr.parse("127.0.0.1/32").matches("127.0.0.2")).isFalse();
    }

    @Test
    void neverResolvesNamesAndRejectsGarbage() {
        assertThat(Cidr.parse("127.0.0.1/32").matches("localhost")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").matches("10.0.0.1\r\nX: y")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").matches("")).isFalse();
        assertThatThrownBy(() -> Cidr.parse("example.org/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
