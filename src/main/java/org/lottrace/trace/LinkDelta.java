package org.lottrace.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The links taken out of and put into a link file's arrays since it was written: what the
 * refreshes after it changed, kept in a small file of its own ({@code delta-links.bin})
 * instead of the arrays written again. Writing the arrays grew with the store (a 240 MB
 * file at 50 million events, about a second of each night's refresh); this grows with the
 * nights since the arrays were last written, which happens again once it holds more than
 * {@link #limit} links.
 * <p>
 * Links are multisets (two work orders may link the same two lots): {@code removed} are
 * occurrences of the arrays' links, {@code added} new ones, and a link both taken out and
 * put in cancels. Each set is kept sorted twice, as {@code lot << 32 | neighbour} keys by
 * input lot and by output lot, so a step looks a lot's changes up by binary search.
 * <p>
 * Layout (little-endian): a 64-byte header (magic {@code LTDELTA1}, the generation it
 * brings the arrays to and the arrays' own, as two longs each, the highest lot number,
 * the counts of added and removed links), then added by input, added by output, removed
 * by input, removed by output.
 */
final class LinkDelta {

	private static final long MAGIC = 0x3141544C4544544CL; // "LTDELTA1", little-endian

	private static final int HEADER = 64;

	static final LinkDelta NONE = new LinkDelta(0, new long[0], new long[0]);

	/** Highest lot number the changes name. */
	final int lots;

	/** Links put in and taken out, as {@code input << 32 | output}, sorted. */
	private final LongBuffer addedOut;

	private final LongBuffer removedOut;

	/** The same, as {@code output << 32 | input}, sorted. */
	private final LongBuffer addedInto;

	private final LongBuffer removedInto;

	private LinkDelta(int lots, LongBuffer addedOut, LongBuffer addedInto, LongBuffer removedOut,
			LongBuffer removedInto) {
		this.lots = lots;
		this.addedOut = addedOut;
		this.addedInto = addedInto;
		this.removedOut = removedOut;
		this.removedInto = removedInto;
	}

	private LinkDelta(int lots, long[] added, long[] removed) {
		this(lots, LongBuffer.wrap(added), LongBuffer.wrap(swapped(added)), LongBuffer.wrap(removed),
				LongBuffer.wrap(swapped(removed)));
	}

	/**
	 * The most links a delta holds before the arrays are written again: a thirty-second
	 * of theirs, at least 65,536 (a file of one megabyte).
	 */
	static int limit(int arrayLinks) {
		return Math.max(1 << 16, arrayLinks / 32);
	}

	int added() {
		return this.addedOut.limit();
	}

	int removed() {
		return this.removedOut.limit();
	}

	int size() {
		return added() + removed();
	}

	/** This delta and more changes made after it, as one delta. */
	LinkDelta plus(int lots, LotGraph.Edges removed, LotGraph.Edges added) {
		long[] in = concat(this.addedOut, added);
		long[] out = concat(this.removedOut, removed);
		Arrays.sort(in);
		Arrays.sort(out);
		// a link put in and taken out again cancels, one occurrence for one
		int i = 0;
		int o = 0;
		int keptIn = 0;
		int keptOut = 0;
		while (i < in.length || o < out.length) {
			if (o == out.length || (i < in.length && in[i] < out[o])) {
				in[keptIn++] = in[i++];
			}
			else if (i == in.length || out[o] < in[i]) {
				out[keptOut++] = out[o++];
			}
			else {
				i++;
				o++;
			}
		}
		return new LinkDelta(Math.max(lots, this.lots), Arrays.copyOf(in, keptIn), Arrays.copyOf(out, keptOut));
	}

	/** The links taken out, as (input, output) pairs. */
	LotGraph.Edges removedEdges() {
		return edges(this.removedOut);
	}

	/** The links put in, as (input, output) pairs. */
	LotGraph.Edges addedEdges() {
		return edges(this.addedOut);
	}

	/** The links taken out, as keys by output lot ({@code into}) or by input lot. */
	LongBuffer removed(boolean into) {
		return into ? this.removedInto : this.removedOut;
	}

	/** The links put in, as keys by output lot ({@code into}) or by input lot. */
	LongBuffer added(boolean into) {
		return into ? this.addedInto : this.addedOut;
	}

	/** The first position of {@code keys} (sorted) whose key is {@code lot}'s or more. */
	static int first(LongBuffer keys, int lot) {
		long key = (long) lot << 32;
		int low = 0;
		int high = keys.limit();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (keys.get(mid) < key) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/**
	 * Maps a delta file.
	 * @return the delta, or null when there is no such file, it brings the arrays to
	 * another generation or starts from other arrays, or it is not whole
	 */
	static @Nullable LinkDelta map(Path file, String generation, UUID arrays) throws IOException {
		ByteBuffer mapped = LinkFiles.map(file, MAGIC, HEADER);
		if (mapped == null) {
			return null;
		}
		long size = mapped.capacity();
		UUID id = UUID.fromString(generation);
		if (mapped.getLong(8) != id.getMostSignificantBits() || mapped.getLong(16) != id.getLeastSignificantBits()
				|| mapped.getLong(24) != arrays.getMostSignificantBits()
				|| mapped.getLong(32) != arrays.getLeastSignificantBits()) {
			return null;
		}
		int lots = mapped.getInt(40);
		int added = mapped.getInt(44);
		int removed = mapped.getInt(48);
		if (lots < 0 || added < 0 || removed < 0 || size != HEADER + 8L * (2L * added + 2L * removed)) {
			return null;
		}
		LongBuffer longs = LinkFiles.body(mapped, HEADER).asLongBuffer();
		return new LinkDelta(lots, longs.slice(0, added), longs.slice(added, added), longs.slice(2 * added, removed),
				longs.slice(2 * added + removed, removed));
	}

	/**
	 * Writes this delta, from the arrays of generation {@code arrays} to
	 * {@code generation}: to a temporary file, forced to disk, then renamed over the old
	 * one.
	 */
	void write(Path file, String generation, UUID arrays) throws IOException {
		UUID id = UUID.fromString(generation);
		ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		header.putLong(MAGIC).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		header.putLong(arrays.getMostSignificantBits()).putLong(arrays.getLeastSignificantBits());
		header.putInt(this.lots).putInt(added()).putInt(removed()).position(HEADER).flip();
		LinkFiles.write(file, header, List.of(this.addedOut, this.addedInto, this.removedOut, this.removedInto));
	}

	private static long key(int lot, int neighbour) {
		return ((long) lot << 32) | (neighbour & 0xFFFFFFFFL);
	}

	private static long[] concat(LongBuffer keys, LotGraph.Edges more) {
		long[] all = new long[keys.limit() + more.size()];
		keys.get(0, all, 0, keys.limit());
		for (int i = 0; i < more.size(); i++) {
			all[keys.limit() + i] = key(more.inputs()[i], more.outputs()[i]);
		}
		return all;
	}

	/** Keys by input lot as keys by output lot, sorted. */
	private static long[] swapped(long[] keys) {
		long[] swapped = new long[keys.length];
		for (int i = 0; i < keys.length; i++) {
			swapped[i] = key((int) keys[i], (int) (keys[i] >> 32));
		}
		Arrays.sort(swapped);
		return swapped;
	}

	private static LotGraph.Edges edges(LongBuffer keys) {
		int[] inputs = new int[keys.limit()];
		int[] outputs = new int[keys.limit()];
		for (int i = 0; i < keys.limit(); i++) {
			inputs[i] = (int) (keys.get(i) >> 32);
			outputs[i] = (int) keys.get(i);
		}
		return new LotGraph.Edges(inputs, outputs);
	}

}
