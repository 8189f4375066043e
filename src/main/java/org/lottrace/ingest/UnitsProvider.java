package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.UnitConverter;
import org.lottrace.store.PrivateFiles;
import org.springframework.stereotype.Component;

/**
 * The units of {@code jobs/units.yml} (or the defaults when there is none), read again
 * when the file changes.
 */
@Component
public class UnitsProvider implements java.util.function.Supplier<UnitConverter> {

	private final Path file;

	private @Nullable UnitConverter units;

	private @Nullable FileTime readAt;

	public UnitsProvider(IngestProperties properties) {
		this.file = properties.jobs().resolve(JobsDirectory.UNITS_FILE);
	}

	@Override
	public UnitConverter get() {
		return units();
	}

	/**
	 * @throws MappingException when the file is missing or invalid
	 */
	public synchronized UnitConverter units() {
		FileTime modified = modified();
		if (this.units == null || !modified.equals(this.readAt)) {
			this.units = JobsDirectory.readUnits(PrivateFiles.folderOf(this.file));
			this.readAt = modified;
		}
		return this.units;
	}

	private FileTime modified() {
		try {
			return Files.getLastModifiedTime(this.file);
		}
		catch (java.io.IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

}
