package se.lotsen.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files a material may be (extension and content), and the file names Lotsen stores. */
class MaterialTypeTest {

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachTypeIsRecognisedByItsContent() throws IOException {
        assertThat(MaterialType.PDF.matches(ascii("%PDF-1.7\n..."))).isTrue();
        assertThat(MaterialType.PNG.matches(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0})).isTrue();
        assertThat(MaterialType.JPG.matches(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isTrue();
        assertThat(MaterialType.DOCX.matches(zip("[Content_Types].xml", "<x/>", "word/document.xml", "<w/>")))
                .isTrue();
        assertThat(MaterialType.XLSX.matches(zip("xl/workbook.xml", "<w/>"))).isTrue();
        assertThat(MaterialType.PPTX.matches(zip("ppt/presentation.xml", "<p/>"))).isTrue();
        assertThat(MaterialType.ODT.matches(zip("mimetype", "application/vnd.oasis.opendocument.text"))).isTrue();
        assertThat(MaterialType.ODS.matches(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet")))
                .isTrue();
        assertThat(MaterialType.ODP.matches(zip("mimetype", "application/vnd.oasis.opendocument.presentation")))
                .isTrue();
        assertThat(MaterialType.TXT.matches("Program\r\n\tkl. 9 – åäö\n".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aFileThatIsNotWhatItsExtensionSaysIsRefused() throws IOException {
        byte[] html = "<html><body>hej</body></html>".getBytes(StandardCharsets.UTF_8);
        for (MaterialType type : MaterialType.values()) {
            assertThat(type.matches(html)).as("HTML as %s", type).isFalse();
            assertThat(type.matches(new byte[0])).as("empty as %s", type).isFalse();
        }
        // A Word document is not a spreadsheet, an OpenDocument text is not a presentation, a bare ZIP is nothing.
        byte[] docx = zip("word/document.xml", "<w/>");
        assertThat(MaterialType.XLSX.matches(docx)).isFalse();
        assertThat(MaterialType.ODP.matches(zip("mimetype", "application/vnd.oasis.opendocument.text"))).isFalse();
        assertThat(MaterialType.DOCX.matches(zip("a.txt", "x"))).isFalse();
        assertThat(MaterialType.DOCX.matches(ascii("PK\u0003\u0004garbage"))).isFalse();
        assertThat(MaterialType.PDF.matches(ascii(" %PDF-1.7"))).isFalse();
        // Text: not markup, not binary, not invalid UTF-8.
        assertThat(MaterialType.TXT.matches(ascii("<!DOCTYPE html><p>x</p>"))).isFalse();
        assertThat(MaterialType.TXT.matches("\uFEFF  <html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(MaterialType.TXT.matches(ascii("Hej\n<script>alert(1)</script>"))).isFalse();
        assertThat(MaterialType.TXT.matches(ascii("<svg onload=x>"))).isFalse();
        assertThat(MaterialType.TXT.matches(new byte[] {'a', 0, 'b'})).isFalse();
        assertThat(MaterialType.TXT.matches(new byte[] {'a', (byte) 0xC3, '('})).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "program.pdf, PDF", "PROGRAM.PDF, PDF", "bild.jpeg, JPG", "bild.JPG, JPG", "a.b.docx, DOCX",
            "lista.ods, ODS", "anteckning.txt, TXT"})
    void theExtensionNamesTheType(String name, MaterialType type) {
        assertThat(MaterialType.byFilename(name)).contains(type);
    }

    @ParameterizedTest
    @CsvSource({"verktyg.exe", "sida.html", "bild.svg", "arkiv.zip", "utan-andelse", "program.pdf.", "''"})
    void otherExtensionsAreNotAllowed(String name) {
        assertThat(MaterialType.byFilename(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd.txt|passwd.txt",
            "C:\\Users\\sofia\\Program.pdf|Program.pdf",
            "  många   mellanslag .pdf |många mellanslag .pdf",
            "...dold.txt|dold.txt",
            "''|material"})
    void fileNamesAreSanitised(String original, String expected) {
        assertThat(KnowledgeEvents.sanitiseFilename(original)).isEqualTo(expected);
    }

    @Test
    void controlAndFormatCharactersAndLongNamesAreHandled() {
        assertThat(KnowledgeEvents.sanitiseFilename("a\u0000b\u202Efdp.exe")).isEqualTo("a_b_fdp.exe");
        assertThat(KnowledgeEvents.sanitiseFilename("a\"b<c>d|e?*:.pdf")).isEqualTo("a_b_c_d_e___.pdf");
        String longName = "x".repeat(300) + ".pdf";
        String sanitised = KnowledgeEvents.sanitiseFilename(longName);
        assertThat(sanitised).hasSize(150).endsWith(".pdf");
        assertThat(KnowledgeEvents.sizeLabel(100)).isEqualTo("1 kB");
        assertThat(KnowledgeEvents.sizeLabel(20 * 1024 * 1024)).isEqualTo("20 MB");
    }
}
