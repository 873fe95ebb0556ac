#!/usr/bin/env python3
"""Summarises one bench/run.sh run (RUN/results.tsv, meta.tsv, requests-*.log) into its section of RESULTS.md,
keeping every other section of the file. Usage: report.py RUN_DIR RESULTS_MD"""
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

BEGIN, END = "<!-- bench/run.sh: begin -->", "<!-- bench/run.sh: end -->"
GROUPS = {
    "P1": "P1 — `up` of N migrations (table + index + comment), each on a fresh database",
    "P2": "P2 — `status` / `info` with N applied (the P1 databases)",
    "P3": "P3 — seed against psql `\\copy` of the same rows",
    "P4": "P4 — ClickHouse `up` on the chdb endpoint (it/clickhouse-endpoint)",
    "F": "F — floors under the P2 and P3 targets (Maven's plugin realm; work status and seed must do, alone in a fresh JVM)",
}
# (statement kind, regular expression over the logged SQL), first match wins
REQUEST_KINDS = [
    ("migration statement", r"^(CREATE TABLE|ALTER TABLE) `?ch_\d+"),
    ("bookkeeping insert", r"^INSERT INTO .*(schema_migrations|databasechangelog)"),
    ("no work (version/ping/SELECT 1)",
     r"^$|^SELECT (version\(\)|1|timezone\(\)|currentDatabase\(\))(\s+as \w+)?\s*(FORMAT \w+)?$"),
]


NOTES = [
    "- Every contender runs once per round, in the same order (no-op, psql, brokle-migrate, Flyway, Liquibase; then "
    "the three status goals on the databases just migrated); each `up` gets a new database of the same server.",
    "- The same three statements per migration for all: `CREATE TABLE`, `CREATE INDEX`, `COMMENT ON TABLE`; "
    "brokle-migrate reads `NNNNNN_name.up.sql`, Flyway `V<n>__name.sql`, Liquibase one formatted-SQL file per "
    "migration under `includeAll`; every tool runs one transaction per migration with its own bookkeeping.",
    "- psql floor: one `psql -f` session running `BEGIN; <file>; INSERT INTO versions ...; COMMIT;` per file. "
    "Maven no-op: `mvn validate` on a project that declares the plugin. Composite rows (`a + noop`) add the two "
    "contenders' times round by round; the targets divide by the sum of the medians, as issue 11 states them.",
    "- P3: a 10,000-row (and 100,000-row) `users` seed into a copy of a database migrated with the repository's "
    "`migrations/`, against `psql \\copy` of the same rows from CSV. The CSV contender runs only when "
    "`brokle-migrate:seed` accepts a `{csv: ...}` entry (probed with 10 rows before the rounds).",
    "- P4: the chdb endpoint serves one request at a time (about 15 ms each), so request counts matter more than "
    "on a server. Plain JDBC is `bench/ChJdbc.java` (clickhouse-jdbc of the plugin's own classpath); its "
    "`bookkeeping` mode adds per migration a dirty and a clean `schema_migrations` row and a DATABASECHANGELOG row.",
    "- Maven runs offline (`-o`) after one online warm-up, with `-q`; Liquibase's analytics setting is left at its "
    "default (this machine reaches no network but package registries).",
]


def load(run):
    rows = defaultdict(list)  # (group, contender, n) -> [(wall, rss_kib, cpu)]
    for line in (run / "results.tsv").read_text().splitlines():
        g, c, n, _r, wall, rss, user, sys_ = line.split("\t")[:8]
        rows[(g, c, int(n))].append((float(wall), int(rss), float(user) + float(sys_)))
    add_sums(rows)
    meta = dict(line.split("\t", 1) for line in (run / "meta.tsv").read_text().splitlines() if "\t" in line)
    return rows, meta


def add_sums(rows):
    """Adds the composite floors, summed round by round: P1/P2 'psql-floor + noop' and 'noop' for P2, P3 'copy +
    noop', P4 'jdbc + noop'. Their peak RSS is None (they are two processes)."""
    def plus(group, a, b, n_a, n_b, name, target_group=None):
        if (group, a, n_a) in rows and (group, b, n_b) in rows:
            rows[(target_group or group, name, n_a)] = [(x[0] + y[0], None, x[2] + y[2]) for x, y in
                                                         zip(rows[(group, a, n_a)], rows[(group, b, n_b)])]
    for (g, c, n) in list(rows):
        if g == "P1" and c == "psql-floor":
            plus("P1", "psql-floor", "noop", n, n, "psql-floor + noop")
            if ("P2", "brokle-status", n) in rows:
                rows[("P2", "noop (P1 rounds)", n)] = rows[("P1", "noop", n)]
        if g == "P3" and c.startswith("psql-copy"):
            noop_n = next(m for (h, d, m) in rows if h == "P3" and d == "noop")
            plus("P3", c, "noop", n, noop_n, c + " + noop")
        if g == "P4" and c.startswith("jdbc"):
            plus("P4", c, "noop", n, n, c + " + noop")


def med(values):
    return statistics.median(values)


def fmt(x):
    return f"{x:.2f}"


def group_tables(rows, group, loads):
    out = []
    for n in sorted({k[2] for k in rows if k[0] == group}):
        names = [c for (g, c, m) in rows if g == group and m == n]
        unit = "rows" if group == "P3" else "migrations"
        out.append(f"\n**{group}, N = {n:,} {unit}** ({len(rows[(group, names[0], n)])} rounds)\n")
        out.append("| contender | median s | min–max s | peak RSS MiB (median) | CPU s (user+sys, median) | "
                   "load before (min–max) |")
        out.append("|---|---|---|---|---|---|")
        for c in names:
            v = rows[(group, c, n)]
            walls = [w for w, _, _ in v]
            out.append(f"| {c} | {fmt(med(walls))} | {fmt(min(walls))}–{fmt(max(walls))} | "
                       f"{rss_cell(v)} | {fmt(med([u for _, _, u in v]))} | {loads.get((group, c, n), '—')} |")
        medians = {c: med([w for w, _, _ in rows[(group, c, n)]]) for c in names}
        out.append("\nRatios of medians (row ÷ column):\n")
        out.append("| | " + " | ".join(names) + " |")
        out.append("|---" * (len(names) + 1) + "|")
        for a in names:
            out.append(f"| {a} | " + " | ".join(fmt(medians[a] / medians[b]) for b in names) + " |")
    return out


def load_ranges(run):
    """The 1-minute load average before each measurement (results.tsv column 9, where the run recorded it)."""
    loads = defaultdict(list)
    for line in (run / "results.tsv").read_text().splitlines():
        f = line.split("\t")
        if len(f) > 8:
            loads[(f[0], f[1], int(f[2]))].append(float(f[8]))
    return {k: f"{min(v):.1f}–{max(v):.1f}" for k, v in loads.items()}


def rss_cell(v):
    return "—" if v[0][1] is None else f"{med([r for _, r, _ in v]) / 1024:.0f}"


def growth(rows):
    ns = sorted({n for (g, c, n) in rows if g == "P1"})
    if len(ns) < 2:
        return []
    names = [c for (g, c, n) in rows if g == "P1" and n == ns[0] and c != "noop" and "+" not in c]
    out = ["\nGrowth: milliseconds per migration beyond the Maven no-op ((median − no-op median) ÷ N); "
           "linear growth keeps each row flat:\n", "| contender | " + " | ".join(f"N = {n:,}" for n in ns) + " |",
           "|---" * (len(ns) + 1) + "|"]
    for c in names:
        cells = []
        for n in ns:
            v, noop = median_of(rows, "P1", c, n), median_of(rows, "P1", "noop", n)
            cells.append("—" if v is None else f"{(v - (0 if c == 'psql-floor' else noop)) * 1000 / n:.1f}")
        out.append(f"| {c} | " + " | ".join(cells) + " |")
    return out


def floors(rows):
    """What the P2 and P3 targets leave beyond the Maven no-op, against work no implementation within the project's
    rules can skip: Maven resolving the plugin (help − no-op), and each piece of work alone (its fresh JVM − empty)."""
    n = next(m for (g, _, m) in rows if g == "F")
    f = {c: median_of(rows, "F", c, n) for (g, c, m) in rows if g == "F" and m == n}
    noop, empty = f["noop"], f["java-empty"]
    realm = f["brokle-help"] - noop
    work = {c: f[c] - empty for c in f if c.startswith("java-") and c != "java-empty"}
    out = ["\nFloors, seconds (medians of the rounds above):\n", "| piece | seconds |", "|---|---|",
           f"| Maven resolves the plugin and builds its realm (help − no-op) | {fmt(realm)} |"]
    what = {"java-checksums": f"Liquibase checksum of {n:,} applied files, files read (drift check)",
            "java-history": f"connect, Liquibase database, DATABASECHANGELOG through its history service ({n:,} rows)",
            "java-select": f"connect, DATABASECHANGELOG by one plain SELECT ({n:,} rows; no Liquibase)",
            "java-yaml-events": "SnakeYAML parser over the YAML seed, events only",
            "java-yaml-compose": "SnakeYAML composer over the YAML seed (nodes with lines, as the plugin reads it)"}
    out += [f"| {what.get(c, c)} | {fmt(v)} |" for c, v in work.items()]
    if "brokle-status" in f:
        out.append(f"| `status` itself, beyond help (brokle-status − help) | {fmt(f['brokle-status'] - f['brokle-help'])} |")
    p2_floor = realm + work["java-checksums"]
    out += ["", f"- P2: ≤ 1.5× the no-op leaves {fmt(0.5 * noop)} s beyond it; the realm and the checksums alone take "
                f"{fmt(p2_floor)} s: **{fmt((noop + p2_floor) / noop)}× the no-op before connecting or reading a record** "
                f"(with the cheaper read, one plain SELECT: {fmt((noop + p2_floor + work['java-select']) / noop)}×)."]
    copy = next((median_of(rows, "P3", c, m) for (g, c, m) in rows if g == "P3" and c == "psql-copy-yaml-rows"), None)
    if copy is not None:
        p3_noop = median_of(rows, "P3", "noop", next(m for (g, c, m) in rows if g == "P3" and c == "noop"))
        parse = realm + work["java-yaml-events"]
        out.append(f"- P3 YAML: ≤ 1.5× (\\copy + no-op) leaves {fmt(1.5 * (copy + p3_noop) - p3_noop)} s beyond the "
                   f"no-op; the realm and SnakeYAML's events alone take {fmt(parse)} s "
                   f"({fmt((p3_noop + parse) / (copy + p3_noop))}× before a connection or a row written); with a "
                   f"connection (the plain-SELECT floor): {fmt((p3_noop + parse + work['java-select']) / (copy + p3_noop))}×; "
                   f"with the composer instead of events: "
                   f"{fmt((p3_noop + realm + work['java-yaml-compose']) / (copy + p3_noop))}×.")
    return out


def median_of(rows, group, contender, n, pick=0):
    v = rows.get((group, contender, n))
    return med([x[pick] for x in v]) if v else None


def target(label, value, limit):
    if value is None:
        return f"| {label} | not measured in this run | ≤ {limit} | — |"
    return f"| {label} | {fmt(value)} | ≤ {limit} | {'met' if value <= limit else 'missed'} |"


def targets(rows, meta):
    out = ["| target (issue 11, item 2) | measured | limit | |", "|---|---|---|---|"]
    for n in (1000, 5000):
        up, floor = median_of(rows, "P1", "brokle-up", n), median_of(rows, "P1", "psql-floor", n)
        noop = median_of(rows, "P1", "noop", n)
        fly, liq = median_of(rows, "P1", "flyway-migrate", n), median_of(rows, "P1", "liquibase-update", n)
        out.append(target(f"P1 up ÷ (psql floor + Maven no-op), N = {n:,}", up and up / (floor + noop), 1.3))
        out.append(target(f"P1 up ÷ Flyway migrate, N = {n:,} (implied)", up and up / fly, 0.45))
        out.append(target(f"P1 up ÷ Liquibase update, N = {n:,} (implied)", up and up / liq, 0.5))
    st, noop = median_of(rows, "P2", "brokle-status", 1000), median_of(rows, "P1", "noop", 1000)
    out.append(target("P2 status ÷ Maven no-op, 1,000 applied", st and st / noop, 1.5))
    p3 = {c: (n, median_of(rows, "P3", c, n)) for (g, c, n) in rows if g == "P3"}
    noop3 = p3.get("noop", (0, None))[1]
    for seed, copy, label, limit in (("brokle-seed-yaml", "psql-copy-yaml-rows", "P3 YAML seed", 1.5),
                                     ("brokle-seed-csv", "psql-copy-csv-rows", "P3 CSV seed", 1.3)):
        n, s = p3.get(seed, (None, None))
        c = p3.get(copy, (None, None))[1]
        rows_label = f"{n:,} rows" if n else "CSV entries " + meta.get("csv-seed", "?")[:28].rstrip(":")
        out.append(target(f"{label} ÷ (psql \\copy + Maven no-op), {rows_label}", s and s / (c + noop3), limit))
    n4 = next((n for (g, c, n) in rows if g == "P4"), None)
    up, books, noop4 = (median_of(rows, "P4", c, n4) for c in ("brokle-up-ch", "jdbc-bookkeeping", "noop"))
    out.append(target("P4 ClickHouse up ÷ (plain JDBC with bookkeeping + Maven no-op)", up and up / (books + noop4), 1.3))
    idle = requests_without_work(Path(meta["_run"]))
    out.append(f"| P4 requests that carry no work, per `up` run | {idle if idle is not None else 'not measured'} | 0 | "
               f"{'—' if idle is None else 'met' if idle == 0 else 'missed'} |")
    for n in (5000, 1000):
        rss = {c: median_of(rows, "P1", c, n, 1) for c in ("brokle-up", "flyway-migrate", "liquibase-update")}
        if all(rss.values()):
            ok = rss["brokle-up"] < min(rss["flyway-migrate"], rss["liquibase-update"])
            out.append(f"| peak RSS of up below Flyway's and Liquibase's, N = {n:,} | "
                       f"{rss['brokle-up'] / 1024:.0f} vs {rss['flyway-migrate'] / 1024:.0f} / "
                       f"{rss['liquibase-update'] / 1024:.0f} MiB | below both | "
                       f"{'met' if ok else 'missed'}{'' if n == 5000 else ' (target is at N = 5,000; not run)'} |")
            break
    return out


def classify(sql):
    for kind, pattern in REQUEST_KINDS:
        if re.search(pattern, sql, re.IGNORECASE):
            return kind
    return "other (setup, locks, state reads)"


def request_logs(run):
    logs = defaultdict(list)  # contender -> [Counter per round, Counter of 'other' SQL]
    for f in sorted(run.glob("requests-*.log")):
        name = re.sub(r"^requests-|-\d+\.log$", "", f.name)
        kinds, other = Counter(), Counter()
        for line in f.read_text().splitlines():
            parts = line.split(" ", 4)
            if len(parts) < 4:
                continue
            sql = parts[4] if len(parts) > 4 else ""
            kind = classify(sql.strip())
            kinds[kind] += 1
            if kind.startswith("other") or kind.startswith("no work"):
                other[re.sub(r"\d+", "N", sql.strip())[:110] or "(ping / empty)"] += 1
        logs[name].append((kinds, other))
    return logs


def requests_without_work(run):
    runs = request_logs(run).get("brokle-up-ch")
    return None if not runs else med([k["no work (version/ping/SELECT 1)"] for k, _ in runs])


def request_table(run, migrations):
    logs = request_logs(run)
    if not logs:
        return []
    kinds = [k for k, _ in REQUEST_KINDS] + ["other (setup, locks, state reads)"]
    out = [f"\nRequests per run from the endpoint's `--verbose` log (median of rounds; per migration in brackets, "
           f"{migrations} migrations):\n", "| contender | all | " + " | ".join(kinds) + " |",
           "|---" * (len(kinds) + 2) + "|"]
    for name, runs in logs.items():
        total = med([sum(k.values()) for k, _ in runs])
        cells = [f"{med([k[kind] for k, _ in runs]):.0f} ({med([k[kind] for k, _ in runs]) / migrations:.2f})"
                 for kind in kinds]
        out.append(f"| {name} | {total:.0f} ({total / migrations:.2f}) | " + " | ".join(cells) + " |")
    for name, runs in logs.items():
        common = runs[0][1].most_common(8)
        if common:
            out.append(f"\n`{name}`, requests other than its statements and bookkeeping inserts (round 1, "
                       f"digits shown as N):\n")
            out += [f"- {count} × `{sql}`" for sql, count in common]
    return out


def section(run):
    rows, meta = load(run)
    meta["_run"] = str(run)
    load1 = float(meta.get("load", "0").split()[0])
    out = [BEGIN, "## Side by side: brokle-migrate, Flyway, Liquibase, psql, plain JDBC (`bench/run.sh`, issue 11)", ""]
    if load1 > 0.5:
        out.append(f"**Indicative only:** the 1-minute load average was {load1} when the run started (the run's "
                   "note says what else ran on the 2 cores). Reproduce on an idle machine with the command below "
                   "before drawing conclusions.\n")
    out.append(f"Command: `bench/run.sh{'' if meta['mode'].startswith('quick') else ' --full'}` — {meta['mode']}. "
               "Every Maven contender runs as `mvn -B -q -o` with the private local repository; times are wall "
               "seconds of the whole process (JVM start included) from `/usr/bin/time`, peak RSS is its maximum "
               "resident set.\n")
    out.append("| | |\n|---|---|")
    for key in ("started", "machine", "load", "note", "java", "maven", "maven-opts", "postgres", "plugin", "contenders", "csv-seed"):
        if key in meta:
            out.append(f"| {key} | {meta[key]} |")
    for group, title in GROUPS.items():
        if any(k[0] == group for k in rows):
            out += ["", f"### {title}"] + group_tables(rows, group, load_ranges(run))
            if group == "P1":
                out += growth(rows)
            if group == "P4":
                out += request_table(run, next(n for (g, _, n) in rows if g == "P4"))
            if group == "F":
                out += floors(rows)
    out += ["", "### Targets", ""] + targets(rows, meta) + ["", "### How it is measured", ""] + NOTES + ["", END]
    return "\n".join(out) + "\n"


def main():
    run, results = Path(sys.argv[1]), Path(sys.argv[2])
    text = results.read_text() if results.exists() else "# Benchmark results\n\n"
    new = section(run)
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + new + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + new
    results.write_text(text)


if __name__ == "__main__":
    main()
