package org.lottrace.serve.access;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords found right are remembered for a while; nothing else is. */
class RememberedPasswordsTests {

	/** Real bcrypt checks, counted. */
	private final Counted bcrypt = new Counted();

	private final AtomicLong nanos = new AtomicLong();

	private final RememberedPasswords passwords = new RememberedPasswords(this.bcrypt, Duration.ofMinutes(5),
			this.nanos::get);

	private final String hash = this.bcrypt.encode("a long passphrase");

	@Test
	void aRightPasswordIsCheckedInFullOnceThenRemembered() {
		// when
		boolean first = this.passwords.matches("a long passphrase", this.hash);
		boolean again = this.passwords.matches("a long passphrase", this.hash);

		// then
		assertThat(first).isTrue();
		assertThat(again).isTrue();
		assertThat(this.bcrypt.checks).hasValue(1);
	}

	@Test
	void aWrongPasswordIsNeverRemembered() {
		// given: the right one is remembered
		this.passwords.matches("a long passphrase", this.hash);

		// when
		boolean wrong = this.passwords.matches("a long passphrase!", this.hash);
		boolean wrongAgain = this.passwords.matches("a long passphrase!", this.hash);

		// then
		assertThat(wrong).isFalse();
		assertThat(wrongAgain).isFalse();
		assertThat(this.bcrypt.checks).hasValue(3);
	}

	@Test
	void aNewHashIsCheckedInFullAndAnOldPasswordDoesNotMatchIt() {
		// given
		this.passwords.matches("a long passphrase", this.hash);
		String changed = this.bcrypt.encode("another passphrase");

		// when
		boolean old = this.passwords.matches("a long passphrase", changed);
		boolean changedRight = this.passwords.matches("another passphrase", changed);

		// then
		assertThat(old).isFalse();
		assertThat(changedRight).isTrue();
		assertThat(this.bcrypt.checks).hasValue(3);
	}

	@Test
	void aRememberedPasswordIsCheckedInFullAgainOnceItsTimeIsUp() {
		// given
		this.passwords.matches("a long passphrase", this.hash);

		// when
		this.nanos.addAndGet(Duration.ofMinutes(4).toNanos());
		this.passwords.matches("a long passphrase", this.hash);
		int withinFiveMinutes = this.bcrypt.checks.get();
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		boolean after = this.passwords.matches("a long passphrase", this.hash);

		// then
		assertThat(withinFiveMinutes).isEqualTo(1);
		assertThat(after).isTrue();
		assertThat(this.bcrypt.checks).hasValue(2);
	}

	@Test
	void encodesAsItsEncoder() {
		String encoded = this.passwords.encode("s3cret");

		assertThat(encoded).startsWith("$2a$04$");
		assertThat(new BCryptPasswordEncoder().matches("s3cret", encoded)).isTrue();
		assertThat(this.passwords.matches(null, encoded)).isFalse();
	}

	/** bcrypt of the lowest cost, counting its checks. */
	private static final class Counted implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			this.checks.incrementAndGet();
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

}
