package org.lottrace.serve.access;

import java.time.Duration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.Customizer;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Access to the service. Every request but the login form and the health status needs a
 * user: readers trace and read, operators also run ingestions, act on FDA records
 * requests (log, produce, mark sent) and read metrics, administrators may do anything.
 * Scripts use HTTP Basic ({@code lottrace trace} on this machine the token of
 * {@link LocalCommandLine}); the page uses form login and a session, with CSRF
 * protection: the token travels in the {@code XSRF-TOKEN} cookie and comes back in the
 * {@code X-XSRF-TOKEN} header. Only a script's own requests (see {@link ScriptRequests})
 * go without the token. API errors are problem details.
 */
@Configuration(proxyBeanMethods = false)
@Profile("serve")
public class AccessConfiguration {

	private static final RequestMatcher API = (request) -> {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs");
	};

	@Bean
	SecurityFilterChain accessRules(HttpSecurity http, LocalCommandLine commandLine) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.addFilterBefore(commandLine.filter(), BasicAuthenticationFilter.class);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/default-ui.css", "/error", "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/ingestions/inbox")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers(HttpMethod.POST, "/api/fda-requests", "/api/fda-requests/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers("/actuator/metrics", "/actuator/metrics/**")
			.hasRole(Role.OPERATOR.name())
			.requestMatchers("/actuator/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.hasRole(Role.READER.name()))
			.httpBasic((basic) -> basic.realmName("lottrace").authenticationEntryPoint(problems))
			.formLogin((form) -> form.defaultSuccessUrl("/", true))
			// signed out to the login page (/login?logout, the default: set explicitly,
			// it counts as a custom
			// success URL and the generated login page no longer answers it)
			.logout(Customizer.withDefaults())
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(new ScriptRequests()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(problems, AnyRequestMatcher.INSTANCE));
		return http.build();
	}

	/** Rejected by Spring Security's firewall: a 400 problem, not a 500. */
	@Bean
	ProblemResponses requestRejectedHandler() {
		return new ProblemResponses();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.OPERATOR.name())
			.role(Role.OPERATOR.name())
			.implies(Role.READER.name())
			.build();
	}

	/**
	 * {@code {bcrypt}} for new hashes; reads every encoding Spring Security knows;
	 * remembers the passwords it found right for a while ({@link RememberedPasswords}).
	 */
	@Bean
	PasswordEncoder passwordEncoder(AccessProperties properties) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		Duration remember = properties.rememberPasswords();
		return (remember.isNegative() || remember.isZero()) ? encoder : new RememberedPasswords(encoder, remember);
	}

	@Bean
	InMemoryUserDetailsManager users(AccessProperties properties, PasswordEncoder encoder) {
		return UserDirectory.load(properties, encoder, System.out);
	}

	/** The API description names HTTP Basic as the way in. */
	@Bean
	OpenAPI lottraceOpenApi() {
		return new OpenAPI().info(new Info().title("lottrace")
			.description("Traces, FDA records requests and ingestion. Every endpoint needs a user (HTTP Basic); "
					+ "a script sends Content-Type: application/json on POST requests (see the README, \"Security\")."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
