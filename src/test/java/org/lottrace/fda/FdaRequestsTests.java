package org.lottrace.fda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.fda.FdaRequest.Status;
import org.lottrace.fda.FdaRequestException.Reason;
import org.lottrace.fda.LogEntry.SentFile;
import org.lottrace.report.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The 24-hour clock of FDA records requests: logged when they arrive, produced, sent with
 * the SHA-256 of each file, in a log that a new process reads back the same.
 */
class FdaRequestsTests {

	private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

	private static final RequestScope OCTOBER_PEANUT_BUTTER = new RequestScope(List.of("PB-CREAMY-35"),
			LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), List.of(), null, false);

	@TempDir
	Path folder;

	private final MovingClock clock = new MovingClock(NINE);

	@Test
	void startsTheClockWhenTheRequestArrived() {
		// given
		FdaRequests requests = requests();
		Instant phoneCall = NINE.minus(Duration.ofMinutes(40));

		// when
		FdaRequest logged = requests.log(new NewRequest("FDA ORA, Jane Smith, +1 301-555-0100", OCTOBER_PEANUT_BUTTER,
				phoneCall, null, "asked by phone"), "operator");
		this.clock.move(Duration.ofHours(3));

		// then
		assertThat(logged.id()).isEqualTo("FDA-2026-001");
		assertThat(logged.status()).isEqualTo(Status.RECEIVED);
		assertThat(logged.receivedAt()).isEqualTo(phoneCall);
		assertThat(logged.deadline()).isEqualTo(phoneCall.plus(Duration.ofHours(24)));
		assertThat(logged.loggedBy()).isEqualTo("operator");
		assertThat(logged.timeLeft(this.clock.instant())).isEqualTo(Duration.ofHours(20).plusMinutes(20));
		assertThat(logged.overdue(this.clock.instant())).isFalse();
		assertThat(logged.scope().describe()).isEqualTo("products PB-CREAMY-35, 2026-10-01..2026-10-31");
	}

	@Test
	void takesALaterDeadlineFdaAgreedTo() {
		// when
		FdaRequest logged = requests()
			.log(new NewRequest("FDA", OCTOBER_PEANUT_BUTTER, null, NINE.plus(Duration.ofHours(72)), null), "operator");

		// then
		assertThat(logged.receivedAt()).isEqualTo(NINE);
		assertThat(logged.deadline()).isEqualTo(NINE.plus(Duration.ofHours(72)));
	}

	@Test
	void refusesARequestThatNamesNothingOrArrivesInTheFuture() {
		// given
		FdaRequests requests = requests();
		RequestScope nothing = new RequestScope(List.of(), null, null, List.of(), null, false);

		// then
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.log(new NewRequest("FDA", nothing, null, null, null), "operator"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID))
			.withMessageContaining("give the foods (products) and dates, or the lot codes");
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.log(new NewRequest(" ", OCTOBER_PEANUT_BUTTER, null, null, null), "operator"))
			.withMessage("requester: required");
		assertThatExceptionOfType(FdaRequestException.class).isThrownBy(() -> requests
			.log(new NewRequest("FDA", OCTOBER_PEANUT_BUTTER, NINE.plus(Duration.ofHours(1)), null, null), "operator"))
			.withMessageContaining("is in the future");
		assertThat(requests.list()).isEmpty();
	}

	@Test
	void recordsTheFilesSentWithTheirSha256FromTheManifest() throws Exception {
		// given
		FdaRequests requests = requests();
		String id = requests.log(new NewRequest("FDA", OCTOBER_PEANUT_BUTTER, null, null, null), "operator").id();
		Path reports = reportFolder(
				Map.of("fda-sortable-spreadsheet.xlsx", "xlsx bytes", "csv/fda-shipping.csv", "a,b\r\n"));
		this.clock.move(Duration.ofHours(2));
		requests.produced(id, reports, 52, 3, "operator");
		this.clock.move(Duration.ofHours(1));

		// when
		FdaRequest sent = requests.sent(id, "email to jane.smith@fda.hhs.gov", List.of(), "quality");

		// then
		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.production().records()).isEqualTo(52);
		assertThat(sent.production().gaps()).isEqualTo(3);
		assertThat(sent.sending().at()).isEqualTo(NINE.plus(Duration.ofHours(3)));
		assertThat(sent.sending().by()).isEqualTo("quality");
		assertThat(sent.sending().to()).isEqualTo("email to jane.smith@fda.hhs.gov");
		assertThat(sent.sending().files()).extracting(SentFile::path)
			.containsExactly("csv/fda-shipping.csv", "fda-sortable-spreadsheet.xlsx", "manifest.json", "SHA256SUMS");
		assertThat(sent.sending().files().get(1).sha256())
			.isEqualTo(SentFiles.sha256(reports.resolve("fda-sortable-spreadsheet.xlsx")));
		assertThat(sent.sentLate()).isFalse();
		assertThat(sent.open()).isFalse();
	}

	@Test
	void refusesToSendWhatWasNotProducedOrWasChangedOrSendTwice() throws Exception {
		// given
		FdaRequests requests = requests();
		String id = requests.log(new NewRequest("FDA", OCTOBER_PEANUT_BUTTER, null, null, null), "operator").id();
		Path reports = reportFolder(Map.of("fda-sortable-spreadsheet.xlsx", "xlsx bytes"));

		// then
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.sent(id, "FDA", List.of(), "operator"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CONFLICT))
			.withMessage("request FDA-2026-001 has no spreadsheet yet: produce it first");
		requests.produced(id, reports, 1, 0, "operator");
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.sent(id, "FDA", List.of("../../etc/passwd"), "operator"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.INVALID));
		Files.writeString(reports.resolve("fda-sortable-spreadsheet.xlsx"), "edited");
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.sent(id, "FDA", List.of(), "operator"))
			.withMessageContaining(
					"fda-sortable-spreadsheet.xlsx of request FDA-2026-001 changed after it was " + "produced");
		Files.writeString(reports.resolve("fda-sortable-spreadsheet.xlsx"), "xlsx bytes");
		requests.sent(id, "FDA", List.of("fda-sortable-spreadsheet.xlsx"), "operator");
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.sent(id, "FDA", List.of(), "operator"))
			.withMessageStartingWith("request FDA-2026-001 was sent already");
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.produced(id, reports, 1, 0, "operator"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.CONFLICT));
		assertThatExceptionOfType(FdaRequestException.class)
			.isThrownBy(() -> requests.produced("FDA-2026-999", reports, 1, 0, "operator"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_FOUND));
	}

	@Test
	void saysARequestIsOverdueOnceItsDeadlinePassedAndWhenItWasSentLate() throws Exception {
		// given
		FdaRequests requests = requests();
		String id = requests.log(new NewRequest("FDA", OCTOBER_PEANUT_BUTTER, null, null, null), "operator").id();
		requests.produced(id, reportFolder(Map.of("a.csv", "a")), 1, 0, "operator");

		// when
		this.clock.move(Duration.ofHours(25));
		FdaRequest late = requests.get(id).orElseThrow();
		FdaRequest sent = requests.sent(id, "FDA", List.of(), "operator");

		// then
		assertThat(late.overdue(this.clock.instant())).isTrue();
		assertThat(late.timeLeft(this.clock.instant())).isEqualTo(Duration.ofHours(-1));
		assertThat(sent.overdue(this.clock.instant())).isFalse();
		assertThat(sent.sentLate()).isTrue();
	}

	@Test
	void readsTheSameRequestsBackInANewProcessAndSkipsALineCutShortByACrash() throws Exception {
		// given
		FdaRequests before = requests();
		before.log(new NewRequest("FDA, first", OCTOBER_PEANUT_BUTTER, null, null, null), "operator");
		Path log = before.file();
		Files.writeString(log, "{\"event\":\"received\",\"request\":\"FDA-2026-0", StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);

		// when: a restart, then a new request
		FdaRequests after = requests();
		FdaRequest second = after.log(new NewRequest("FDA, second",
				new RequestScope(List.of(), null, null, List.of("C261014A"), null, false), null, null, null),
				"operator");

		// then
		assertThat(after.list()).extracting(FdaRequest::id, FdaRequest::requester)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FDA-2026-002", "FDA, second"),
					org.assertj.core.groups.Tuple.tuple("FDA-2026-001", "FDA, first"));
		assertThat(second.scope().lots()).containsExactly("C261014A");
		assertThat(Files.readAllLines(log)).hasSize(3);
		assertThat(Files.getPosixFilePermissions(log))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
	}

	private FdaRequests requests() {
		return new FdaRequests(
				new FdaRequestProperties(this.folder.resolve("store/_requests/requests.jsonl"), Duration.ofHours(24)),
				this.clock);
	}

	/** A report folder with these files and its manifest. */
	private Path reportFolder(Map<String, String> files) throws Exception {
		Path reports = Files.createTempDirectory(this.folder, "report-");
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = reports.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		new Manifest("lottrace test", NINE, Map.of(), Map.of(), Map.of(), Map.of(), Manifest.files(reports))
			.write(reports);
		return reports;
	}

	/** A clock a test moves on. */
	static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
