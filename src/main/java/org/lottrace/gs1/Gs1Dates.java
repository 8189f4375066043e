package org.lottrace.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Dates encoded {@code YYMMDD} (AIs 11 to 17). The century follows General Specifications
 * 7.12: a year 51 to 99 years ahead of the current one is in the previous century, one 50
 * to 99 years behind it in the next, any other in the current one. A day of {@code 00}
 * means the last day of the month (General Specifications 3.4.x: "if only year and month
 * are available, DD must be filled with two zeroes").
 */
final class Gs1Dates {

	private Gs1Dates() {
	}

	/**
	 * @param yymmdd six digits
	 * @param currentYear the year the scan is read in (four digits)
	 * @throws Gs1Exception when the month or the day does not exist
	 */
	static LocalDate parse(String yymmdd, int currentYear) {
		int yy = Integer.parseInt(yymmdd.substring(0, 2));
		int month = Integer.parseInt(yymmdd.substring(2, 4));
		int day = Integer.parseInt(yymmdd.substring(4, 6));
		int difference = yy - currentYear % 100;
		int century = currentYear / 100;
		if (difference >= 51) {
			century--;
		}
		else if (difference <= -50) {
			century++;
		}
		int year = century * 100 + yy;
		if (month < 1 || month > 12) {
			throw new Gs1Exception("month " + month + " does not exist");
		}
		YearMonth yearMonth = YearMonth.of(year, month);
		try {
			return (day == 0) ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
		}
		catch (DateTimeException ex) {
			throw new Gs1Exception(yearMonth + " has no day " + day);
		}
	}

}
