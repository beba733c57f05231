package dev.mast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesVersionTest {

    @Test
    void aMinorReleaseGetsItsTestedPatchRelease() {
        KubernetesVersion version = KubernetesVersion.parse("1.34").orElseThrow();
        assertEquals(new KubernetesVersion(1, 34, 3), version);
        assertEquals("v1.34.3", version.tag());
    }

    @Test
    void acceptsAFullVersionWithOrWithoutV() {
        assertEquals(new KubernetesVersion(1, 33, 4), KubernetesVersion.parse("v1.33.4").orElseThrow());
        assertEquals(new KubernetesVersion(1, 33, 4), KubernetesVersion.parse(" 1.33.4 ").orElseThrow());
    }

    @Test
    void textThatIsNoVersionIsEmpty() {
        assertEquals(Optional.empty(), KubernetesVersion.parse("latest"));
        assertEquals(Optional.empty(), KubernetesVersion.parse("1"));
        assertEquals(Optional.empty(), KubernetesVersion.parse(null));
    }

    @Test
    void supportsOnlyTheReleasesItHasImageTagsFor() {
        assertTrue(KubernetesVersion.parse("1.28").orElseThrow().isSupported());
        assertTrue(KubernetesVersion.parse("1.34.1").orElseThrow().isSupported());
        assertFalse(KubernetesVersion.parse("1.27.16").orElseThrow().isSupported());
        assertFalse(KubernetesVersion.parse("1.35.0").orElseThrow().isSupported());
        assertFalse(KubernetesVersion.parse("v1.10.5").orElseThrow().isSupported());
        assertFalse(KubernetesVersion.parse("2.34").orElseThrow().isSupported());
    }

    @Test
    void givesTheImageTagsOfItsRelease() {
        KubernetesVersion version = KubernetesVersion.parse("1.34").orElseThrow();
        assertEquals("3.6.5-0", version.etcdTag());
        assertEquals("3.10.1", version.pauseTag());
        assertEquals("v1.12.1", version.coreDnsTag());
    }

    @Test
    void eachMinorReleaseHasKubeadmsTagsOfItsLastPatchRelease() {
        KubernetesVersion version = KubernetesVersion.parse("1.28").orElseThrow();
        assertEquals(new KubernetesVersion(1, 28, 15), version);
        assertEquals("3.5.15-0", version.etcdTag());
        assertEquals("3.9", version.pauseTag());
        assertEquals("v1.10.1", version.coreDnsTag());
        assertEquals("3.9", KubernetesVersion.parse("1.30.2").orElseThrow().pauseTag());
        assertEquals("v1.11.1", KubernetesVersion.parse("1.29").orElseThrow().coreDnsTag());
    }

    @Test
    void releasesBefore131AreOutOfUpstreamSupport() {
        assertEquals(Optional.of(LocalDate.of(2024, 10, 28)), KubernetesVersion.parse("1.28.4").orElseThrow().endOfUpstreamSupport());
        assertTrue(KubernetesVersion.parse("1.30").orElseThrow().endOfUpstreamSupport().isPresent());
        assertEquals(Optional.empty(), KubernetesVersion.parse("1.31").orElseThrow().endOfUpstreamSupport());
        assertEquals(31, KubernetesVersion.oldestUpstreamSupportedMinor());
    }

    @Test
    void anUnsupportedVersionHasNoImageTags() {
        KubernetesVersion old = KubernetesVersion.parse("1.10.5").orElseThrow();
        var e = assertThrows(IllegalStateException.class, old::etcdTag);
        assertTrue(e.getMessage().contains("1.10.5 is not supported"), e.getMessage());
    }

    @Test
    void theDefaultIsTheNewestSupportedRelease() {
        assertEquals(KubernetesVersion.NEWEST_MINOR, KubernetesVersion.DEFAULT.minor());
        assertTrue(KubernetesVersion.DEFAULT.isSupported());
    }
}
