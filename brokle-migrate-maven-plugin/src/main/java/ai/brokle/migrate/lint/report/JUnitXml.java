package ai.brokle.migrate.lint.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one JUnit XML writer (validate's and verify's reports, for CI test views): test suites of test cases, each
 * case passed, skipped, failed, or passed with output. Characters XML cannot carry become spaces.
 */
public final class JUnitXml {

    /** @param seconds the suite's time */
    public record Suite(String name, double seconds, List<Case> cases) {
    }

    /**
     * @param seconds  the case's time, or null when not measured
     * @param skipped  why the case was skipped, or null
     * @param output   what the case printed (warnings), or null
     */
    public record Case(String classname, String name, Double seconds, String skipped, List<Failure> failures,
                       String output) {
    }

    public record Failure(String type, String message, String detail) {
    }

    private JUnitXml() {
    }

    public static void write(Path file, String name, List<Suite> suites) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", name);
            for (Suite suite : suites) {
                suite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", suite.name());
        attribute(xml, "tests", String.valueOf(suite.cases().size()));
        attribute(xml, "failures", String.valueOf(suite.cases().stream().filter(c -> !c.failures().isEmpty()).count()));
        attribute(xml, "errors", "0");
        attribute(xml, "skipped", String.valueOf(suite.cases().stream().filter(c -> c.skipped() != null).count()));
        attribute(xml, "time", seconds(suite.seconds()));
        for (Case c : suite.cases()) {
            testCase(xml, c);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean empty = c.skipped() == null && c.failures().isEmpty() && c.output() == null;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "classname", c.classname());
        attribute(xml, "name", c.name());
        if (c.seconds() != null) {
            attribute(xml, "time", seconds(c.seconds()));
        }
        if (empty) {
            return;
        }
        if (c.skipped() != null) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("skipped");
            attribute(xml, "message", c.skipped());
        }
        for (Failure f : c.failures()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            attribute(xml, "type", f.type());
            attribute(xml, "message", f.message());
            xml.writeCharacters(printable(f.detail()));
            xml.writeEndElement();
        }
        if (c.output() != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(printable(c.output()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, printable(value));
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** Control characters other than tab and line breaks are not allowed in XML 1.0. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            out.append(ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r' ? ' ' : ch);
        }
        return out.toString();
    }
}
