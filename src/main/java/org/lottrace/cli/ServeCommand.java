package org.lottrace.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.serve.ServeProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Run the service: ingest the inbox on a schedule, answer traces and FDA requests over HTTP, "
				+ "and serve the web page for the quality team. Stop it with Ctrl-C." },
		footer = { "", "Examples:", "  lottrace serve", "  lottrace serve --port 9090 --schedule '0 30 1 * * *'",
				"  lottrace serve --bind 0.0.0.0      (open to the network: users and roles, see README \"Security\")",
				"",
				"On the first start with no users configured, the user admin is created and its password printed once.",
				"", "Drop exports in inbox/<source>/ (e.g. inbox/shipping/BOL_20261104.txt); ingested files move to "
						+ "inbox/_archive/, failed ones to inbox/_failed/ with their error." })
class ServeCommand implements SpringCommand {

	@Option(names = "--port", paramLabel = "N", description = "HTTP port (default: 8080, or server.port).")
	@Nullable Integer port;

	@Option(names = "--bind", paramLabel = "ADDRESS",
			description = "The address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every "
					+ "interface, or lottrace.serve.bind).")
	@Nullable String bind;

	@Option(names = "--schedule", paramLabel = "CRON",
			description = "When to ingest the inbox (Spring cron, default nightly: 0 0 2 * * *).")
	@Nullable String schedule;

	@Option(names = "--inbox", paramLabel = "DIR", description = "The inbox folder (default: ./inbox).")
	java.nio.file.@Nullable Path inbox;

	@Override
	public boolean web() {
		return true;
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.port != null) {
			properties.put("server.port", this.port);
		}
		if (this.bind != null) {
			properties.put("lottrace.serve.bind", this.bind);
		}
		if (this.schedule != null) {
			properties.put("lottrace.serve.schedule", this.schedule);
		}
		if (this.inbox != null) {
			properties.put("lottrace.serve.inbox", this.inbox.toAbsolutePath().toString());
		}
		return properties;
	}

	@Override
	public int call(ConfigurableApplicationContext context) throws InterruptedException {
		ServeProperties serve = context.getBean(ServeProperties.class);
		int port = java.util.Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer()).getPort();
		String bind = serve.bind();
		String host = bind.equals("0.0.0.0") || bind.equals("::") ? "localhost"
				: bind.contains(":") ? "[" + bind + "]" : bind;
		new Console().printf("lottrace is serving http://%s:%d/ (listening on %s; inbox %s, ingestion schedule '%s'); "
				+ "Ctrl-C stops it%n", host, port, bind, serve.inbox().toAbsolutePath(), serve.schedule());
		Thread.currentThread().join();
		return ExitCodes.OK;
	}

}
