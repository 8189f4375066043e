package org.lottrace.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Formatting for the terminal: numbers with separators, durations, a progress line that
 * rewrites itself.
 */
final class Console {

	private final PrintStream out;

	private final PrintStream err;

	private final boolean interactive;

	private boolean progressShown;

	Console() {
		this(System.out, System.err, System.console() != null);
	}

	Console(PrintStream out, PrintStream err, boolean interactive) {
		this.out = out;
		this.err = err;
		this.interactive = interactive;
	}

	void println(String line) {
		clearProgress();
		this.out.println(printable(line));
	}

	void printf(String format, @Nullable Object... args) {
		clearProgress();
		this.out.print(printable(String.format(Locale.ROOT, format, args)));
	}

	/**
	 * The text with every control character but line ends shown as an escape
	 * ({@code \\u001B}): a value read from an export (a lot code, a name) never reaches
	 * the terminal as an escape sequence.
	 */
	static String printable(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = (Character.isISOControl(c) && c != '\n') || c == '\u2028' || c == '\u2029'
					|| (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
			if (control && out == null) {
				out = new StringBuilder(text.length() + 8).append(text, 0, i);
			}
			if (out != null) {
				out.append(control ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
			}
		}
		return (out != null) ? out.toString() : text;
	}

	/**
	 * A progress line: rewritten in place on a terminal, one line per update otherwise.
	 */
	void progress(String line) {
		if (this.interactive) {
			this.err.print("\r" + line + "\u001b[K");
			this.progressShown = true;
		}
		else {
			this.err.println(line);
		}
		this.err.flush();
	}

	private void clearProgress() {
		if (this.progressShown) {
			this.err.print("\r\u001b[K");
			this.err.flush();
			this.progressShown = false;
		}
	}

	void flush() {
		this.out.flush();
	}

	static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	static String bytes(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
		}
		if (bytes >= 1L << 20) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
		}
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

}
