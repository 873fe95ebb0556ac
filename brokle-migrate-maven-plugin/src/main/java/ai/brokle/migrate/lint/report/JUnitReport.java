package ai.brokle.migrate.lint.report;

import ai.brokle.migrate.lint.Finding;
import ai.brokle.migrate.lint.LintResult;
import ai.brokle.migrate.lint.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code validate}'s JUnit XML report, for CI test views: one test suite per datasource, one test case per file;
 * each error is a failure of its file's case, warnings are the case's output.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, List<LintResult> results) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "brokle-migrate:validate");
            for (LintResult result : results) {
                suite(xml, result);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, LintResult result) throws XMLStreamException {
        Map<Path, List<Finding>> byFile = result.findings().stream()
                .collect(Collectors.groupingBy(Finding::file));
        java.util.TreeSet<Path> files = new java.util.TreeSet<>(result.files());
        files.addAll(byFile.keySet());
        long failing = files.stream().filter(f -> byFile.getOrDefault(f, List.of()).stream()
                .anyMatch(x -> x.severity() == Severity.ERROR)).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "validate." + result.datasource());
        xml.writeAttribute("tests", String.valueOf(files.size()));
        xml.writeAttribute("failures", String.valueOf(failing));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", result.nanos() / 1e9));
        for (Path file : files) {
            List<Finding> findings = byFile.getOrDefault(file, List.of());
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "validate." + result.datasource());
            xml.writeAttribute("name", file.toString());
            for (Finding f : findings) {
                if (f.severity() == Severity.ERROR) {
                    xml.writeCharacters("\n      ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", f.ruleId());
                    xml.writeAttribute("message", f.location() + ": " + f.ruleId() + " " + f.message());
                    xml.writeCharacters(f.render());
                    xml.writeEndElement();
                }
            }
            String warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::render)
                    .collect(Collectors.joining("\n"));
            if (!warnings.isEmpty()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(warnings);
                xml.writeEndElement();
            }
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }
}
