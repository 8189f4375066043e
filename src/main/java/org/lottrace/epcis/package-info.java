/**
 * GS1 EPCIS 2.0 JSON-LD: the KDE records of a trace or a records request written as an
 * EPCIS document (ObjectEvents for receiving, shipping and the farm and seafood CTEs,
 * TransformationEvents for work orders and initial packing, the master data in the
 * header), for trading partners and regulators who read EPCIS. Depends on the model only.
 */
@NullMarked
package org.lottrace.epcis;

import org.jspecify.annotations.NullMarked;
