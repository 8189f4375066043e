package org.lottrace.serve.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.lottrace.serve.access.AccessProperties.User;
import org.lottrace.store.PrivateFiles;

/**
 * The users file: one user a line, {@code name:{encoding}hash:ROLE[,ROLE]}, lines
 * starting with {@code #} are comments. A colon never appears in a name or in a bcrypt or
 * PBKDF2 hash, so the line splits without quoting. Written with mode 0600, only ever with
 * hashes.
 */
final class UsersFile {

	private UsersFile() {
	}

	static List<User> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the users file " + file + ": " + ex.getMessage(), ex);
		}
		List<User> users = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split(":", -1);
			if (parts.length != 3) {
				throw new IllegalStateException(
						file + ", line " + (i + 1) + ": write a user as name:{bcrypt}hash:ROLE[,ROLE]");
			}
			try {
				users.add(new User(parts[0], parts[1],
						Arrays.stream(parts[2].split(","))
							.map((role) -> Role.valueOf(role.strip().toUpperCase(Locale.ROOT)))
							.toList()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(file + ", line " + (i + 1) + ": roles are READER, OPERATOR, ADMIN");
			}
		}
		return users;
	}

	static void write(Path file, List<User> users) {
		StringBuilder text = new StringBuilder(
				"# lottrace users (name:password hash:roles); see README, \"Security\"\n");
		for (User user : users) {
			text.append(user.name())
				.append(':')
				.append(user.password())
				.append(':')
				.append(String.join(",", user.roles().stream().map(Role::name).toList()))
				.append('\n');
		}
		PrivateFiles.write(file, text.toString());
	}

}
