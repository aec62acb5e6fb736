package com.aimedia.gateway.simulators.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The built samples are byte for byte the files the simulators served before they shared
 * this builder.
 */
class SampleMediaTest {

    @Test
    void mp4MatchesTheBodiesTheProvidersServed() {
        assertThat(SampleMedia.mp4("isomiso2", true, "luma-sim"))
            .isEqualTo(decode("AAAAGGZ0eXBpc29tAAACAGlzb21pc28yAAAACGZyZWUAAAAQbWRhdGx1bWEtc2lt"));
        assertThat(SampleMedia.mp4("isomiso2", true, "runway-s"))
            .isEqualTo(decode("AAAAGGZ0eXBpc29tAAACAGlzb21pc28yAAAACGZyZWUAAAAQbWRhdHJ1bndheS1z"));
        assertThat(SampleMedia.mp4("isommp41", false, ""))
            .isEqualTo(decode("AAAAGGZ0eXBpc29tAAACAGlzb21tcDQxAAAACG1kYXQ="));
        assertThat(SampleMedia.mp4("isommp41", false, "vidu!"))
            .isEqualTo(new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm',
                    'm', 'p', '4', '1', 0, 0, 0, 13, 'm', 'd', 'a', 't', 'v', 'i', 'd', 'u', '!' });
        assertThat(SampleMedia.mp4("isommp41", false, "veo")).endsWith(0, 0, 0, 11, 'm', 'd', 'a', 't', 'v', 'e', 'o');
    }

    @Test
    void imagesAreWellFormed() {
        assertThat(SampleMedia.redPng()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(SampleMedia.greenPng()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(SampleMedia.blackJpeg()).startsWith(0xff, 0xd8);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

}
