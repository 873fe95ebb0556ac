package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.schema.Difference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes verify's results where CI systems look: JUnit XML ({@code TEST-brokle-migrate-verify.xml}, one test suite
 * per datasource, one test case per migration) and {@code verify.json}, both under {@code target/brokle-migrate/}.
 * A finding that fails the build is a JUnit failure, others are logged in the case's output; a migration that could
 * not be verified is skipped.
 */
final class VerifyFiles {

    static final String XML = "TEST-brokle-migrate-verify.xml";
    static final String JSON = "verify.json";

    private VerifyFiles() {
    }

    static List<Path> write(Path dir, VerifyReport report) {
        try {
            Files.createDirectories(dir);
            Path xml = dir.resolve(XML);
            Files.writeString(xml, junit(report));
            Path json = dir.resolve(JSON);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), json(report));
            return List.of(xml, json);
        } catch (IOException e) {
            throw new InternalFailure("verify could not write its report to " + dir + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
    }

    static String junit(VerifyReport report) {
        Map<String, List<VerifyCase>> byDatasource = new LinkedHashMap<>();
        report.cases().forEach(c -> byDatasource.computeIfAbsent(c.datasource(), k -> new ArrayList<>()).add(c));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
                + "brokle-migrate verify\">\n");
        byDatasource.forEach((datasource, cases) -> {
            long failures = cases.stream().filter(report::fails).count();
            long skipped = cases.stream().filter(c -> !c.verified()).count();
            double seconds = cases.stream().mapToLong(VerifyCase::millis).sum() / 1000.0;
            xml.append("  <testsuite name=\"brokle-migrate.verify.").append(escape(datasource)).append("\" tests=\"")
                    .append(cases.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                    .append(skipped).append("\" time=\"").append(seconds).append("\">\n");
            for (VerifyCase c : cases) {
                xml.append("    <testcase classname=\"brokle-migrate.verify.").append(escape(datasource))
                        .append("\" name=\"").append(escape(c.migration())).append("\" time=\"")
                        .append(c.millis() / 1000.0).append("\"");
                String detail = String.join("\n", c.lines());
                if (!c.verified()) {
                    xml.append(">\n      <skipped message=\"").append(escape(c.notVerified())).append("\"/>\n");
                } else if (report.fails(c)) {
                    String severity = c.severity().orElseThrow().label();
                    xml.append(">\n      <failure type=\"").append(severity).append("\" message=\"")
                            .append(escape(severity + (c.step() == null ? "" : " (" + c.step() + " failed)")))
                            .append("\">").append(escape(detail)).append("</failure>\n");
                } else if (c.severity().isPresent()) {
                    xml.append(">\n      <system-out>").append(escape(detail)).append("</system-out>\n");
                } else {
                    xml.append("/>\n");
                    continue;
                }
                xml.append("    </testcase>\n");
            }
            xml.append("  </testsuite>\n");
        });
        return xml.append("</testsuites>\n").toString();
    }

    private static Map<String, Object> json(VerifyReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("summary", report.summary());
        root.put("failed", report.failed());
        root.put("failOn", report.failOn().stream().map(s -> s.label()).sorted().toList());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (VerifyCase c : report.cases()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("datasource", c.datasource());
            one.put("migration", c.migration());
            one.put("result", !c.verified() ? "not verified" : c.severity().map(s -> s.label()).orElse("ok"));
            one.put("fails", report.fails(c));
            one.put("step", c.step());
            one.put("error", c.error());
            one.put("notVerified", c.notVerified());
            List<Map<String, String>> differences = new ArrayList<>();
            for (Difference d : c.differences()) {
                differences.add(Map.of("severity", d.severity().label(), "subject", d.subject(),
                        "message", d.message()));
            }
            one.put("differences", differences);
            one.put("millis", c.millis());
            cases.add(one);
        }
        root.put("cases", cases);
        return root;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        out.append(' ');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
