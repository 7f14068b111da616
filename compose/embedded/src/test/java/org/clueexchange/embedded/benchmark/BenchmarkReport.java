package org.clueexchange.embedded.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a benchmark prints, and what it reads of this machine: figures mean little without the machine they were
 * measured on, so every report starts with it.
 */
final class BenchmarkReport {

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    BenchmarkReport(String title) {
        out.println(title);
        out.printf("%s; %d cores (nproc), %s, %s memory; JDK %s%n",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(), procLine("/proc/cpuinfo", "model name"),
                mib(Long.parseLong(procLine("/proc/meminfo", "MemTotal").replaceAll("\\D", ""))),
                System.getProperty("java.version"));
    }

    void line(String format, Object... arguments) {
        out.printf(format + "%n", arguments);
    }

    /** A table whose first column is left-aligned and the others right-aligned, as numbers read best. */
    void table(String title, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        out.println();
        out.println(title);
        for (int i = 0; i < all.size(); i++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < all.get(i).size(); column++) {
                String cell = all.get(i).get(column);
                String pad = " ".repeat(widths[column] - cell.length());
                line.append(column == 0 ? cell + pad : "  " + pad + cell);
            }
            out.println(line.toString().stripTrailing());
            if (i == 0) {
                out.println("-".repeat(line.length()));
            }
        }
    }

    /** A {@code -Dbenchmark.<name>=} number; empty (as the Maven profile passes it when unset) means the default. */
    static int setting(String name, int fallback) {
        String value = System.getProperty("benchmark." + name, "").replace("_", "").replace(",", "");
        return value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty("benchmark." + name, "");
        return value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    /** The most resident memory the process ever had (VmHWM), in KiB. */
    static long peakRssKib(long pid) {
        return Long.parseLong(procLine("/proc/" + pid + "/status", "VmHWM").replaceAll("\\D", ""));
    }

    static long ownPeakRssKib() {
        return peakRssKib(ProcessHandle.current().pid());
    }

    static String mib(long kib) {
        return String.format("%,d MiB", kib >> 10);
    }

    static String millis(Duration duration) {
        return String.format("%,.1f ms", duration.toNanos() / 1e6);
    }

    static String seconds(Duration duration) {
        return String.format("%,.1f s", duration.toMillis() / 1e3);
    }

    static String count(double value) {
        return String.format("%,.0f", value);
    }

    /** Removes a run's work directory, once nothing in it is needed to find out what went wrong. */
    static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown " + key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
