package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code mvn -B brokle-migrate:seed} as a user runs it on a real PostgreSQL with the sample migrations: the
 * repository's seed sets, a second run that changes nothing, dry run, reset with and without confirmation, and every
 * kind of bad seed file failing the build with file, line and key while writing nothing.
 */
class SeedIT {

    private final String url = TestPostgres.newDatabase("it_seed");

    private String[] goal(String goal, String... properties) {
        List<String> args = new ArrayList<>(List.of("brokle-migrate:" + goal, "-Dbrokle.migrate.postgres.url=" + url,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER));
        args.addAll(List.of(properties));
        return args.toArray(String[]::new);
    }

    @Test
    void seedSetsLoadOnceAndThenChangeNothing() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.db=postgres")).assertSuccess();

        project.run(goal("seed", "-Dbrokle.migrate.seed=dev", "-Dbrokle.migrate.dryRun=true")).assertSuccess()
                .assertLogContains("[postgres]   1. organizations")
                .assertLogContains("ON CONFLICT (\"id\") DO UPDATE SET")
                .assertLogContains("nothing changed");
        assertEquals(0, count("SELECT count(*) FROM organizations"));

        project.run(goal("seed", "-Dbrokle.migrate.seed=dev")).assertSuccess()
                .assertLogContains("[clickhouse] not configured (set brokle.migrate.clickhouse.url to load it): "
                        + "skipped the clickhouse part of seeds/dev.yaml (3 table(s), 9 row(s))")
                .assertLogContains("[postgres] organizations                 2 inserted,      0 updated,      0 "
                        + "unchanged")
                .assertLogContains("seeded seeds/dev.yaml: 36 row(s), 36 inserted, 0 updated, 0 unchanged");
        assertEquals("O'Brien; DROP TABLE users; --",
                text("SELECT name FROM users WHERE id = '01HM6A71Q0CZZPVSMH5DGBQV8B'"));

        project.run(goal("seed", "-Dbrokle.migrate.seed=dev")).assertSuccess()
                .assertLogContains("seeded seeds/dev.yaml: 36 row(s), 0 inserted, 0 updated, 36 unchanged");

        project.run(goal("seed", "-Dbrokle.migrate.seed=test", "-Dbrokle.migrate.reset=true")).assertFailure()
                .assertLogContains("Refusing to delete every row of the seeded tables before loading seeds/test.yaml")
                .assertLogContains("-Dbrokle.migrate.confirm=yes");
        assertEquals(2, count("SELECT count(*) FROM organizations"));

        project.run(goal("seed", "-Dbrokle.migrate.seed=test", "-Dbrokle.migrate.reset=true",
                "-Dbrokle.migrate.confirm=yes")).assertSuccess()
                .assertLogContains("2 deleted")
                .assertLogContains("seeded seeds/test.yaml: 5 row(s), 5 inserted");
        assertEquals(1, count("SELECT count(*) FROM organizations"));

        project.run(goal("seed", "-Dbrokle.migrate.seed=demo")).assertSuccess()
                .assertLogContains("seeded seeds/demo.yaml: ");
    }

    @Test
    void badSeedFilesFailWithFileLineAndKeyAndWriteNothing() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.db=postgres")).assertSuccess();
        execute("CREATE TABLE cycle_a (id int PRIMARY KEY, b_id int)",
                "CREATE TABLE cycle_b (id int PRIMARY KEY, a_id int REFERENCES cycle_a(id))",
                "ALTER TABLE cycle_a ADD FOREIGN KEY (b_id) REFERENCES cycle_b(id)");
        String first = "organizations:\n  - id: 01HK0000000000000000000Z01\n    name: First\n    slug: first\n";
        String project1 = "projects:\n  - id: 01HK0000000000000000000Z03\n    organization_id: %s\n    name: P\n"
                + "    slug: p\n";
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put(first + "users:\n  - name: [unclosed\n", new String[]{"seeds/bad.yaml:7: invalid YAML"});
        cases.put(first + "organisations:\n  - id: x\n", new String[]{"seeds/bad.yaml:5: organisations: no such "
                + "table in the database", "mvn brokle-migrate:up"});
        cases.put(first + "users:\n  - emial: a@b.c\n", new String[]{"seeds/bad.yaml:6: users.emial: no such column "
                + "in table users"});
        cases.put(first.replace("slug: first", "slug: first\n    plan: gold"), new String[]{"seeds/bad.yaml:5: "
                + "organizations.plan: value \"gold\" does not fit organization_plan (allowed: free, pro, business, "
                + "enterprise). Nothing was written. Use one of the allowed values"});
        cases.put(first + project1.formatted("{ref: organizations, slug: nope}"), new String[]{"seeds/bad.yaml:7: "
                + "projects.organization_id: reference {ref: organizations, slug: nope} matches no row"});
        cases.put(first + "  - id: 01HK0000000000000000000Z02\n    name: First\n    slug: second\n"
                + project1.formatted("{ref: organizations, name: First}"), new String[]{"matches 2 rows"});
        cases.put(first + "cycle_a:\n  - id: 1\ncycle_b:\n  - id: 1\n", new String[]{"form a cycle, cycle_a -> "
                + "cycle_b -> cycle_a"});
        cases.put(first + project1.formatted("01HK0000000000000000000Z01") + "    retention_days: 0\n",
                new String[]{"seeds/bad.yaml:10: projects.retention_days: the database refused the row",
                        "projects_retention_days_check", "rolled back"});
        for (Map.Entry<String, String[]> bad : cases.entrySet()) {
            project.write("seeds/bad.yaml", bad.getKey());
            MavenProject.BuildResult result = project.run(goal("seed", "-Dbrokle.migrate.seedFile=seeds/bad.yaml"))
                    .assertFailure().assertLogContains("BUILD FAILURE");
            for (String expected : bad.getValue()) {
                result.assertLogContains(expected);
            }
            assertEquals(0, count("SELECT count(*) FROM organizations"), "nothing written for:\n" + bad.getKey());
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
