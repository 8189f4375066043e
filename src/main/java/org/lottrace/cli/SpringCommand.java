package org.lottrace.cli;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that runs inside the application, once the command line has been parsed and
 * checked.
 */
interface SpringCommand {

	/** Runs the command. @return the exit code */
	int call(ConfigurableApplicationContext context) throws Exception;

	/** Whether the command serves HTTP. */
	default boolean web() {
		return false;
	}

	/**
	 * Whether the command only reads the store: it then runs only on a store that exists
	 * and holds ingested data, and creates nothing when there is none.
	 */
	default boolean readsStore() {
		return false;
	}

	/** Properties this command's options set, above every other configuration source. */
	default Map<String, Object> properties() {
		return Map.of();
	}

}
