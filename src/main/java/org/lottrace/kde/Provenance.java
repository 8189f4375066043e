package org.lottrace.kde;

import java.time.Instant;

/**
 * Where a record came from, so that every reported value can be checked against the
 * export line it was read from.
 *
 * @param source the source name (the mapping file in {@code jobs/})
 * @param file the export's file name
 * @param sha256 the export's SHA-256, hex
 * @param line the line of the export where the row starts (1-based, header included)
 * @param ingestedAt when the ingestion run started; among records with the same natural
 * key the newest wins
 */
public record Provenance(String source, String file, String sha256, long line, Instant ingestedAt) {

}
