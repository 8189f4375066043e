package org.lottrace.serve.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password checks that remember, for a few minutes, the passwords they found right. A
 * script signs in with HTTP Basic on every request, and checking a bcrypt hash of cost 12
 * (as the README advises) takes a quarter of a second of CPU on the build machine: a
 * script asking for a run's state twice a second would keep a core busy, and every lot
 * trace it asks for would wait that long first. What is remembered is an HMAC-SHA256,
 * under a key made at random for this process, of the stored hash and the password: never
 * the password, and a new hash in the configuration (a new password) is checked in full
 * again. A wrong password is never remembered: each costs the full check. At most 1,000
 * are remembered, each for {@code lottrace.serve.access.remember-passwords} (5 minutes by
 * default; 0 checks every request in full).
 */
final class RememberedPasswords implements PasswordEncoder {

	static final int MAX_REMEMBERED = 1_000;

	private static final String HMAC = "HmacSHA256";

	private final PasswordEncoder encoder;

	private final SecretKeySpec key;

	private final Cache<String, Boolean> right;

	RememberedPasswords(PasswordEncoder encoder, Duration remember) {
		this(encoder, remember, Ticker.systemTicker());
	}

	/**
	 * @param ticker the clock the remembered passwords expire by (tests move it)
	 */
	RememberedPasswords(PasswordEncoder encoder, Duration remember, Ticker ticker) {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.encoder = encoder;
		this.key = new SecretKeySpec(random, HMAC);
		this.right = Caffeine.newBuilder()
			.maximumSize(MAX_REMEMBERED)
			.expireAfterWrite(remember)
			.ticker(ticker)
			.build();
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.encoder.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.encoder.matches(rawPassword, encodedPassword);
		}
		String mac = mac(rawPassword, encodedPassword);
		if (this.right.getIfPresent(mac) != null) {
			return true;
		}
		boolean matches = this.encoder.matches(rawPassword, encodedPassword);
		if (matches) {
			this.right.put(mac, Boolean.TRUE);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.encoder.upgradeEncoding(encodedPassword);
	}

	private String mac(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder()
				.encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
