package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void parsesANetworkAndPrintsItBack() {
        Cidr cidr = Cidr.parse("10.96.0.0/12").orElseThrow();
        assertEquals(12, cidr.prefix());
        assertEquals("10.96.0.0/12", cidr.toString());
        assertEquals(1L << 20, cidr.size());
    }

    @Test
    void rejectsHostBitsAndMalformedText() {
        assertEquals(Optional.empty(), Cidr.parse("10.96.0.1/12"));
        assertEquals(Optional.empty(), Cidr.parse("10.96.0.0"));
        assertEquals(Optional.empty(), Cidr.parse("10.96.0.0/33"));
        assertEquals(Optional.empty(), Cidr.parse("10.96.0/12"));
        assertEquals(Optional.empty(), Cidr.parse(null));
    }

    @Test
    void parsesIpv4AddressesStrictly() {
        assertEquals(Optional.of(0x0A000001L), Cidr.parseIpv4("10.0.0.1"));
        assertEquals(Optional.empty(), Cidr.parseIpv4("10.0.0.300"));
        assertEquals(Optional.empty(), Cidr.parseIpv4("10.0.0.01"));
        assertEquals(Optional.empty(), Cidr.parseIpv4("10.0.0"));
        assertEquals(Optional.empty(), Cidr.parseIpv4("node001"));
    }

    @Test
    void detectsOverlapInEitherDirection() {
        Cidr big = Cidr.parse("10.0.0.0/8").orElseThrow();
        Cidr inside = Cidr.parse("10.96.0.0/12").orElseThrow();
        Cidr apart = Cidr.parse("192.168.0.0/16").orElseThrow();
        assertTrue(big.overlaps(inside));
        assertTrue(inside.overlaps(big));
        assertFalse(inside.overlaps(apart));
    }

    @Test
    void numbersAddressesFromTheNetworkAddress() {
        Cidr cidr = Cidr.parse("172.20.0.0/16").orElseThrow();
        assertEquals("172.20.0.1", cidr.address(1));
        assertEquals("172.20.0.10", cidr.address(10));
        assertEquals("172.20.1.0", cidr.address(256));
    }
}
