package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.UnitConverter;
import org.lottrace.store.PrivateFiles;
import org.lottrace.store.StoreLayout;

/**
 * What one ingestion run works on, from its job parameters: the export, its SHA-256, its
 * mapping, and the instant that orders its records against other ingestions. A run that
 * resolves pending rows names the export they were held from in {@code resolves}; its
 * {@code sha256} is then the resolution's own identity.
 */
public record IngestRun(Path file, String sha256, SourceMapping mapping, UnitConverter units, Instant ingestedAt,
		@Nullable String resolves) {

	/** Job parameter names. */
	public static final String SOURCE = "source", SHA256 = "sha256", STORE = "store", FILE = "file",
			MAPPING = "mapping", INGESTED_AT = "ingestedAt", RESOLVES = "resolves";

	static IngestRun of(String file, String sha256, String mapping, String ingestedAt, @Nullable String resolves) {
		Path mappingFile = Path.of(mapping);
		UnitConverter units = JobsDirectory.readUnits(PrivateFiles.folderOf(mappingFile));
		return new IngestRun(Path.of(file), sha256, MappingReader.readMapping(mappingFile, units), units,
				Instant.parse(ingestedAt), resolves);
	}

	public String source() {
		return this.mapping.source();
	}

	public String fileId() {
		return StoreLayout.fileId(source(), this.sha256);
	}

	public String fileName() {
		return this.file.getFileName().toString();
	}

}
