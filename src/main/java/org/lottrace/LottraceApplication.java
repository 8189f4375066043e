package org.lottrace;

import org.lottrace.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * lottrace: lot traceability for food manufacturers. {@link Launcher} parses the command
 * line first (so that {@code --help} and usage errors answer at once), then starts this
 * application for {@code serve}, and the leaner {@code CommandApplication} for every
 * other command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LottraceApplication {

	public static void main(String[] args) {
		System.exit(Launcher.run(args));
	}

}
