/**
 * The command line: one picocli command per class, each thin over the services of the
 * other packages.
 */
@NullMarked
package org.lottrace.cli;

import org.jspecify.annotations.NullMarked;
