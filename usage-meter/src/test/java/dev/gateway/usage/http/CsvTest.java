package dev.gateway.usage.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @Test
    void shouldQuoteSeparatorsQuotesAndLineBreaks() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void shouldDefuseTextASpreadsheetWouldRunAsAFormulaButKeepNegativeNumbers() {
        assertEquals("'=1+2", Csv.cell("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'@sum", Csv.cell("@sum"));
        assertEquals("-5", Csv.cell(-5L));
    }

    @Test
    void shouldWriteAHeaderAndOneLinePerRow() {
        String body = Csv.response(new String[]{"tenant", "value"}, List.of(new Object[]{"acme", 3L},
                new Object[]{"beta", 0L}), "x.csv").body();
        assertEquals("tenant,value\r\nacme,3\r\nbeta,0\r\n", body);
    }
}
