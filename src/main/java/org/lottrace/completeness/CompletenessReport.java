package org.lottrace.completeness;

import java.time.Instant;
import java.util.List;

/**
 * How complete the records are, by source, CTE and month, and what master data to fix.
 *
 * @param rows one per source, CTE and month with records or rows held back, newest month
 * first
 * @param fixes the locations and products that master data does not describe as the
 * records need, most used first
 * @param millis how long the checks took
 */
public record CompletenessReport(Instant checkedAt, List<Row> rows, List<Fix> fixes, Row total, long millis) {

	/**
	 * One source's records of one CTE in one month.
	 *
	 * @param cte the CTE's code; {@code master data} for rows of a master-data source
	 * @param records current records (corrections counted once)
	 * @param missing records lacking at least one KDE (the next four counts, which
	 * overlap)
	 * @param requiredKde records without a KDE their CTE requires
	 * @param location records naming a location master data does not describe completely
	 * @param product records whose product master data does not describe completely
	 * @param tlcSource records whose TLC source is unknown
	 * @param unlinked transformation inputs whose lot could not be found
	 * @param assumed records whose TLC source the mapping assumes (not a gap)
	 * @param pending export rows waiting for other data
	 * @param rejected export rows rejected as wrong in themselves
	 */
	public record Row(String month, String source, String cte, long records, long missing, long requiredKde,
			long location, long product, long tlcSource, long unlinked, long assumed, long pending, long rejected) {

		/** Whether nothing is missing, unlinked or held back. */
		public boolean complete() {
			return this.missing == 0 && this.unlinked == 0 && this.pending == 0 && this.rejected == 0;
		}

		Row plus(Row other) {
			return new Row(this.month, this.source, this.cte, this.records + other.records,
					this.missing + other.missing, this.requiredKde + other.requiredKde, this.location + other.location,
					this.product + other.product, this.tlcSource + other.tlcSource, this.unlinked + other.unlinked,
					this.assumed + other.assumed, this.pending + other.pending, this.rejected + other.rejected);
		}

	}

	/**
	 * Master data to add or complete.
	 *
	 * @param kind {@code location} or {@code product}
	 * @param name its name in master data, or empty when it is not there
	 * @param problem what is missing: {@code not in the master data}, or the parts its
	 * description lacks
	 * @param references how many times current records name it
	 * @param sources the sources whose records name it
	 */
	public record Fix(String kind, String code, String name, String problem, long references, String sources) {

	}

}
