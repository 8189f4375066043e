package org.lottrace.report.fda;

import java.util.function.Function;

import org.lottrace.report.fda.FdaSpreadsheet.Column;

/** A column of a CTE sheet and how a row fills it. */
record KdeColumn(Column column, Function<CteRow, SheetCell> value) {

	static KdeColumn text(String header, String kde, String description, String citation,
			Function<CteRow, SheetCell> value) {
		return new KdeColumn(new Column(header, kde, description, citation, Column.Type.TEXT), value);
	}

	static KdeColumn date(String header, String kde, String description, String citation,
			Function<CteRow, SheetCell> value) {
		return new KdeColumn(new Column(header, kde, description, citation, Column.Type.DATE), value);
	}

	static KdeColumn number(String header, String kde, String description, String citation,
			Function<CteRow, SheetCell> value) {
		return new KdeColumn(new Column(header, kde, description, citation, Column.Type.NUMBER), value);
	}

}
