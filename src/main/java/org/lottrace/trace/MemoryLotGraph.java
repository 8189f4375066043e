package org.lottrace.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The lot links held in memory as two compressed adjacency arrays (one per direction),
 * loaded from the index in one pass. A step costs an array scan per lot: microseconds,
 * whatever the size of the store. Immutable: after the index is refreshed a new graph is
 * loaded and swapped in.
 */
public final class MemoryLotGraph implements LotGraph {

	private final int[] intoOffsets;

	private final int[] intoInputs;

	private final int[] outOfOffsets;

	private final int[] outOfOutputs;

	private final int links;

	private MemoryLotGraph(int lots, int[] inputs, int[] outputs) {
		this.links = inputs.length;
		this.intoOffsets = new int[lots + 2];
		this.outOfOffsets = new int[lots + 2];
		for (int i = 0; i < inputs.length; i++) {
			this.intoOffsets[outputs[i] + 1]++;
			this.outOfOffsets[inputs[i] + 1]++;
		}
		for (int lot = 1; lot < lots + 2; lot++) {
			this.intoOffsets[lot] += this.intoOffsets[lot - 1];
			this.outOfOffsets[lot] += this.outOfOffsets[lot - 1];
		}
		this.intoInputs = new int[inputs.length];
		this.outOfOutputs = new int[inputs.length];
		int[] intoFill = this.intoOffsets.clone();
		int[] outOfFill = this.outOfOffsets.clone();
		for (int i = 0; i < inputs.length; i++) {
			this.intoInputs[intoFill[outputs[i]]++] = inputs[i];
			this.outOfOutputs[outOfFill[inputs[i]]++] = outputs[i];
		}
	}

	/** Reads every link of the index. */
	public static MemoryLotGraph load(Connection connection) throws SQLException {
		Edges links = readLinks(connection);
		int lots;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT coalesce(max(lot_id), 0) FROM lot")) {
			rs.next();
			lots = rs.getInt(1);
		}
		return new MemoryLotGraph(lots, links.inputs(), links.outputs());
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

	public int links() {
		return this.links;
	}

	@Override
	public Edges into(int[] lots) {
		IntList inputs = new IntList();
		IntList outputs = new IntList();
		for (int lot : lots) {
			if (lot >= 0 && lot + 1 < this.intoOffsets.length) {
				for (int e = this.intoOffsets[lot]; e < this.intoOffsets[lot + 1]; e++) {
					inputs.add(this.intoInputs[e]);
					outputs.add(lot);
				}
			}
		}
		return new Edges(inputs.toArray(), outputs.toArray());
	}

	@Override
	public Edges outOf(int[] lots) {
		IntList inputs = new IntList();
		IntList outputs = new IntList();
		for (int lot : lots) {
			if (lot >= 0 && lot + 1 < this.outOfOffsets.length) {
				for (int e = this.outOfOffsets[lot]; e < this.outOfOffsets[lot + 1]; e++) {
					inputs.add(lot);
					outputs.add(this.outOfOutputs[e]);
				}
			}
		}
		return new Edges(inputs.toArray(), outputs.toArray());
	}

}
