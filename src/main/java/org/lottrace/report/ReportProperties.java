package org.lottrace.report;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where reports go.
 *
 * @param root one folder per run is made here
 */
@ConfigurationProperties("lottrace.reports")
@Validated
public record ReportProperties(@NotNull Path root) {

}
