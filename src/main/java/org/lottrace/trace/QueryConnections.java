package org.lottrace.trace;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Connections to the index for queries, kept open from one trace to the next with the
 * statements they prepared. DuckDB parses, binds and plans a statement each time one is
 * prepared, which with its PEG parser (DuckDB 2) costs 1 to 4 ms per statement: a full
 * trace's dozen queries spent about 13 of their 65 ms being prepared (10 million events).
 * A statement {@link SqlQuery} prepares on one of these connections is kept, and the next
 * query of the same text sets its values and runs it again.
 * <p>
 * A connection given out is a proxy of a DuckDB connection: closing it gives it back.
 * Only connections that are not inside a transaction are kept, at most
 * {@link #IDLE_LIMIT}; the others are closed. DuckDB binds a kept statement again by
 * itself when the tables it reads change (checked by the tests). Use them for reading:
 * what a caller leaves on a connection (a temporary table, a setting) stays with it.
 */
final class QueryConnections implements AutoCloseable {

	/** Connections kept open between uses. */
	static final int IDLE_LIMIT = 4;

	/** Statements kept per connection, the least recently used closed first. */
	static final int STATEMENT_LIMIT = 64;

	/** A new connection to the database, not in the pool. */
	@FunctionalInterface
	interface Opener {

		Connection open() throws SQLException;

	}

	/**
	 * The statements a connection keeps; a connection given out by the pool is one
	 * ({@code connection instanceof KeptStatements}).
	 */
	interface KeptStatements {

		/**
		 * The statement of the text prepared before on this connection, when no result of
		 * it is open; its values cleared. Never close it.
		 * @return null when there is none, or when it is in use
		 */
		@Nullable PreparedStatement kept(String sql) throws SQLException;

		/**
		 * Keeps a statement just prepared on this connection for the next query of the
		 * same text.
		 * @return whether it was kept: when not (the text's statement is in use), close
		 * it after use
		 */
		boolean keep(String sql, PreparedStatement statement) throws SQLException;

		/**
		 * Notes the result a kept statement gave: the statement is in use until it is
		 * closed.
		 */
		void opened(PreparedStatement statement, ResultSet result);

	}

	private final Opener opener;

	private final Deque<Pooled> idle = new ArrayDeque<>();

	private boolean closed;

	QueryConnections(Opener opener) {
		this.opener = opener;
	}

	/** A connection: one kept open, or a new one. Close it to give it back. */
	Connection take() throws SQLException {
		Pooled pooled;
		synchronized (this) {
			if (this.closed) {
				throw new SQLException("the index is closed");
			}
			pooled = this.idle.poll();
		}
		if (pooled == null) {
			pooled = new Pooled(this.opener.open());
		}
		pooled.out = true;
		return pooled.proxy;
	}

	private void giveBack(Pooled pooled) {
		boolean keep;
		try {
			keep = pooled.connection.getAutoCommit() && !pooled.connection.isClosed();
		}
		catch (SQLException ex) {
			keep = false;
		}
		if (keep) {
			pooled.forgetClosedResults();
		}
		synchronized (this) {
			if (keep && !this.closed && this.idle.size() < IDLE_LIMIT) {
				this.idle.push(pooled);
				return;
			}
		}
		pooled.closeAll();
	}

	/** Closes the connections kept; those given out close when given back. */
	@Override
	public void close() {
		Deque<Pooled> closing;
		synchronized (this) {
			this.closed = true;
			closing = new ArrayDeque<>(this.idle);
			this.idle.clear();
		}
		closing.forEach(Pooled::closeAll);
	}

	/** A connection of the pool, with its statements, behind its proxy. */
	private final class Pooled implements InvocationHandler, KeptStatements {

		private final Connection connection;

		private final Connection proxy;

		private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
				if (size() <= STATEMENT_LIMIT) {
					return false;
				}
				closeWhenDone(eldest.getValue());
				return true;
			}

		};

		/**
		 * The last result of each kept statement: DuckDB's {@code getResultSet()} cannot
		 * tell (a call gives the result once).
		 */
		private final Map<PreparedStatement, ResultSet> results = new IdentityHashMap<>();

		private volatile boolean out;

		Pooled(Connection connection) {
			this.connection = connection;
			this.proxy = (Connection) Proxy.newProxyInstance(QueryConnections.class.getClassLoader(),
					new Class<?>[] { Connection.class, KeptStatements.class }, this);
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			if (method.getDeclaringClass() == KeptStatements.class) {
				return call(this, method, args);
			}
			switch (method.getName()) {
				case "close" -> {
					if (this.out) {
						this.out = false;
						giveBack(this);
					}
					return null;
				}
				case "isClosed" -> {
					return !this.out || this.connection.isClosed();
				}
				case "createStatement" -> {
					Statement statement = (Statement) java.util.Objects
						.requireNonNull(call(this.connection, method, args));
					return statement(statement);
				}
				case "equals" -> {
					return proxy == ((args != null) ? args[0] : null);
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "pooled " + this.connection;
				}
				default -> {
					return call(this.connection, method, args);
				}
			}
		}

		/** A statement of the connection that names the proxy as its connection. */
		private Statement statement(Statement statement) {
			return (Statement) Proxy.newProxyInstance(QueryConnections.class.getClassLoader(),
					new Class<?>[] { Statement.class }, (p, method, args) -> {
						if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
							return this.proxy;
						}
						return call(statement, method, args);
					});
		}

		@Override
		public @Nullable PreparedStatement kept(String sql) throws SQLException {
			PreparedStatement statement = this.statements.get(sql);
			if (statement == null || statement.isClosed() || inUse(statement)) {
				return null;
			}
			statement.clearParameters();
			return statement;
		}

		@Override
		public boolean keep(String sql, PreparedStatement statement) throws SQLException {
			PreparedStatement before = this.statements.get(sql);
			if (before != null && !before.isClosed()) {
				return false;
			}
			this.statements.put(sql, statement);
			return true;
		}

		@Override
		public void opened(PreparedStatement statement, ResultSet result) {
			this.results.put(statement, result);
		}

		/**
		 * Lets go of the results closed since: a closed DuckDB result still holds the
		 * last rows it fetched.
		 */
		void forgetClosedResults() {
			this.results.values().removeIf((result) -> {
				try {
					return result.isClosed();
				}
				catch (SQLException ex) {
					return true;
				}
			});
		}

		private boolean inUse(PreparedStatement statement) throws SQLException {
			ResultSet result = this.results.get(statement);
			return result != null && !result.isClosed();
		}

		void closeAll() {
			this.statements.values().forEach(this::closeWhenDone);
			this.statements.clear();
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}

		/** Closes a statement now, or when its open result is closed. */
		private void closeWhenDone(PreparedStatement statement) {
			try {
				if (!inUse(statement)) {
					statement.close();
				}
				else {
					statement.closeOnCompletion();
				}
			}
			catch (SQLException ex) {
				// closed with its connection
			}
			this.results.remove(statement);
		}

	}

	private static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
