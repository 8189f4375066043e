package org.lottrace.serve.access;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, so that the page can show it and offer only what the user may do.
 */
@RestController
@Profile("serve")
@Tag(name = "Access")
public class CurrentUserController {

	private final RoleHierarchy roles;

	public CurrentUserController(RoleHierarchy roles) {
		this.roles = roles;
	}

	/** The signed-in user and its roles, those it was given and those they include. */
	public record CurrentUser(String name, List<String> roles) {

	}

	@GetMapping("/api/me")
	@Operation(summary = "The signed-in user and its roles")
	CurrentUser me(Authentication authentication) {
		return new CurrentUser(authentication.getName(),
				this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter((authority) -> authority.startsWith("ROLE_"))
					.map((authority) -> authority.substring("ROLE_".length()))
					.sorted()
					.toList());
	}

}
