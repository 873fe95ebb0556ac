package ai.brokle.migrate.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a SQL file as strict UTF-8, dropping a BOM and normalising CRLF/CR to LF. */
final class SqlFileReader {

    private SqlFileReader() {
    }

    /** @throws FileProblemException with a user-facing reason when the file cannot be used */
    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileProblemException(new SourceProblem(SourceProblem.Kind.ENCODING, file, 0,
                    file + ": cannot be read (" + e.getMessage() + "). Fix the file's permissions."));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = lineOfFirstBadByte(bytes);
            throw new FileProblemException(new SourceProblem(SourceProblem.Kind.ENCODING, file, line,
                    file + ": is not valid UTF-8 (line " + line + "). Re-save the file as UTF-8."));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int good = 0;
        for (int end = 1; end <= bytes.length; end++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, good, end - good));
                for (int i = good; i < end; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                good = end;
            } catch (CharacterCodingException e) {
                if (end - good >= 4) {
                    return line;
                }
            }
        }
        return line;
    }
}
