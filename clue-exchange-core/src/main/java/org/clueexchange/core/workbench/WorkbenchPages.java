package org.clueexchange.core.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;
import org.clueexchange.core.reconciliation.statement.StatementCells;
import org.springframework.stereotype.Component;

/**
 * What the workbench's templates ask of the application, as {@code ${@pages.…}}: times written as the statements
 * write them, in UTC+8; whether a cell is a count; where the ECharts script the jar ships lies.
 */
@Component("pages")
class WorkbenchPages {

    private static final String ECHARTS = "META-INF/maven/org.webjars/echarts/pom.properties";

    private final String echartsVersion = echartsVersion();

    public String at(Instant instant) {
        return StatementCells.text(StatementCells.time(instant));
    }

    public boolean isCount(Object cell) {
        return cell instanceof Number;
    }

    /** The path of the charts' script under {@code /webjars}, of the version the jar ships. */
    public String echartsScript() {
        return "/webjars/echarts/" + echartsVersion + "/echarts.min.js";
    }

    private static String echartsVersion() {
        try (InputStream in = WorkbenchPages.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException(ECHARTS + " is missing: the core is built without its charts");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
