package org.lottrace.cli;

import java.util.List;

/**
 * The tools' commands: {@code generate} (synthetic exports) and {@code bench} (the
 * benchmarks). They live in {@code src/tools} and ship in {@code lottrace-tools.jar},
 * apart from the product.
 */
public final class ToolCommands implements ExtraCommands {

	@Override
	public List<Class<?>> commands() {
		return List.of(GenerateCommand.class, BenchCommand.class);
	}

}
