package org.passerelle.mentoring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A company's list of mentors as a spreadsheet saves it: a header line naming the columns, ";" or "," between cells
 * (whichever the header uses), UTF-8, cells in double quotes when they hold the separator, a quote or a line break.
 */
final class MentorCsv {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 2000;
    static final String TOO_LARGE = "La liste dépasse 1 Mo : découpez-la en plusieurs fichiers (" + MAX_ROWS
            + " lignes au plus chacun). Rien n'a été importé.";
    static final List<String> COLUMNS = List.of("prenom", "nom", "entreprise", "metier", "secteur", "email", "departements",
            "distance", "aides", "objectifs", "langues", "capacite", "disponibilites");

    /** One mentor's line: its number in the file (the header is line 1), its cells by column, cells beyond the header. */
    record Row(int line, Map<String, String> cells, int extraCells) {

        String cell(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** The whole list is refused, with why in French: nothing is imported. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private record Cells(int line, List<String> values) {
    }

    private MentorCsv() {
    }

    static List<Row> read(byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(TOO_LARGE);
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
        List<Cells> records = split(text, separator);
        if (records.isEmpty()) {
            throw new Unreadable("La liste est vide. " + expected());
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> names = records.get(0).values();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(normalise(names.get(i)), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable((missing.size() == 1 ? "Il manque la colonne « " : "Il manque les colonnes « ")
                    + String.join(" », « ", missing) + " » : rien n'a été importé. " + expected());
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new Unreadable("La liste compte " + (records.size() - 1) + " lignes de mentors : " + MAX_ROWS
                    + " au plus par import. Découpez-la en plusieurs fichiers : rien n'a été importé.");
        }
        List<Row> rows = new ArrayList<>();
        for (Cells record : records.subList(1, records.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                int index = header.get(column);
                cells.put(column, index < record.values().size() ? record.values().get(index).trim() : "");
            }
            rows.add(new Row(record.line(), cells, Math.max(0, record.values().size() - names.size())));
        }
        return rows;
    }

    /** What the first line must say, for every refusal of the whole list. */
    static String expected() {
        return "La première ligne doit nommer les colonnes : " + String.join(";", COLUMNS) + ".";
    }

    /** Strict: a list saved as Windows-1252 would otherwise import garbled names without a word. */
    private static String decode(byte[] bytes) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable("Le fichier n'est pas enregistré en UTF-8 : dans le tableur, choisissez « CSV UTF-8 » "
                    + "en l'enregistrant, puis importez-le à nouveau. Rien n'a été importé.");
        }
    }

    /** "Prénom ", "CAPACITÉ" and "capacite" name the same column. */
    private static String normalise(String name) {
        return Normalizer.normalize(name.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(x -> x == c).count();
    }

    /** Records with the line each starts on; blank lines are skipped but still counted. */
    private static List<Cells> split(String text, char separator) throws Unreadable {
        List<Cells> records = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == separator) {
                values.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                values.add(field.toString());
                field.setLength(0);
                keep(records, start, values);
                values = new ArrayList<>();
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Unreadable("Ligne " + quoteLine + " : des guillemets ouverts ne sont jamais fermés. Rien n'a été importé.");
        }
        values.add(field.toString());
        keep(records, start, values);
        return records;
    }

    private static void keep(List<Cells> records, int line, List<String> values) {
        if (values.stream().anyMatch(v -> !v.isBlank())) {
            records.add(new Cells(line, values));
        }
    }
}
