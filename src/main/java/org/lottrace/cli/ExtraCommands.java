package org.lottrace.cli;

import java.util.List;

/**
 * Commands that are not part of the product but join its command line when their jar is
 * on the class path, found with {@link java.util.ServiceLoader}: the generator and the
 * benchmarks ({@code target/lottrace-tools.jar}, which {@code ./lottrace generate} and
 * {@code ./lottrace bench} add). The product jar runs without them.
 */
public interface ExtraCommands {

	/** The picocli command classes to add as subcommands of {@code lottrace}. */
	List<Class<?>> commands();

}
