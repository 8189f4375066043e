package org.lottrace.serve.access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the service.
 *
 * @param users users from configuration; when there are none, the users file holds a
 * generated administrator
 * @param usersFile where the first-run administrator is kept (its password hash only,
 * mode 0600); its users are loaded beside those of the configuration
 * @param rememberPasswords how long a password found right is remembered (as an HMAC of
 * it and its hash, see {@link RememberedPasswords}); 0 checks every request in full
 */
@ConfigurationProperties("lottrace.serve.access")
@Validated
public record AccessProperties(List<@Valid User> users, @NotNull Path usersFile,
		@DefaultValue("5m") Duration rememberPasswords) {

	public AccessProperties {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/**
	 * A user.
	 *
	 * @param name the user name
	 * @param password the password's hash with its encoding, e.g.
	 * {@code {bcrypt}$2a$10$...} (never the password itself: {@code {noop}} is refused)
	 * @param roles what the user may do
	 */
	public record User(@NotBlank @Pattern(regexp = "[^:\\s]+", message = "no spaces or colons") String name,
			@NotBlank String password, @NotEmpty List<Role> roles) {

	}

}
