package org.lottrace.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The lot links as two compressed adjacency arrays (one per direction). A step costs an
 * array scan per lot: microseconds, whatever the size of the store. Immutable: after the
 * index is refreshed a new graph is loaded and swapped in.
 * <p>
 * The arrays live either on the heap ({@link #load}: read from the index in one pass) or
 * in the <em>link file</em> {@code links.bin} beside the index, which each refresh that
 * applies commits writes and which a fresh process maps into memory ({@link #map})
 * instead of asking the index one query per level. The file is derived like the index: it
 * names the index generation it was written for, and a file of another generation (a
 * crash between the index's commit and the file's rename, say) is not used.
 * <p>
 * A refresh that changes a few links does not write the arrays again: it writes what
 * changed since they were written ({@link LinkDelta}) beside them, and a reader applies
 * it as it steps; past {@link LinkDelta#limit} the arrays are written anew.
 * <p>
 * Layout (little-endian): a 64-byte header (magic {@code LTLINKS1}, the generation as two
 * longs, lot and link counts), then the offsets and inputs of the backward arrays, then
 * the offsets and outputs of the forward arrays.
 */
public final class MemoryLotGraph implements LotGraph {

	private static final long MAGIC = 0x31534B4E494C544CL; // "LTLINKS1", little-endian

	private static final int HEADER = 64;

	private static final int[] NOTHING = {};

	private final IntBuffer intoOffsets;

	private final IntBuffer intoInputs;

	private final IntBuffer outOfOffsets;

	private final IntBuffer outOfOutputs;

	private final int lots;

	private final int links;

	/**
	 * The link file the arrays were mapped from, and its generation; null on the heap.
	 */
	private final @Nullable Path arraysFile;

	private final @Nullable UUID arraysGeneration;

	/** What changed since the arrays were written. */
	private final LinkDelta delta;

	private MemoryLotGraph(int lots, IntBuffer intoOffsets, IntBuffer intoInputs, IntBuffer outOfOffsets,
			IntBuffer outOfOutputs) {
		this(lots, intoOffsets, intoInputs, outOfOffsets, outOfOutputs, null, null, LinkDelta.NONE);
	}

	private MemoryLotGraph(int lots, IntBuffer intoOffsets, IntBuffer intoInputs, IntBuffer outOfOffsets,
			IntBuffer outOfOutputs, @Nullable Path arraysFile, @Nullable UUID arraysGeneration, LinkDelta delta) {
		this.lots = lots;
		this.links = intoInputs.limit() - delta.removed() + delta.added();
		this.intoOffsets = intoOffsets;
		this.intoInputs = intoInputs;
		this.outOfOffsets = outOfOffsets;
		this.outOfOutputs = outOfOutputs;
		this.arraysFile = arraysFile;
		this.arraysGeneration = arraysGeneration;
		this.delta = delta;
	}

	/** The file beside a link file that holds the changes since its arrays. */
	static Path deltaFile(Path linkFile) {
		return linkFile.resolveSibling("delta-" + linkFile.getFileName());
	}

	/** Builds the arrays from links given as (input lot, output lot) pairs. */
	static MemoryLotGraph of(int lots, int[] inputs, int[] outputs) {
		int[] intoOffsets = new int[lots + 2];
		int[] outOfOffsets = new int[lots + 2];
		for (int i = 0; i < inputs.length; i++) {
			intoOffsets[outputs[i] + 1]++;
			outOfOffsets[inputs[i] + 1]++;
		}
		for (int lot = 1; lot < lots + 2; lot++) {
			intoOffsets[lot] += intoOffsets[lot - 1];
			outOfOffsets[lot] += outOfOffsets[lot - 1];
		}
		int[] intoInputs = new int[inputs.length];
		int[] outOfOutputs = new int[inputs.length];
		int[] intoFill = intoOffsets.clone();
		int[] outOfFill = outOfOffsets.clone();
		for (int i = 0; i < inputs.length; i++) {
			intoInputs[intoFill[outputs[i]]++] = inputs[i];
			outOfOutputs[outOfFill[inputs[i]]++] = outputs[i];
		}
		return new MemoryLotGraph(lots, IntBuffer.wrap(intoOffsets), IntBuffer.wrap(intoInputs),
				IntBuffer.wrap(outOfOffsets), IntBuffer.wrap(outOfOutputs));
	}

	/** Reads every link of the index onto the heap. */
	public static MemoryLotGraph load(Connection connection) throws SQLException {
		Edges links = readLinks(connection);
		return of(lotCount(connection), links.inputs(), links.outputs());
	}

	/** The highest lot number of the index: the arrays hold a slot for each up to it. */
	static int lotCount(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT coalesce(max(lot_id), 0) FROM lot")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/**
	 * These links with some taken out and others added: what a refresh changed, without
	 * reading every link of the index again (at 50 million events that read took two of a
	 * night's five seconds of refresh). Arrays mapped from a link file keep the changes
	 * since they were written as a {@link LinkDelta} up to its limit, which
	 * {@link #write} writes instead of the arrays; past it, and for arrays on the heap,
	 * the arrays are made anew: each lot's neighbours are copied in one block, only the
	 * lots a change names looked at one by one. The order of a lot's neighbours may
	 * differ from a fresh {@link #load}; nothing depends on it.
	 * @param lots the highest lot number now
	 * @return null when a link to take out is not among these (they are not the ones the
	 * changes were made to)
	 */
	@Nullable MemoryLotGraph changed(int lots, Edges removed, Edges added) {
		return changed(lots, removed, added, LinkDelta.limit(this.intoInputs.limit()));
	}

	/**
	 * {@link #changed(int, Edges, Edges)} with a delta of at most {@code limit} links.
	 */
	@Nullable MemoryLotGraph changed(int lots, Edges removed, Edges added, int limit) {
		if (lots < this.lots) {
			return null;
		}
		LinkDelta merged = this.delta.plus(lots, removed, added);
		Edges taken = merged.removedEdges();
		if (this.arraysFile != null && merged.size() <= limit) {
			return arraysHold(taken) ? new MemoryLotGraph(lots, this.intoOffsets, this.intoInputs, this.outOfOffsets,
					this.outOfOutputs, this.arraysFile, this.arraysGeneration, merged) : null;
		}
		Edges put = merged.addedEdges();
		int[][] into = changed(this.intoOffsets, this.intoInputs, lots, pairs(taken.outputs(), taken.inputs()),
				pairs(put.outputs(), put.inputs()));
		int[][] outOf = changed(this.outOfOffsets, this.outOfOutputs, lots, pairs(taken.inputs(), taken.outputs()),
				pairs(put.inputs(), put.outputs()));
		if (into == null || outOf == null) {
			return null;
		}
		int links = into[0][lots + 1];
		return new MemoryLotGraph(lots, IntBuffer.wrap(into[0]), IntBuffer.wrap(into[1], 0, links),
				IntBuffer.wrap(outOf[0]), IntBuffer.wrap(outOf[1], 0, links));
	}

	/** Whether the arrays hold each of these links, as often as it is named. */
	private boolean arraysHold(Edges links) {
		for (int i = 0; i < links.size();) {
			int input = links.inputs()[i];
			int output = links.outputs()[i];
			int times = 0;
			for (; i < links.size() && links.inputs()[i] == input && links.outputs()[i] == output; i++) {
				times++;
			}
			if (input < 0 || input + 1 >= this.outOfOffsets.limit()) {
				return false;
			}
			for (int e = this.outOfOffsets.get(input); e < this.outOfOffsets.get(input + 1) && times > 0; e++) {
				times -= (this.outOfOutputs.get(e) == output) ? 1 : 0;
			}
			if (times > 0) {
				return false;
			}
		}
		return true;
	}

	/** (lot, neighbour) pairs as longs, sorted by lot. */
	private static long[] pairs(int[] lots, int[] neighbours) {
		long[] pairs = new long[lots.length];
		for (int i = 0; i < lots.length; i++) {
			pairs[i] = ((long) lots[i] << 32) | (neighbours[i] & 0xFFFFFFFFL);
		}
		Arrays.sort(pairs);
		return pairs;
	}

	/**
	 * One direction's offsets and neighbours with the changes made; the neighbours array
	 * may be longer than the links (up to the last offset).
	 */
	private static int @Nullable [][] changed(IntBuffer offsets, IntBuffer neighbours, int lots, long[] removed,
			long[] added) {
		int size = neighbours.limit() - removed.length + added.length;
		if (size < 0 || (removed.length > 0 && (removed[0] >> 32) < 0)) {
			return null;
		}
		int oldLots = offsets.limit() - 2;
		int[] newOffsets = new int[lots + 2];
		// room for a lot's old neighbours before its links taken out are
		int[] newNeighbours = new int[neighbours.limit() + added.length];
		int at = 0;
		int r = 0;
		int a = 0;
		for (int lot = 0; lot <= lots; lot++) {
			newOffsets[lot] = at;
			int start = at;
			if (lot <= oldLots) {
				int from = offsets.get(lot);
				int count = offsets.get(lot + 1) - from;
				neighbours.get(from, newNeighbours, at, count);
				at += count;
			}
			for (; r < removed.length && (removed[r] >> 32) == lot; r++) {
				int found = find(newNeighbours, start, at, (int) removed[r]);
				if (found < 0) {
					return null;
				}
				newNeighbours[found] = newNeighbours[--at];
			}
			for (; a < added.length && (added[a] >> 32) == lot; a++) {
				newNeighbours[at++] = (int) added[a];
			}
		}
		newOffsets[lots + 1] = at;
		return (r == removed.length && a == added.length && at == size) ? new int[][] { newOffsets, newNeighbours }
				: null;
	}

	private static int find(int[] values, int from, int to, int value) {
		for (int i = from; i < to; i++) {
			if (values[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** Every link of the index, as (input lot, output lot) pairs. */
	public static Edges readLinks(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			int count;
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM link")) {
				rs.next();
				count = rs.getInt(1);
			}
			int[] inputs = new int[count];
			int[] outputs = new int[count];
			int i = 0;
			try (ResultSet rs = statement.executeQuery("SELECT input_lot, output_lot FROM link")) {
				while (rs.next() && i < count) {
					inputs[i] = rs.getInt(1);
					outputs[i] = rs.getInt(2);
					i++;
				}
			}
			return new Edges(inputs, outputs);
		}
	}

	/**
	 * Maps a link file into memory, with the changes since its arrays when it was written
	 * for an earlier generation.
	 * @return the graph, or null when there is no such file, or it is not whole, or
	 * neither it nor the changes beside it bring it to this generation of the index
	 */
	public static @Nullable MemoryLotGraph map(Path file, String generation) throws IOException {
		MemoryLotGraph arrays = mapArrays(file);
		if (arrays == null || arrays.arraysGeneration == null) {
			return null;
		}
		if (arrays.arraysGeneration.equals(UUID.fromString(generation))) {
			return arrays;
		}
		LinkDelta delta = LinkDelta.map(deltaFile(file), generation, arrays.arraysGeneration);
		return (delta == null) ? null : new MemoryLotGraph(Math.max(arrays.lots, delta.lots), arrays.intoOffsets,
				arrays.intoInputs, arrays.outOfOffsets, arrays.outOfOutputs, file, arrays.arraysGeneration, delta);
	}

	/** The arrays of a link file, of whatever generation; null when it is not whole. */
	private static @Nullable MemoryLotGraph mapArrays(Path file) throws IOException {
		ByteBuffer mapped = LinkFiles.map(file, MAGIC, HEADER);
		if (mapped == null) {
			return null;
		}
		long size = mapped.capacity();
		UUID id = new UUID(mapped.getLong(8), mapped.getLong(16));
		int lots = mapped.getInt(24);
		int links = mapped.getInt(28);
		if (lots < 0 || links < 0 || size != HEADER + 4L * (2L * (lots + 2) + 2L * links)) {
			return null;
		}
		IntBuffer ints = LinkFiles.body(mapped, HEADER).asIntBuffer();
		int at = 0;
		IntBuffer intoOffsets = ints.slice(at, lots + 2);
		at += lots + 2;
		IntBuffer intoInputs = ints.slice(at, links);
		at += links;
		IntBuffer outOfOffsets = ints.slice(at, lots + 2);
		at += lots + 2;
		IntBuffer outOfOutputs = ints.slice(at, links);
		return new MemoryLotGraph(lots, intoOffsets, intoInputs, outOfOffsets, outOfOutputs, file, id, LinkDelta.NONE);
	}

	/**
	 * Writes these links as the link file of an index generation: only the changes since
	 * the arrays when they were mapped from this file and changed within the delta's
	 * limit, else the arrays. Each file is written to a temporary file, forced to disk,
	 * then renamed over the old one, so a reader maps either the old file or the new one,
	 * whole.
	 */
	public void write(Path file, String generation) throws IOException {
		if (file.equals(this.arraysFile) && this.arraysGeneration != null) {
			this.delta.write(deltaFile(file), generation, this.arraysGeneration);
			return;
		}
		MemoryLotGraph arrays = hasDelta() ? changed(this.lots, Edges.NONE, Edges.NONE, 0) : this;
		if (arrays == null) {
			throw new IllegalStateException("the link changes do not fit their arrays");
		}
		arrays.writeArrays(file, generation);
		// a delta beside them was made to other arrays: it is no use any more
		Files.deleteIfExists(deltaFile(file));
	}

	/** Whether these links are arrays and changes to them, to be written as changes. */
	boolean hasDelta() {
		return this.arraysFile != null && this.delta != LinkDelta.NONE;
	}

	private void writeArrays(Path file, String generation) throws IOException {
		UUID id = UUID.fromString(generation);
		ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		header.putLong(MAGIC).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
		header.putInt(this.lots).putInt(this.links).position(HEADER).flip();
		LinkFiles.write(file, header, List.of(this.intoOffsets, this.intoInputs, this.outOfOffsets, this.outOfOutputs));
	}

	public int links() {
		return this.links;
	}

	@Override
	public Edges into(int[] lots) {
		return step(lots, this.intoOffsets, this.intoInputs, true);
	}

	@Override
	public Edges outOf(int[] lots) {
		return step(lots, this.outOfOffsets, this.outOfOutputs, false);
	}

	private Edges step(int[] lots, IntBuffer offsets, IntBuffer neighbours, boolean into) {
		IntList inputs = new IntList();
		IntList outputs = new IntList();
		LongBuffer removed = this.delta.removed(into);
		LongBuffer added = this.delta.added(into);
		for (int lot : lots) {
			if (lot < 0) {
				continue;
			}
			int from = (lot + 1 < offsets.limit()) ? offsets.get(lot) : 0;
			int to = (lot + 1 < offsets.limit()) ? offsets.get(lot + 1) : 0;
			int firstRemoved = LinkDelta.first(removed, lot);
			int endRemoved = LinkDelta.first(removed, lot + 1);
			int[] taken = (endRemoved > firstRemoved) ? new int[endRemoved - firstRemoved] : NOTHING;
			for (int r = firstRemoved; r < endRemoved; r++) {
				taken[r - firstRemoved] = (int) removed.get(r);
			}
			int left = taken.length;
			for (int e = from; e < to; e++) {
				int neighbour = neighbours.get(e);
				if (left > 0 && take(taken, neighbour)) {
					left--;
					continue;
				}
				inputs.add(into ? neighbour : lot);
				outputs.add(into ? lot : neighbour);
			}
			for (int a = LinkDelta.first(added, lot), end = LinkDelta.first(added, lot + 1); a < end; a++) {
				int neighbour = (int) added.get(a);
				inputs.add(into ? neighbour : lot);
				outputs.add(into ? lot : neighbour);
			}
		}
		return new Edges(inputs.toArray(), outputs.toArray());
	}

	/** Takes one occurrence of the neighbour out of those to take out, if it is there. */
	private static boolean take(int[] taken, int neighbour) {
		for (int i = 0; i < taken.length; i++) {
			if (taken[i] == neighbour) {
				taken[i] = -1;
				return true;
			}
		}
		return false;
	}

}
