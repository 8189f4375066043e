package org.lottrace.plan;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The traceability plan's settings.
 *
 * @param root the folder its versions are written to
 * @param contact the point of contact for questions about the plan (§ 1.1315(a)(4)); no
 * default person: unset, the plan says so
 * @param farmMap where a grower keeps the farm map the plan must include (§
 * 1.1315(a)(5)), when the mappings hold harvesting records
 */
@ConfigurationProperties("lottrace.plan")
@Validated
public record PlanProperties(@NotNull Path root, @Nullable Contact contact, @Nullable String farmMap) {

	public PlanProperties {
		contact = (contact != null) ? contact : new Contact(null, null, null);
	}

	/** The contact, never {@code null}. */
	public Contact pointOfContact() {
		return (this.contact != null) ? this.contact : new Contact(null, null, null);
	}

	/** The point of contact: a person's name, phone and email. */
	public record Contact(@Nullable String name, @Nullable String phone, @Nullable String email) {

		public Contact {
			name = blankToNull(name);
			phone = blankToNull(phone);
			email = blankToNull(email);
		}

		/** Whether a name and a way to reach the person (phone or email) are set. */
		public boolean complete() {
			return this.name != null && (this.phone != null || this.email != null);
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
