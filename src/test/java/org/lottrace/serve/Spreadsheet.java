package org.lottrace.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A downloaded XLSX file as Apache POI reads it: each sheet's rows as text by column
 * header, formatted as a spreadsheet program shows them.
 *
 * @param sheets every sheet by name, in workbook order
 * @param frozenHeader the sheets whose first row is frozen
 */
record Spreadsheet(Map<String, List<Map<String, String>>> sheets, List<String> frozenHeader) {

	static Spreadsheet read(byte[] xlsx) {
		DataFormatter formatter = new DataFormatter();
		Map<String, List<Map<String, String>>> sheets = new LinkedHashMap<>();
		List<String> frozen = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				sheets.put(sheet.getSheetName(), rows(sheet, formatter));
				if (sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane()
						&& sheet.getPaneInformation().getHorizontalSplitPosition() == 1) {
					frozen.add(sheet.getSheetName());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Spreadsheet(sheets, frozen);
	}

	List<Map<String, String>> sheet(String name) {
		List<Map<String, String>> rows = this.sheets.get(name);
		if (rows == null) {
			throw new AssertionError("no sheet '" + name + "' in " + this.sheets.keySet());
		}
		return rows;
	}

	private static List<Map<String, String>> rows(Sheet sheet, DataFormatter formatter) {
		List<Map<String, String>> rows = new ArrayList<>();
		Row header = sheet.getRow(sheet.getFirstRowNum());
		if (header == null) {
			return rows;
		}
		for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (Cell name : header) {
				Cell cell = row.getCell(name.getColumnIndex());
				values.put(formatter.formatCellValue(name), (cell != null) ? formatter.formatCellValue(cell) : "");
			}
			rows.add(values);
		}
		return rows;
	}

}
