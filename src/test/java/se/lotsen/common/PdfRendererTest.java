package se.lotsen.common;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored text can hold what XML cannot; the PDF is made all the same, with U+FFFD where such a character was. */
class PdfRendererTest {

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void charactersThatXmlCannotHoldArePrintedAsTheReplacementCharacter() throws IOException {
        String text = "Före\u0001mellan\u0007\u001b[31m\uFFFEefter\uD800slut";
        byte[] pdf = renderer.render("<html><head><style>body { font-family: 'DejaVu Sans'; }</style></head>"
                + "<body><p>" + text + "</p></body></html>");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String printed = new PDFTextStripper().getText(document);
            assertThat(printed).contains("Före").contains("mellan").contains("[31m").contains("efter").contains("slut");
        }
    }

    @Test
    void textThatXmlCanHoldIsLeftAsItIs() {
        String text = "Tab\there, line\nbreaks\r\n, å ä ö, € and an emoji \uD83D\uDE00, U+FFFD \uFFFD";
        assertThat(PdfRenderer.xmlSafe(text)).isSameAs(text);
        assertThat(PdfRenderer.xmlSafe("a\u0000b\u0085c\uDC00d\uFFFF"))
                .isEqualTo("a\uFFFDb\u0085c\uFFFDd\uFFFD");
    }
}
