package org.lottrace.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Walks the lot links with index look-ups in DuckDB, one query per level and direction.
 */
public final class DuckDbLotGraph implements LotGraph {

	private final Connection connection;

	public DuckDbLotGraph(Connection connection) {
		this.connection = connection;
	}

	@Override
	public Edges into(int[] lots) throws SQLException {
		return query("output_lot", lots);
	}

	@Override
	public Edges outOf(int[] lots) throws SQLException {
		return query("input_lot", lots);
	}

	private Edges query(String column, int[] lots) throws SQLException {
		if (lots.length == 0) {
			return Edges.NONE;
		}
		IntList inputs = new IntList();
		IntList outputs = new IntList();
		try (ResultSet rs = new SqlQuery(this.connection)
			.sql("SELECT input_lot, output_lot FROM link WHERE " + column + " IN (")
			.ints(Arrays.stream(lots).boxed().toList())
			.sql(")")
			.query()) {
			while (rs.next()) {
				inputs.add(rs.getInt(1));
				outputs.add(rs.getInt(2));
			}
		}
		return new Edges(inputs.toArray(), outputs.toArray());
	}

}
