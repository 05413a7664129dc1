package se.lotsen.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns a well-formed XHTML document (typically a Thymeleaf template rendered to a string) into a PDF. The
 * document's CSS should use the font family {@value #FONT_FAMILY}: DejaVu Sans is embedded (regular and bold), so
 * å, ä and ö print correctly whatever fonts the server has. Paged-media CSS ({@code @page} margin boxes,
 * {@code counter(page)}, {@code counter(pages)}, running elements) works as openhtmltopdf supports it.
 */
@Component
public class PdfRenderer {

    /** The font family to name in the documents' CSS. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    static {
        // openhtmltopdf logs through java.util.logging at INFO for every document; route it to Lotsen's logging,
        // its chatter at debug level, so that the logs stay structured and quiet.
        XRLog.setLoggerImpl(new Slf4jXrLogger());
    }

    /**
     * Renders the XHTML to PDF bytes. Stored text may hold characters that XML cannot (a control character saved
     * before Lotsen refused them, a lone surrogate, U+FFFE): each is printed as U+FFFD, so that no stored text can
     * make a document fail for good.
     *
     * @throws IllegalArgumentException when the document is not well-formed XHTML or cannot be laid out
     */
    public byte[] render(String xhtml) {
        xhtml = xmlSafe(xhtml);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(font(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(font(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The document could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * The text with every character that XML 1.0 does not allow replaced by U+FFFD (the replacement character):
     * everything but tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and well-formed surrogate pairs.
     */
    static String xmlSafe(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    private static FSSupplier<InputStream> font(String path) {
        byte[] bytes = FONTS.computeIfAbsent(path, PdfRenderer::read);
        return () -> new ByteArrayInputStream(bytes);
    }

    /**
     * The fonts' bytes, read from the jar once rather than inflated out of it again (1.4 MB) for every document.
     */
    private static final Map<String, byte[]> FONTS = new ConcurrentHashMap<>();

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded font " + path + " is missing", e);
        }
    }

    /** openhtmltopdf's log messages in Lotsen's log: warnings and errors as such, the rest at debug level. */
    private static final class Slf4jXrLogger implements XRLogger {

        private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                log.error("{}: {}", where, msg, th);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                log.warn("{}: {}", where, msg, th);
            } else if (log.isDebugEnabled()) {
                log.debug("{}: {}", where, msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // Levels are configured in Lotsen's logging configuration.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
        }
    }
}
