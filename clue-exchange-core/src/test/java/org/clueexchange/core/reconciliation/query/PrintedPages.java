package org.clueexchange.core.reconciliation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed statement read back from its PDF: each sheet's text, and how far right its text reaches, which is where
 * a column running off the paper would show.
 *
 * @param pages in print order
 */
public record PrintedPages(List<Page> pages) {

    /** The statement page's margin, 12 mm, in points. */
    public static final float MARGIN = 12 / 25.4f * 72;
    private static final Path TARGET = Path.of("target", "printed-statements");

    /**
     * @param width     the sheet's width in points (A4 landscape: 842)
     * @param height    the sheet's height in points
     * @param text      the sheet's text as PDFBox extracts it, in reading order
     * @param rightmost the right edge of the glyph that reaches furthest right, in points from the sheet's left
     * @param smallest  the size of the smallest text, in points: smaller than the page sets it where the browser
     *                  shrank the page to fit a table too wide for the paper
     * @param missing   the characters printed in a font without a glyph for them (as a box, or not at all)
     */
    public record Page(float width, float height, String text, float rightmost, float smallest, String missing) {

        /** An A4 landscape sheet with nothing in the 12 mm margin and every character printed with a glyph. */
        public void assertA4LandscapeWithinItsMargins() {
            assertThat(width).as("A4 landscape, in points").isBetween(841f, 843f);
            assertThat(rightmost).as("nothing runs into the 12 mm margin").isLessThanOrEqualTo(width - MARGIN + 1);
            assertThat(missing).as("characters printed without a glyph").isEmpty();
        }
    }

    public static PrintedPages read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Page> pages = new ArrayList<>();
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                PDRectangle sheet = document.getPage(number - 1).getMediaBox();
                float[] rightmost = {0};
                float[] smallest = {Float.MAX_VALUE};
                StringBuilder missing = new StringBuilder();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
                        for (TextPosition glyph : glyphs) {
                            rightmost[0] = Math.max(rightmost[0], glyph.getXDirAdj() + glyph.getWidthDirAdj());
                            smallest[0] = Math.min(smallest[0], glyph.getXScale());
                            if (glyph.getFont() instanceof PDVectorFont font
                                    && !font.hasGlyph(glyph.getCharacterCodes()[0])) {
                                missing.append(glyph.getUnicode());
                            }
                        }
                        super.writeString(text, glyphs);
                    }
                };
                stripper.setStartPage(number);
                stripper.setEndPage(number);
                StringWriter text = new StringWriter();
                stripper.writeText(document, text);
                pages.add(new Page(sheet.getWidth(), sheet.getHeight(), text.toString(), rightmost[0],
                        smallest[0], missing.toString()));
            }
            return new PrintedPages(pages);
        }
    }

    /** Each sheet as an image, as it would come out of the printer, for a person to look at: {@code name-N.png}. */
    public static List<Path> images(Path pdf, Path directory, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Path> images = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                images.add(image(document, i, directory.resolve(name + "-" + (i + 1) + ".png")));
            }
            return images;
        }
    }

    /** The first sheet whose text holds that text, as an image in {@code target/printed-statements/name.png}. */
    public Path keepSheetInTarget(Path pdf, String text, String name) throws IOException {
        int sheet = 0;
        while (sheet < pages.size() && !compact(pages.get(sheet).text()).contains(compact(text))) {
            sheet++;
        }
        if (sheet == pages.size()) {
            throw new IllegalArgumentException("no sheet holds " + text);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return image(document, sheet, Files.createDirectories(TARGET).resolve(name + ".png"));
        }
    }

    private static Path image(PDDocument document, int sheet, Path file) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(sheet, 96);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** All sheets' text, in print order. */
    public String text() {
        return String.join("\n", pages.stream().map(Page::text).toList());
    }

    /** The text without its spaces and line breaks, which fall wherever a column wraps. */
    public static String compact(String text) {
        return text.replaceAll("\\s", "");
    }

    /**
     * The page, as printed, its sheets as images and a screenshot of the screen, in {@code target/printed-statements},
     * for a person to look at after the test.
     */
    public static void keepInTarget(Chromium chromium, Path page, Path pdf, String name) throws IOException {
        Path out = Files.createDirectories(TARGET);
        try (var earlier = Files.newDirectoryStream(out, name + "-page-*.png")) {
            for (Path image : earlier) {
                Files.delete(image);
            }
        }
        Files.copy(page, out.resolve(name + ".html"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, out.resolve(name + ".pdf"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(chromium.screenshot(page, 1400, 2400), out.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        images(pdf, out, name + "-page");
    }
}
