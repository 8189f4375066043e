package org.lottrace.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lottrace.store.PrivateFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it first starts on a new store with the shipped configuration (the
 * {@code serve} profile alone: no users configured, the job repository in an H2 file of
 * the store): it prints a generated administrator password once and keeps only its hash;
 * it listens on loopback only and opens no database port; what it writes is closed to
 * other users.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("serve")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class FirstStartIntegrationTests {

	static final ServeFolders FOLDERS = ServeFolders.create("first-start");

	private static final Pattern PASSWORD = Pattern.compile("with the password\\R\\R {4}(\\S+)\\R");

	@DynamicPropertySource
	static void aNewStore(DynamicPropertyRegistry registry) {
		FOLDERS.register(registry, "0 0 2 * * *", Duration.ofSeconds(1));
		registry.add("lottrace.serve.scan-on-start", () -> "false");
		registry.add("lottrace.duckdb.memory-limit", () -> "512MB");
		registry.add("lottrace.duckdb.threads", () -> "1");
	}

	@LocalServerPort
	int port;

	@Test
	void printsTheFirstAdministratorsPasswordOnceAndKeepsOnlyItsHash(CapturedOutput output) throws IOException {
		// when
		Matcher printed = PASSWORD.matcher(output.getOut());

		// then
		assertThat(printed.find()).as(output.getOut()).isTrue();
		String password = printed.group(1);
		assertThat(output.getAll().split(Pattern.quote(password), -1)).as("printed once").hasSize(2);
		Path users = FOLDERS.store().resolve("_access/users");
		assertThat(Files.getPosixFilePermissions(users)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(users)).contains("admin:{bcrypt}$2a$").doesNotContain(password);
		// the serve profile's log file (in the store, or in ./store when logging starts
		// before the test's
		// properties apply)
		for (Path log : List.of(FOLDERS.store().resolve("_logs/lottrace.log"), Path.of("store/_logs/lottrace.log"))) {
			assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain(password);
		}
		Api admin = new Api(this.port, null);
		assertThat(admin.client()
			.get()
			.uri("/api/me")
			.headers((h) -> h.setBasicAuth("admin", password))
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(new Api(this.port, "admin").get("/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void listensOnLoopbackOnlyAndOpensNoDatabasePort() throws IOException {
		// given: the job repository is open (the start-up recovery reads it)
		assertThat(FOLDERS.store().resolve("_batch/jobs.mv.db")).exists();

		// when
		List<String> listening = listeningAddresses();

		// then: the HTTP port on 127.0.0.1 is all this process listens on; H2's
		// AUTO_SERVER would add a port on
		// every interface and write it into jobs.lock.db
		assertThat(listening).contains("127.0.0.1:" + this.port)
			.allSatisfy(
					(address) -> assertThat(address).matches("(127\\.\\d+\\.\\d+\\.\\d+|\\[0:0:0:0:0:0:0:1]):\\d+"));
		Path lock = FOLDERS.store().resolve("_batch/jobs.lock.db");
		assertThat(!Files.exists(lock) || !Files.readString(lock).contains("server")).isTrue();
	}

	@Test
	void keepsTheStoreAndTheReportsClosedToOtherUsers() {
		assertThat(List.of(FOLDERS.store(), FOLDERS.reports())).allSatisfy((folder) -> {
			assertThat(folder).isDirectory();
			assertThat(PrivateFiles.openToOthers(folder)).as(folder.toString()).isFalse();
		});
	}

	/**
	 * The addresses this process listens on (TCP, IPv4 and IPv6), from Linux's
	 * {@code /proc}: its socket inodes, then the listening sockets that have them.
	 */
	private static List<String> listeningAddresses() throws IOException {
		Set<String> inodes = new java.util.HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			for (Path fd : fds.toList()) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// closed meanwhile
				}
			}
		}
		List<String> addresses = new ArrayList<>();
		for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
			for (String line : Files.readAllLines(Path.of(table))
				.subList(1, Files.readAllLines(Path.of(table)).size())) {
				String[] fields = line.trim().split("\\s+");
				if (fields[3].equals("0A") && inodes.contains(fields[9])) {
					addresses.add(address(fields[1]));
				}
			}
		}
		return addresses;
	}

	/** {@code 0100007F:1F90} as {@code 127.0.0.1:8080}; IPv6 in brackets. */
	private static String address(String hex) {
		String[] parts = hex.split(":");
		int port = Integer.parseInt(parts[1], 16);
		byte[] bytes = new byte[parts[0].length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int b = 0; b < 4; b++) {
				int at = word * 8 + (3 - b) * 2;
				bytes[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
			}
		}
		try {
			java.net.InetAddress address = java.net.InetAddress.getByAddress(bytes);
			// an IPv4 address mapped into IPv6 (a dual-stack socket) comes back as IPv4
			return (address instanceof java.net.Inet6Address) ? "[" + address.getHostAddress() + "]:" + port
					: address.getHostAddress() + ":" + port;
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
