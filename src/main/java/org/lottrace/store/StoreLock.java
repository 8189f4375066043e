package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on the store for writing, held by one process at a time. While it is
 * held, any ingestion the job repository still shows as running was cut off (a kill, a
 * power cut) and can be recovered.
 */
public final class StoreLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private StoreLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock, or returns empty when another process holds it. */
	public static Optional<StoreLock> tryAcquire(Path lockFile) {
		try {
			Files.createDirectories(lockFile.getParent());
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (java.nio.channels.OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			return Optional.of(new StoreLock(channel, lock));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock " + lockFile, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
			this.channel.close();
		}
		catch (IOException ex) {
			// released when the channel or the process goes away
		}
	}

}
