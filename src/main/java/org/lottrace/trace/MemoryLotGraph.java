package org.lottrace.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * Layout (little-endian): a 64-byte header (magic {@code LTLINKS1}, the generation as two
 * longs, lot and link counts), then the offsets and inputs of the backward arrays, then
 * the offsets and outputs of the forward arrays.
 */
public final class MemoryLotGraph implements LotGraph {

	private static final long MAGIC = 0x31534B4E494C544CL; // "LTLINKS1", little-endian

	private static final int HEADER = 64;

	private final IntBuffer intoOffsets;

	private final IntBuffer intoInputs;

	private final IntBuffer outOfOffsets;

	private final IntBuffer outOfOutputs;

	private final int lots;

	private final int links;

	private MemoryLotGraph(int lots, IntBuffer intoOffsets, IntBuffer intoInputs, IntBuffer outOfOffsets,
			IntBuffer outOfOutputs) {
		this.lots = lots;
		this.links = intoInputs.limit();
		this.intoOffsets = intoOffsets;
		this.intoInputs = intoInputs;
		this.outOfOffsets = outOfOffsets;
		this.outOfOutputs = outOfOutputs;
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
	 * These arrays with some links taken out and others added, on the heap: what a
	 * refresh changed, without reading every link of the index again (at 50 million
	 * events that read took two of a night's five seconds of refresh). Each lot's
	 * neighbours are copied in one block; only the lots a change names are looked at one
	 * by one. The order of a lot's neighbours may differ from a fresh {@link #load};
	 * nothing depends on it.
	 * @param lots the highest lot number now
	 * @return null when a link to take out is not in these arrays (they are not the ones
	 * the changes were made to)
	 */
	@Nullable MemoryLotGraph changed(int lots, Edges removed, Edges added) {
		if (lots < this.lots) {
			return null;
		}
		int[][] into = changed(this.intoOffsets, this.intoInputs, lots, pairs(removed.outputs(), removed.inputs()),
				pairs(added.outputs(), added.inputs()));
		int[][] outOf = changed(this.outOfOffsets, this.outOfOutputs, lots, pairs(removed.inputs(), removed.outputs()),
				pairs(added.inputs(), added.outputs()));
		if (into == null || outOf == null) {
			return null;
		}
		int links = into[0][lots + 1];
		return new MemoryLotGraph(lots, IntBuffer.wrap(into[0]), IntBuffer.wrap(into[1], 0, links),
				IntBuffer.wrap(outOf[0]), IntBuffer.wrap(outOf[1], 0, links));
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
	 * Maps a link file into memory.
	 * @return the graph, or null when there is no such file, or it was written for
	 * another generation of the index, or it is not whole
	 */
	public static @Nullable MemoryLotGraph map(Path file, String generation) throws IOException {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size < HEADER) {
				return null;
			}
			MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
			mapped.order(ByteOrder.LITTLE_ENDIAN);
			UUID id = UUID.fromString(generation);
			if (mapped.getLong(0) != MAGIC || mapped.getLong(8) != id.getMostSignificantBits()
					|| mapped.getLong(16) != id.getLeastSignificantBits()) {
				return null;
			}
			int lots = mapped.getInt(24);
			int links = mapped.getInt(28);
			if (lots < 0 || links < 0 || size != HEADER + 4L * (2L * (lots + 2) + 2L * links)) {
				return null;
			}
			IntBuffer ints = mapped.position(HEADER).slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
			int at = 0;
			IntBuffer intoOffsets = ints.slice(at, lots + 2);
			at += lots + 2;
			IntBuffer intoInputs = ints.slice(at, links);
			at += links;
			IntBuffer outOfOffsets = ints.slice(at, lots + 2);
			at += lots + 2;
			IntBuffer outOfOutputs = ints.slice(at, links);
			return new MemoryLotGraph(lots, intoOffsets, intoInputs, outOfOffsets, outOfOutputs);
		}
	}

	/**
	 * Writes these arrays as the link file of an index generation: to a temporary file,
	 * forced to disk, then renamed over the old one, so a reader maps either the old file
	 * or the new one, whole.
	 */
	public void write(Path file, String generation) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			UUID id = UUID.fromString(generation);
			ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
			header.putLong(MAGIC).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
			header.putInt(this.lots).putInt(this.links).position(HEADER).flip();
			writeFully(channel, header);
			ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
			for (IntBuffer array : List.of(this.intoOffsets, this.intoInputs, this.outOfOffsets, this.outOfOutputs)) {
				for (int from = 0; from < array.limit(); from += block.capacity() / 4) {
					int count = Math.min(block.capacity() / 4, array.limit() - from);
					block.clear();
					block.asIntBuffer().put(array.slice(from, count));
					block.limit(count * 4);
					writeFully(channel, block);
				}
			}
			channel.force(true);
		}
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
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
		for (int lot : lots) {
			if (lot >= 0 && lot + 1 < offsets.limit()) {
				for (int e = offsets.get(lot); e < offsets.get(lot + 1); e++) {
					inputs.add(into ? neighbours.get(e) : lot);
					outputs.add(into ? lot : neighbours.get(e));
				}
			}
		}
		return new Edges(inputs.toArray(), outputs.toArray());
	}

}
