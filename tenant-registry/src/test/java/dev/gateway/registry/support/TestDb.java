package dev.gateway.registry.support;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the registry tables directly, to assert rows rather than only API answers. */
public final class TestDb {

    private TestDb() {
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        Map<String, String> p = RegistryFixture.properties();
        try (var c = DriverManager.getConnection(p.get("datasources.default.url"),
                p.get("datasources.default.username"), p.get("datasources.default.password"));
             var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
