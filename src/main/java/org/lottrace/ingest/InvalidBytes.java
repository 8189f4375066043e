package org.lottrace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the line of a file that holds the first bytes not valid in its encoding, for the
 * message that fails the file: a reader decodes a buffer ahead of the line it parses, so
 * the parser's own line would be wrong by up to a buffer.
 */
final class InvalidBytes {

	private InvalidBytes() {
	}

	/**
	 * @return the 1-based line (lines end with LF, CRLF or CR), or 0 when every byte is
	 * valid or the file cannot be read
	 */
	static long line(Path file, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
		CharBuffer chars = CharBuffer.allocate(1 << 16);
		long line = 1;
		char previous = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (boolean end = false; !end;) {
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				end = n < 0;
				bytes.position(bytes.position() + Math.max(n, 0)).flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				for (int i = 0; i < chars.position(); i++) {
					char c = chars.get(i);
					line += (c == '\r' || (c == '\n' && previous != '\r')) ? 1 : 0;
					previous = c;
				}
				if (result.isError()) {
					return line;
				}
				chars.clear();
				bytes.compact();
			}
		}
		catch (IOException ex) {
			// unreadable now: no line to tell
		}
		return 0;
	}

}
