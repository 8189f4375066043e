package org.lottrace.trace;

import java.sql.SQLException;

/**
 * The lot links of the index, as a graph to walk: for a set of lots, the lots that went
 * into them and the lots they went into. {@link DuckDbLotGraph} asks the index (nothing
 * to load: suits a one-shot command); {@link MemoryLotGraph} holds the links in arrays
 * (microseconds per step: suits a running service).
 */
public interface LotGraph {

	/**
	 * For each link whose output is one of {@code lots}: the pair (input lot, output
	 * lot).
	 */
	Edges into(int[] lots) throws SQLException;

	/**
	 * For each link whose input is one of {@code lots}: the pair (input lot, output lot).
	 */
	Edges outOf(int[] lots) throws SQLException;

	/** Links as two parallel arrays. */
	record Edges(int[] inputs, int[] outputs) {

		static final Edges NONE = new Edges(new int[0], new int[0]);

		public int size() {
			return this.inputs.length;
		}

	}

}
