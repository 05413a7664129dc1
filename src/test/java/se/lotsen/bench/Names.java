package se.lotsen.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Fictional first and last names for generated people and staff (a mix common in a large Swedish city). */
final class Names {

    static final List<String> FEMALE = List.of("Anna", "Maria", "Sara", "Emma", "Elin", "Hanna", "Johanna", "Linnea",
            "Amira", "Fatima", "Leila", "Nour", "Yasmin", "Hodan", "Ayaan", "Ioana", "Elena", "Andreea", "Mihaela",
            "Georgiana", "Desislava", "Ivana", "Olena", "Iryna", "Kateryna", "Natalia", "Joy", "Blessing", "Precious",
            "Mercy", "Faith", "Somchai", "Malee", "Siriporn", "Thi Lan", "Linh", "Mai", "Zahra", "Maryam", "Sofia",
            "Alma", "Ebba", "Wilma", "Olivia", "Astrid", "Freja", "Agnes", "Nadia", "Samira", "Selin", "Dilan",
            "Rahel", "Saba", "Senait", "Ewa", "Katarzyna", "Agnieszka", "Ana", "Liridona", "Mei");
    static final List<String> MALE = List.of("Erik", "Lars", "Johan", "Karl", "Oskar", "Ali", "Mohammed", "Ahmed",
            "Omar", "Yusuf", "Abdi", "Mustafa", "Ion", "Andrei", "Florin", "Mihai", "Georgi", "Dimitar", "Ivan",
            "Oleksandr", "Dmytro", "Emeka", "Chinedu", "Samuel", "Daniel", "Hamid", "Reza", "Arman", "Minh", "Tuan",
            "Hugo", "Liam", "Noah", "Elias", "Adam", "Filip", "Dawit", "Yonas", "Piotr", "Arben");
    static final List<String> LAST = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
            "Bengtsson", "Lindberg", "Lindqvist", "Berg", "Holm", "Ek", "Sjöberg", "Wallin", "Engström", "Lundgren",
            "Hussein", "Mohamed", "Ali", "Ahmadi", "Hassan", "Abdullahi", "Osman", "Yilmaz", "Demir", "Kaya",
            "Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin", "Georgiev", "Dimitrova", "Ivanova",
            "Petrova", "Kovalenko", "Shevchenko", "Bondarenko", "Melnyk", "Okafor", "Eze", "Okeke", "Adeyemi",
            "Nwosu", "Chaiyaporn", "Srisuk", "Wongsakul", "Nguyen", "Tran", "Pham", "Le", "Hosseini", "Rezaei",
            "Karimi", "Haile", "Tesfaye", "Gebremedhin", "Kowalski", "Nowak", "Wiśniewska", "Krasniqi", "Berisha",
            "Gashi", "Wang", "Li", "Zhang", "Novák", "Horváth", "Szabó", "Alm", "Sjö", "Lund", "Nasser", "Haddad",
            "Öberg", "Åkesson", "Ekström", "Forsberg", "Sandberg", "Hedlund", "Björk", "Strand", "Nyberg",
            "Kovács", "Mäkinen", "Virtanen", "Said", "Farah", "Warsame");

    private Names() {
    }

    /** A staff member's fictional name. */
    static String staffName(int i) {
        int h = (int) Math.floorMod(i * 2654435761L, 1_000_003L);
        List<String> firsts = h % 2 == 0 ? FEMALE : MALE;
        return firsts.get((h / 2) % firsts.size()) + " " + LAST.get((h / 7) % LAST.size());
    }

    /** The name lists as tables {@code names_f}, {@code names_m}, {@code names_l} (i, name) for set-based SQL. */
    static void createTables(Connection con) throws SQLException {
        table(con, "names_f", FEMALE);
        table(con, "names_m", MALE);
        table(con, "names_l", LAST);
    }

    private static void table(Connection con, String name, List<String> values) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("CREATE UNLOGGED TABLE " + name + " (i int PRIMARY KEY, name text NOT NULL)");
        }
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO " + name + " VALUES (?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, values.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
