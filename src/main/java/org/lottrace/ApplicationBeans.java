package org.lottrace;

import java.time.Clock;

import org.lottrace.ingest.IngestProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that the service and the one-shot commands share and no feature owns. */
@Configuration(proxyBeanMethods = false)
public class ApplicationBeans {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	IngestProgress ingestProgress() {
		return new IngestProgress();
	}

}
