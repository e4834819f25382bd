package org.passerelle.channels.inbox;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;

/** Reads Lead Ads' standard fields (full_name, email, phone_number, post_code, date_of_birth) strictly. */
final class LeadFields {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** French overseas mobile prefixes written the national way (0690…) and their country code. */
    private static final Map<String, String> OVERSEAS = Map.of("0690", "590", "0691", "590", "0694", "594", "0696", "596",
            "0697", "596", "0692", "262", "0693", "262", "0639", "262");

    private final Map<String, String> fields;

    LeadFields(Map<String, String> fields) {
        this.fields = fields;
    }

    String get(String name) {
        String value = fields.getOrDefault(name, "").trim();
        return value.isEmpty() ? null : value;
    }

    /** The number in WhatsApp's form (country code, digits only): +33 6…, 06…, 0690… all become comparable. */
    String phone() {
        String raw = get("phone_number");
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.trim().startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.length() == 10 && digits.startsWith("0")) {
            digits = OVERSEAS.getOrDefault(digits.substring(0, 4), "33") + digits.substring(1);
        }
        return digits.length() >= 8 && digits.length() <= 15 ? digits : null;
    }

    String email() {
        String email = get("email");
        return email != null && email.length() <= 200 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? email : null;
    }

    String fullName() {
        String name = get("full_name");
        if (name == null && (get("first_name") != null || get("last_name") != null)) {
            name = ((get("first_name") == null ? "" : get("first_name")) + " " + (get("last_name") == null ? "" : get("last_name"))).trim();
        }
        return name == null ? null : name.substring(0, Math.min(name.length(), 160));
    }

    String firstName() {
        String name = get("first_name") != null ? get("first_name") : get("full_name");
        return name == null ? null : name.split("\\s+")[0];
    }

    /** Département from a French post code (97x overseas, 2A/2B in Corsica), if it is one. */
    Optional<String> departement() {
        String code = get("post_code");
        if (code == null || !code.matches("\\d{5}")) {
            return Optional.empty();
        }
        if (code.startsWith("97")) {
            return Optional.of(code.substring(0, 3));
        }
        if (code.startsWith("20")) {
            return Optional.of(code.compareTo("20200") < 0 ? "2A" : "2B");
        }
        return Optional.of(code.substring(0, 2));
    }

    /** Birth date (Meta sends MM/DD/YYYY; ISO accepted), only when it gives a plausible age for the programme. */
    Optional<LocalDate> birthDate(LocalDate today) {
        String raw = get("date_of_birth");
        if (raw == null) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = raw.contains("/") ? LocalDate.parse(raw, US_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
        int age = Period.between(date, today).getYears();
        return age >= 13 && age <= 30 ? Optional.of(date) : Optional.empty();
    }
}
