package org.lottrace;

import java.time.Clock;

import org.lottrace.cli.Launcher;
import org.lottrace.ingest.IngestProgress;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * lottrace: lot traceability for food manufacturers. {@link Launcher} parses the command
 * line first (so that {@code --help} and usage errors answer at once), then starts this
 * application for the command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LottraceApplication {

	public static void main(String[] args) {
		System.exit(Launcher.run(args));
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	IngestProgress ingestProgress() {
		return new IngestProgress();
	}

}
