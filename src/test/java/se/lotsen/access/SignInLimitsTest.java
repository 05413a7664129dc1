package se.lotsen.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shared limits on guessing keep of a username and an address (V33 checks the same in the database). */
class SignInLimitsTest {

    @Test
    void aUsernameIsKeptAsTheHashOfItsNormalisedFormOnly() {
        String key = SignInLimits.accountKey("  Anna.Andersson ");
        assertThat(key).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("anna");
        assertThat(SignInLimits.accountKey("anna.andersson")).isEqualTo(key);
        assertThat(SignInLimits.accountKey("anna.anderson")).isNotEqualTo(key);
        assertThat(SignInLimits.accountKey(null)).isEqualTo(SignInLimits.accountKey(""));
    }

    @Test
    void anAddressIsKeptWithoutControlCharactersAndAtMostAHundredCharacters() {
        assertThat(SignInLimits.address("2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(SignInLimits.address((String) null)).isEqualTo("-");
        assertThat(SignInLimits.address(" \t")).isEqualTo("-");
        assertThat(SignInLimits.address("198.51.100.9\u0000\n")).isEqualTo("198.51.100.9?");
        assertThat(SignInLimits.address("198.51\u0007.100.9")).isEqualTo("198.51?.100.9");
        assertThat(SignInLimits.address("x".repeat(500))).hasSize(SignInLimits.ADDRESS_LENGTH);
    }

    @Test
    void aWaitIsToldInWholeMinutesRoundedUp() {
        assertThat(SignInLimits.minutes(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(SignInLimits.minutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(SignInLimits.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(SignInLimits.minutes(Duration.ofMinutes(15).plusSeconds(1))).isEqualTo(16);
    }
}
