package org.lottrace.serve.access;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lottrace.serve.access.AccessProperties.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of the service: those of the configuration and those of the users file. On
 * the first start with neither, an administrator is created with a random password that
 * is printed once on the console, never logged, and kept only as its bcrypt hash in the
 * users file (mode 0600): there is no default password.
 */
final class UserDirectory {

	/** Password encodings accepted in configuration: slow, salted hashes only. */
	private static final Pattern HASHED = Pattern.compile("\\{(bcrypt|pbkdf2|pbkdf2@SpringSecurity_v5_8)}.+");

	static final String FIRST_ADMIN = "admin";

	private UserDirectory() {
	}

	static InMemoryUserDetailsManager load(AccessProperties properties, PasswordEncoder encoder, PrintStream console) {
		Path file = properties.usersFile();
		if (properties.users().isEmpty() && !Files.exists(file)) {
			createFirstAdmin(file, encoder, console);
		}
		Map<String, User> users = new LinkedHashMap<>();
		if (Files.exists(file)) {
			UsersFile.read(file).forEach((user) -> users.put(user.name(), user));
		}
		properties.users().forEach((user) -> users.put(user.name(), user));
		List<UserDetails> details = new ArrayList<>();
		for (User user : users.values()) {
			if (!HASHED.matcher(user.password()).matches()) {
				throw new IllegalStateException("lottrace.serve.access.users: the password of user '" + user.name()
						+ "' is not a hash; give {bcrypt}<hash> (e.g. from htpasswd -nbBC 12 name password: "
						+ "the part after the colon) or {pbkdf2}<hash>, never the password itself");
			}
			details.add(org.springframework.security.core.userdetails.User.withUsername(user.name())
				.password(user.password())
				.roles(user.roles().stream().map(Role::name).toArray(String[]::new))
				.build());
		}
		return new InMemoryUserDetailsManager(details);
	}

	private static void createFirstAdmin(Path file, PasswordEncoder encoder, PrintStream console) {
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UsersFile.write(file, List.of(new User(FIRST_ADMIN, encoder.encode(password), List.of(Role.ADMIN))));
		// printed, not logged: the log file must never hold a password
		console.printf("%nlottrace: no users are configured, so this first start created the user '%s' (role ADMIN)"
				+ " with the password%n%n    %s%n%nIt is shown only this once: only its hash is kept, in %s (mode 0600)."
				+ " Add users under lottrace.serve.access.users (README, \"Security\").%n%n", FIRST_ADMIN, password,
				file.toAbsolutePath());
		console.flush();
	}

}
