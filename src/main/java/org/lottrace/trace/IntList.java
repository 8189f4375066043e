package org.lottrace.trace;

import java.util.Arrays;

/** A growable list of ints, without boxing. */
final class IntList {

	private int[] values;

	private int size;

	IntList() {
		this(16);
	}

	IntList(int capacity) {
		this.values = new int[Math.max(1, capacity)];
	}

	void add(int value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	int size() {
		return this.size;
	}

	int get(int index) {
		return this.values[index];
	}

	int[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
