package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A corpus of bad inputs — file names, duplicates, encodings, section markers, SQL errors, URLs, credentials and
 * parameters — each a {@link Case} that {@link BadInputIT} runs as one real {@code mvn -B} build.
 */
final class BadInputCorpus {

    private static final String OK_PG = "CREATE TABLE ok_table (id integer);\n";
    private static final String OK_CH = "CREATE TABLE ok_table (id UInt32) ENGINE = MergeTree ORDER BY id;\n";
    private static final String FIX_NAME = "Rename the file, e.g. 000001_create_users.up.sql.";

    private BadInputCorpus() {
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // ---- file names -----------------------------------------------------------------------------------
                pg("file without .up/.down").file("migrations/000002_create_users.sql", OK_PG)
                        .expect("000002_create_users.sql: the name does not follow NNNNNN_name.up.sql", FIX_NAME)
                        .untouched(),
                pg("non-numeric version").file("migrations/abc_users.up.sql", OK_PG)
                        .expect("abc_users.up.sql: the name does not follow", FIX_NAME).untouched(),
                pg("space in the name").file("migrations/000002_add users.up.sql", OK_PG)
                        .expect("000002_add users.up.sql: the name does not follow", FIX_NAME).untouched(),
                pg("version larger than a 64-bit number").file("migrations/99999999999999999999_big.up.sql", OK_PG)
                        .expect("99999999999999999999_big.up.sql: the name does not follow", FIX_NAME).untouched(),
                pg("several bad names are all reported at once")
                        .file("migrations/1_x.sql", OK_PG).file("migrations/x_1.up.sql", OK_PG)
                        .expect("1_x.sql: the name does not follow", "x_1.up.sql: the name does not follow",
                                "invalid migration files (nothing was applied)").untouched(),

                // ---- duplicates and pairs -------------------------------------------------------------------------
                pg("two names for one version").file("migrations/000001_other.up.sql", OK_PG)
                        .expect("version 1 is also used by", "000001_ok.up.sql",
                                "Give one of them a new version (mvn brokle-migrate:create picks the next one)")
                        .untouched(),
                pg("down file without its up file").file("migrations/000002_orphan.down.sql", "DROP TABLE x;\n")
                        .expect("000002_orphan.down.sql: a down migration without its up file",
                                "Add 000002_orphan.up.sql or remove the down file").untouched(),
                ch("ClickHouse: two names for one version").file("migrations/clickhouse/000001_again.up.sql", OK_CH)
                        .expect("migrations/clickhouse/000001_again.up.sql", "version 1 is also used by").untouched(),

                // ---- encodings and section markers ----------------------------------------------------------------
                pg("Latin-1 file").noDefaultFile().file("migrations/000001_cafe.up.sql",
                                "-- caf\u00e9\nCREATE TABLE cafe (id integer);\n".getBytes(StandardCharsets.ISO_8859_1))
                        .expect("000001_cafe.up.sql: is not valid UTF-8 (line 1). Re-save the file as UTF-8.")
                        .untouched(),
                pg("UTF-16 file").noDefaultFile().file("migrations/000001_wide.up.sql",
                                "\uFEFFCREATE TABLE wide (id integer);\n".getBytes(StandardCharsets.UTF_16LE))
                        .expect("000001_wide.up.sql: is not valid UTF-8 (line 1)", "Re-save the file as UTF-8")
                        .untouched(),
                pg("second Up marker").noDefaultFile().file("migrations/000001_twice.up.sql",
                                "-- +migrate Up\nCREATE TABLE a (id integer);\n-- +migrate Down\nDROP TABLE a;\n"
                                        + "-- +migrate Up\nCREATE TABLE b (id integer);\n")
                        .expect("000001_twice.up.sql: line 5: a second '-- +migrate Up' section",
                                "Put all SQL under '-- +migrate Up' and '-- +migrate Down' markers").untouched(),
                pg("Down marker without Up").noDefaultFile().file("migrations/000001_downonly.up.sql",
                                "-- +migrate Down\nDROP TABLE a;\n")
                        .expect("000001_downonly.up.sql: has a '-- +migrate Down' section but no '-- +migrate Up' "
                                + "section").untouched(),
                pg("sections and a separate down file").noDefaultFile()
                        .file("migrations/000001_both.up.sql", "-- +migrate Up\nCREATE TABLE a (id integer);\n"
                                + "-- +migrate Down\nDROP TABLE a;\n")
                        .file("migrations/000001_both.down.sql", "DROP TABLE a;\n")
                        .expect("000001_both.up.sql: has '-- +migrate' sections and a separate",
                                "Keep the Down section or the .down.sql file, not both").untouched(),

                // ---- SQL errors: the migration's transaction is rolled back -------------------------------------
                pg("syntax error in the first statement").noDefaultFile().file("migrations/000001_broken.up.sql",
                                "CREATE TABLE broken (id integer;\nCREATE TABLE fine (id integer);\n")
                        .expect("Migration 000001_broken failed on postgres",
                                "000001_broken.up.sql (up), statement 1 at line 1: CREATE TABLE broken (id integer",
                                "syntax error", "Nothing of this migration was applied",
                                "Fix the SQL, then run: mvn brokle-migrate:up -Dbrokle.migrate.db=postgres"),
                pg("unknown table in the middle statement").noDefaultFile().file("migrations/000001_insert.up.sql",
                                "CREATE TABLE first_table (id integer);\n\nINSERT INTO no_such_table VALUES (1);\n"
                                        + "CREATE TABLE last_table (id integer);\n")
                        .expect("000001_insert.up.sql (up), statement 2 at line 3: INSERT INTO no_such_table",
                                "relation \"no_such_table\" does not exist", "Nothing of this migration was applied"),
                pg("unterminated dollar quote").noDefaultFile().file("migrations/000001_fn.up.sql",
                                "CREATE TABLE t (id integer);\nCREATE FUNCTION f() RETURNS integer AS $$\n"
                                        + "  SELECT 1;\n")
                        .expect("000001_fn.up.sql (up), statement 2 at line 2: CREATE FUNCTION f()",
                                "Unterminated dollar quote"),

                // ---- URLs and connections ---------------------------------------------------------------------
                pg("postgres:// URL without a host").url("postgres:///brokle?sslmode=disable").noUser()
                        .expect("brokle.migrate.postgres.url (from -D property)=postgres:///brokle?sslmode=disable "
                                + "is not a URL this plugin understands", "with a host name").untouched(),
                pg("MySQL URL").url("mysql://root@localhost:3306/brokle").noUser()
                        .expect("=mysql://***@localhost:3306/brokle is not a URL this plugin understands",
                                "Use jdbc:postgresql://host:5432/db or postgres://user:***@host:5432/db").untouched(),
                pg("unencoded '#' in the password").url("postgres://brokle:se#cret@localhost:{port}/{db}").noUser()
                        .expect("=postgres://***@localhost:", "URL-encode special characters in the password")
                        .lacks("se#cret", "cret@").untouched(),
                pg("unknown host").url("jdbc:postgresql://no-such-host.invalid:5432/brokle")
                        .expect("Cannot connect to postgres at jdbc:postgresql://no-such-host.invalid:5432/brokle",
                                "unknown host no-such-host.invalid", "Check the URL and credentials").untouched(),
                pg("nothing listens on the port").url("jdbc:postgresql://localhost:{free}/brokle")
                        .expect("Cannot connect to postgres at jdbc:postgresql://localhost:", "refused",
                                "that the server is running").untouched(),
                pg("wrong password").noUser()
                        .url("postgres://" + TestPostgres.PASSWORD_USER + ":wrong-pass@localhost:{port}/{db}")
                        .expect("password authentication failed for user \"" + TestPostgres.PASSWORD_USER + "\"",
                                "Check the URL and credentials").lacks("wrong-pass").untouched(),
                ch("ClickHouse URL without a scheme it knows").url("http://127.0.0.1:8123/default")
                        .expect("brokle.migrate.clickhouse.url (from -D property)=http://127.0.0.1:8123/default is "
                                + "not a URL this plugin understands", "jdbc:clickhouse:http://host:8123/db")
                        .untouched(),
                ch("ClickHouse port with nothing listening").url("jdbc:clickhouse:http://127.0.0.1:{free}/default")
                        .expect("Cannot connect to clickhouse at jdbc:clickhouse:http://127.0.0.1:",
                                "failed: Connection refused", "that the server is running").untouched(),

                // ---- parameters -------------------------------------------------------------------------------
                pg("misspelt -D property").props("-Dbrokle.migrate.stpes=2")
                        .expect("Unknown property brokle.migrate.stpes", "Fix the spelling of the -D option")
                        .untouched(),
                // Maven converts typed parameters before the plugin runs; its message names the parameter
                pg("non-numeric steps").props("-Dbrokle.migrate.steps=two")
                        .expect("for parameter steps: Cannot convert 'two' to int").untouched(),
                pg("steps=0").props("-Dbrokle.migrate.steps=0")
                        .expect("brokle.migrate.steps=0 applies nothing. Give a positive count").untouched(),
                pg("non-numeric version").goal("goto").props("-Dbrokle.migrate.version=latest")
                        .expect("for parameter version: Cannot convert 'latest' to long").untouched(),
                pg("negative version").goal("goto").props("-Dbrokle.migrate.version=-1")
                        .expect("brokle.migrate.version (from -D property)=-1 must be a migration version",
                                "Example: -Dbrokle.migrate.version=").untouched(),
                pg("non-numeric lockWaitSeconds").props("-Dbrokle.migrate.lockWaitSeconds=soon")
                        .expect("for parameter lockWaitSeconds: Cannot convert 'soon' to int")
                        .untouched(),
                pg("unknown db").props("-Dbrokle.migrate.db=mysql").noDb()
                        .expect("brokle.migrate.db (from -D property)=mysql must be postgres, clickhouse or all")
                        .untouched(),
                pg("unknown format").goal("status").props("-Dbrokle.migrate.format=yaml")
                        .expect("brokle.migrate.format (from -D property)=yaml must be text or json").untouched(),
                pg("unknown failOn condition").goal("status").props("-Dbrokle.migrate.failOn=pending,broken")
                        .expect("brokle.migrate.failOn (from -D property)=pending,broken must be a comma-separated "
                                + "list of pending, dirty, drift").untouched(),
                pg("goto an unknown version").goal("goto").props("-Dbrokle.migrate.version=7")
                        .expect("brokle.migrate.version=7 is not a migration of postgres", "Use 0 or one of: 1"),
                pg("force without a version").goal("force").props("-Dbrokle.migrate.confirm=yes")
                        .expect("force needs a target version. Example: mvn brokle-migrate:force").untouched(),
                pg("create with a bad name").goal("create").props("-Dbrokle.migrate.name=Add-Users")
                        .expect("brokle.migrate.name=Add-Users is not a valid migration name",
                                "-Dbrokle.migrate.name=add_users_table").untouched(),
                pg("create with a name already used").goal("create").props("-Dbrokle.migrate.name=ok")
                        .expect("000001_ok.up.sql already uses the name ok", "Choose another name").untouched(),
                pg("serverId not in settings.xml").noUser().props("-Dbrokle.migrate.postgres.serverId=no-such-server")
                        .expect("brokle.migrate.postgres.serverId (from -D property)=no-such-server names server "
                                + "'no-such-server', which ~/.m2/settings.xml does not define").untouched(),
                pg("serverId and username both set").props("-Dbrokle.migrate.postgres.serverId=brokle-db")
                        .expect("brokle.migrate.postgres.serverId (from -D property)=brokle-db is set together with "
                                + "a user name or password", "Keep the credentials in one place").untouched(),
                pg("empty migration directory: nothing pending is a success").noDefaultFile()
                        .file("migrations/README.txt", "no migrations yet\n").succeeds()
                        .expect("[postgres] no change: 0 of 0 migrations applied, nothing to do", "BUILD SUCCESS"),
                pg("missing migration directory").props("-Dbrokle.migrate.postgres.dir=db/nowhere")
                        .expect("db/nowhere: the migration directory does not exist",
                                "-Dbrokle.migrate.postgres.dir=").untouched(),

                // ---- destructive goals in batch mode without confirm=yes (after a real up) ------------------
                pg("down without confirm").goal("down").afterUp()
                        .expect("Refusing to rollback 1 migration(s) on postgres", "-Dbrokle.migrate.confirm=yes"),
                pg("drop without confirm").goal("drop").afterUp()
                        .expect("Refusing to DROP ALL TABLES (PERMANENT DATA LOSS) in postgres database ",
                                "-Dbrokle.migrate.confirm=yes"),
                pg("reset without confirm").goal("reset").afterUp()
                        .expect("Refusing to COMPLETE SCHEMA RESET", "-Dbrokle.migrate.confirm=yes"),
                pg("force without confirm").goal("force").props("-Dbrokle.migrate.version=0").afterUp()
                        .expect("Refusing to FORCE migration to version 0", "-Dbrokle.migrate.confirm=yes"),
                ch("ClickHouse: goto down without confirm").goal("goto").props("-Dbrokle.migrate.version=0").afterUp()
                        .expect("Refusing to rollback 1 migration(s) on clickhouse", "-Dbrokle.migrate.confirm=yes"));
    }

    // ---- the cases --------------------------------------------------------------------------------------------

    private static Case pg(String name) {
        return new Case(name, true);
    }

    private static Case ch(String name) {
        return new Case(name, false);
    }

    /** One row of the corpus; built fluently, defaults: {@code up} on a fresh database with one good migration. */
    static final class Case {
        final String name;
        final boolean postgres;
        String goal = "up";
        String url = "{url}";
        boolean user = true;
        boolean db = true;
        final List<String> props = new ArrayList<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final List<String> expected = new ArrayList<>();
        final List<String> lacks = new ArrayList<>();
        boolean succeeds;
        boolean untouched;
        boolean afterUp;

        Case(String name, boolean postgres) {
            this.name = name;
            this.postgres = postgres;
            files.put(postgres ? "migrations/000001_ok.up.sql" : "migrations/clickhouse/000001_ok.up.sql",
                    (postgres ? OK_PG : OK_CH).getBytes(StandardCharsets.UTF_8));
            files.put(postgres ? "migrations/000001_ok.down.sql" : "migrations/clickhouse/000001_ok.down.sql",
                    "DROP TABLE ok_table;\n".getBytes(StandardCharsets.UTF_8));
        }

        Case goal(String goal) {
            this.goal = goal;
            return this;
        }

        Case url(String url) {
            this.url = url;
            return this;
        }

        Case noUser() {
            this.user = false;
            return this;
        }

        Case noDb() {
            this.db = false;
            return this;
        }

        Case props(String... props) {
            this.props.addAll(List.of(props));
            return this;
        }

        Case noDefaultFile() {
            files.clear();
            return this;
        }

        Case file(String path, String text) {
            return file(path, text.getBytes(StandardCharsets.UTF_8));
        }

        Case file(String path, byte[] bytes) {
            files.put(path, bytes);
            return this;
        }

        Case expect(String... fragments) {
            expected.addAll(List.of(fragments));
            return this;
        }

        Case lacks(String... fragments) {
            lacks.addAll(List.of(fragments));
            return this;
        }

        /** The documented outcome is a successful build (with the expected message). */
        Case succeeds() {
            this.succeeds = true;
            return this;
        }

        /** Rejected before connecting: not even the tracking tables may appear. */
        Case untouched() {
            this.untouched = true;
            return this;
        }

        /** Runs a successful {@code up} first, so a destructive goal has something to refuse to destroy. */
        Case afterUp() {
            this.afterUp = true;
            return this;
        }

        String[] args(Map<String, String> values, String goal, boolean withCaseProperties) {
            String datasource = postgres ? "postgres" : "clickhouse";
            List<String> args = new ArrayList<>(List.of("brokle-migrate:" + goal));
            if (db || !withCaseProperties) {
                args.add("-Dbrokle.migrate.db=" + datasource);
            }
            String resolved = withCaseProperties ? url : "{url}";
            for (Map.Entry<String, String> value : values.entrySet()) {
                resolved = resolved.replace(value.getKey(), value.getValue());
            }
            args.add("-Dbrokle.migrate." + datasource + ".url=" + resolved);
            if (postgres && (user || !withCaseProperties)) {
                args.add("-Dbrokle.migrate.postgres.username=" + TestPostgres.USER);
            }
            if (withCaseProperties) {
                args.addAll(props);
            }
            return args.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return name;
        }
    }

}
