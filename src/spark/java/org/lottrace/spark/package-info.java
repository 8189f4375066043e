/**
 * The Spark job: FDA records requests and two-way traces over the store's Iceberg tables,
 * run by Spark on one machine or a cluster (README, "Spark").
 */
@NullMarked
package org.lottrace.spark;

import org.jspecify.annotations.NullMarked;
