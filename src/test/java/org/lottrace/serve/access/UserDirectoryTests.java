package org.lottrace.serve.access;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The users of the service, and the administrator of its first start. */
class UserDirectoryTests {

	private static final Pattern PASSWORD = Pattern.compile("with the password\\R\\R {4}(\\S+)\\R");

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path folder;

	private static final java.time.Duration REMEMBER = java.time.Duration.ofMinutes(5);

	@Test
	void createsTheFirstAdministratorOnceWithAPasswordShownOnlyOnceAndKeptAsAHash() throws Exception {
		// given
		AccessProperties none = new AccessProperties(List.of(), this.folder.resolve("access/users"), REMEMBER);

		// when
		String first = load(none);
		String second = load(none);

		// then
		Matcher password = PASSWORD.matcher(first);
		assertThat(password.find()).as(first).isTrue();
		String users = Files.readString(none.usersFile());
		assertThat(users).startsWith("# lottrace users")
			.contains("admin:{bcrypt}$2a$10$")
			.endsWith(":ADMIN\n")
			.doesNotContain(password.group(1));
		assertThat(Files.getPosixFilePermissions(none.usersFile()))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(second).isEmpty();
		InMemoryUserDetailsManager manager = UserDirectory.load(none, this.encoder, quiet());
		assertThat(this.encoder.matches(password.group(1), manager.loadUserByUsername("admin").getPassword())).isTrue();
		assertThat(manager.loadUserByUsername("admin").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_ADMIN");
	}

	@Test
	void createsNoAdministratorWhenUsersAreConfigured() {
		// given
		AccessProperties configured = new AccessProperties(
				List.of(new AccessProperties.User("quality", this.encoder.encode("s3cret"), List.of(Role.READER))),
				this.folder.resolve("users"), REMEMBER);

		// when
		String printed = load(configured);

		// then
		assertThat(printed).isEmpty();
		assertThat(configured.usersFile()).doesNotExist();
	}

	@Test
	void refusesAPasswordThatIsNotAHash() {
		for (String password : List.of("{noop}s3cret", "s3cret", "$2a$10$abcdefghijklmnopqrstuv")) {
			AccessProperties plain = new AccessProperties(
					List.of(new AccessProperties.User("quality", password, List.of(Role.READER))),
					this.folder.resolve("users"), REMEMBER);

			assertThatIllegalStateException().isThrownBy(() -> UserDirectory.load(plain, this.encoder, quiet()))
				.withMessageContaining("the password of user 'quality' is not a hash");
		}
	}

	private String load(AccessProperties properties) {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		UserDirectory.load(properties, this.encoder, new PrintStream(console, true, StandardCharsets.UTF_8));
		return console.toString(StandardCharsets.UTF_8);
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

}
