package se.lotsen.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file a material may be. A file is accepted only when its name's extension names one of them AND its
 * content is what the extension says (the magic bytes, and for the Office and OpenDocument formats the ZIP entries
 * that make the format): an HTML page renamed to {@code .pdf} is refused. The content type a material is served with
 * is this type's, never what the uploading browser said.
 */
public enum MaterialType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp"),
    TXT("text/plain; charset=UTF-8", "txt"),
    PNG("image/png", "png"),
    JPG("image/jpeg", "jpg", "jpeg");

    /** A ZIP with more entries than this is not a document anyone uploads (and reading it costs too much). */
    private static final int MAX_ZIP_ENTRIES = 5000;

    private final String contentType;
    private final String[] extensions;

    MaterialType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extensions[0];
    }

    /** The extensions accepted, for the hint next to the upload field. */
    public static String acceptedExtensions() {
        return String.join(", ", Arrays.stream(values()).flatMap(t -> Arrays.stream(t.extensions)).toList());
    }

    /** The type the file name's extension names, if any. */
    public static Optional<MaterialType> byFilename(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        String ext = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> Arrays.asList(t.extensions).contains(ext)).findFirst();
    }

    /** Whether the content is a file of this type. */
    public boolean matches(byte[] content) {
        if (content == null || content.length == 0) {
            return false;
        }
        return switch (this) {
            case PDF -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case PNG -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            case JPG -> startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case DOCX -> zipHas(content, "word/document.xml", null);
            case XLSX -> zipHas(content, "xl/workbook.xml", null);
            case PPTX -> zipHas(content, "ppt/presentation.xml", null);
            case ODT -> zipHas(content, "mimetype", "application/vnd.oasis.opendocument.text");
            case ODS -> zipHas(content, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
            case ODP -> zipHas(content, "mimetype", "application/vnd.oasis.opendocument.presentation");
            case TXT -> plainText(content);
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * A ZIP (local file header magic) holding the entry; with {@code mimetype}, the entry's content must be it
     * exactly (the OpenDocument rule: the first entry, stored, holding the media type).
     */
    private static boolean zipHas(byte[] content, String entryName, String mimetype) {
        if (!startsWith(content, new byte[] {'P', 'K', 0x03, 0x04})) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int n = 0;
            while ((entry = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                if (entry.getName().equals(entryName)) {
                    if (mimetype == null) {
                        return true;
                    }
                    byte[] value = zip.readNBytes(200);
                    return new String(value, StandardCharsets.US_ASCII).equals(mimetype);
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Text: UTF-8 without control characters other than tab, line breaks and form feed, and not a web page (a page
     * saved as .txt is still refused: a material is text to read, never markup).
     */
    private static boolean plainText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        String start = text.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
        String lower = text.toLowerCase(Locale.ROOT);
        return !(start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml")
                || start.startsWith("<svg") || lower.contains("<script"));
    }
}
