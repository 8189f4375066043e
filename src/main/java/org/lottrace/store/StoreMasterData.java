package org.lottrace.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Location;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;

/**
 * The current master data of the store, held in memory: it is small next to the events.
 */
public final class StoreMasterData implements MasterData {

	private final Map<String, Location> locations;

	private final Map<String, Product> products;

	private final Map<String, List<Location>> locationsByGln;

	private final Map<String, List<Location>> locationsByPartner;

	private final Map<String, List<Product>> productsByGtin;

	public StoreMasterData(Collection<Location> locations, Collection<Product> products) {
		this.locations = index(locations, Location::code);
		this.products = index(products, Product::code);
		this.locationsByGln = group(locations, Location::gln);
		this.locationsByPartner = group(locations, Location::partnerCode);
		this.productsByGtin = group(products, Product::gtin);
	}

	/** Reads the current locations and products of the committed store. */
	public static StoreMasterData load(StoreCatalog catalog, DuckDb duckDb) {
		try (Connection connection = duckDb.inMemory()) {
			for (StoreTable table : List.of(StoreTable.LOCATION, StoreTable.PRODUCT)) {
				DuckDb.createViews(connection, table, catalog.files(table));
			}
			return load(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read master data from the store: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the current locations and products through the views of
	 * {@link DuckDb#createViews}.
	 */
	public static StoreMasterData load(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			List<Location> locations = new java.util.ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT * FROM location ORDER BY location_code")) {
				while (rs.next()) {
					locations.add(new Location(rs.getString("location_code"), rs.getString("location_type"),
							rs.getString("partner_code"), rs.getString("business_name"), rs.getString("phone"),
							rs.getString("street"), rs.getString("city"), rs.getString("state"),
							rs.getString("postal_code"), rs.getString("country"), rs.getString("gln"),
							rs.getString("fda_registration"), provenance(rs)));
				}
			}
			List<Product> products = new java.util.ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT * FROM product ORDER BY product_code")) {
				while (rs.next()) {
					products.add(new Product(rs.getString("product_code"), rs.getString("product_name"),
							rs.getString("brand"), rs.getString("commodity"), rs.getString("variety"),
							rs.getString("pack_size"), rs.getString("pack_style"), rs.getString("gtin"),
							rs.getString("ftl_category"), rs.getBoolean("kill_step"), rs.getString("base_unit"),
							provenance(rs)));
				}
			}
			return new StoreMasterData(locations, products);
		}
	}

	private static Provenance provenance(ResultSet rs) throws SQLException {
		return KdeEventRows.provenance(rs);
	}

	public Collection<Location> locations() {
		return this.locations.values();
	}

	public Collection<Product> products() {
		return this.products.values();
	}

	@Override
	public Optional<Location> location(String code) {
		return Optional.ofNullable(this.locations.get(code));
	}

	@Override
	public Optional<Product> product(String code) {
		return Optional.ofNullable(this.products.get(code));
	}

	@Override
	public boolean hasLocation(String code) {
		return this.locations.containsKey(code);
	}

	@Override
	public boolean hasProduct(String code) {
		return this.products.containsKey(code);
	}

	@Override
	public Optional<Location> locationByGln(String gln) {
		return single(this.locationsByGln.get(gln));
	}

	@Override
	public Optional<Location> locationByPartner(String partnerCode) {
		return single(this.locationsByPartner.get(partnerCode));
	}

	@Override
	public Optional<Product> productByGtin(String gtin) {
		return single(this.productsByGtin.get(gtin));
	}

	private static <T> Optional<T> single(@Nullable List<T> matches) {
		return (matches != null && matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static <T> Map<String, T> index(Collection<T> items, Function<T, String> key) {
		Map<String, T> map = new HashMap<>();
		items.forEach((item) -> map.put(key.apply(item), item));
		return map;
	}

	private static <T> Map<String, List<T>> group(Collection<T> items, Function<T, @Nullable String> key) {
		return items.stream()
			.filter((item) -> key.apply(item) != null)
			.collect(Collectors.groupingBy((item) -> key.apply(item)));
	}

}
