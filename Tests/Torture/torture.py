#!/usr/bin/env python3
"""The torture campaign of issue 32, kept: `make torture` (release build,
every scenario at full size) and `make torture-short` (CI: a few runs of
each).

It drives the `isnad` binary as a careless operator and a hostile user
would: SIGKILL at random moments during `ingest`, `import`, `compact` and
a format upgrade, on new and existing stores, comparing `isnad export`
with stores built without kills; the catalogue of bad inputs; flipped
bytes and truncated data files (judged by `isnad check` when the binary
has it); concurrent writers and readers; random queries through the REPL;
and, with --swift-fuzz, the engine fuzz tests of the test suite.

It prints one table and exits 1 when any run failed. Python 3 standard
library only. Every store, corpus and export lives under one temporary
folder, removed at the end (--keep keeps it).

    python3 Tests/Torture/torture.py --isnad .build/release/isnad
    TORTURE_RUNS=5 python3 Tests/Torture/torture.py --isnad .build/debug/isnad
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(REPO, "Tests", "IsnadCLITests", "Fixtures")

# Signals that mean the program crashed (not our SIGKILL, not a timeout).
CRASH_SIGNALS = {signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGABRT, signal.SIGFPE, signal.SIGTRAP}

COLUMNS = ["runs", "failures", "crashes", "unopenable", "lost/changed", "undetected"]


class Row:
    def __init__(self, name):
        self.name = name
        self.counts = {c: 0 for c in COLUMNS}
        self.not_checked = False
        self.notes = []

    def note(self, text):
        if len(self.notes) < 5:
            self.notes.append(text)


class Result:
    def __init__(self, rc, out, err, seconds, killed=False, timed_out=False):
        self.rc, self.out, self.err, self.seconds = rc, out, err, seconds
        self.killed, self.timed_out = killed, timed_out

    @property
    def crashed(self):
        return self.rc is not None and self.rc < 0 and -self.rc in CRASH_SIGNALS


class Torture:
    def __init__(self, args):
        self.args = args
        self.isnad = os.path.abspath(args.isnad)
        self.work = tempfile.mkdtemp(prefix="isnad-torture-")
        self.rng = random.Random(args.seed)
        self.rows = []
        self.counter = 0
        env = dict(os.environ)
        env.pop("ISNAD_STORE", None)
        env["NO_COLOR"] = "1"
        env["HOME"] = self.path("home")  # history and default store stay here
        env.pop("XDG_DATA_HOME", None)
        os.makedirs(env["HOME"], exist_ok=True)
        self.env = env
        self.has_check = self.run(["check", "--help"]).rc == 0

    # -- helpers -----------------------------------------------------------

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def fresh(self, stem):
        self.counter += 1
        return self.path("runs", f"{stem}-{self.counter}")

    def run(self, argv, timeout=None, stdin=None, preexec=None):
        timeout = timeout or self.args.timeout
        start = time.monotonic()
        try:
            p = subprocess.run(
                [self.isnad] + argv, input=stdin, capture_output=True, timeout=timeout, env=self.env,
                preexec_fn=preexec)
            return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
                          time.monotonic() - start)
        except subprocess.TimeoutExpired as e:
            return Result(None, (e.stdout or b"").decode("utf-8", "replace"),
                          (e.stderr or b"").decode("utf-8", "replace"), time.monotonic() - start, timed_out=True)

    def run_killed(self, argv, delay):
        """Starts `isnad argv`, SIGKILLs it after `delay` seconds (unless it
        ended before); returns its Result (killed says whether it was)."""
        start = time.monotonic()
        p = subprocess.Popen([self.isnad] + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        try:
            out, err = p.communicate(timeout=delay)
            return Result(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                          time.monotonic() - start)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            out, err = p.communicate()
            return Result(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                          time.monotonic() - start, killed=True)

    def export(self, store):
        """(Result, {file: bytes}) of `isnad export` of `store`."""
        out = self.fresh("export")
        r = self.run(["export", "--store", store, "--out", out])
        files = {}
        if r.rc == 0:
            for name in ("entities.jsonl", "articles.jsonl", "statements.jsonl"):
                with open(os.path.join(out, name), "rb") as f:
                    files[name] = f.read()
        shutil.rmtree(out, ignore_errors=True)
        return r, files

    @staticmethod
    def digest(files):
        h = hashlib.sha256()
        for name in sorted(files):
            h.update(name.encode() + b"\0" + files[name] + b"\0")
        return h.hexdigest()

    def copy_store(self, template, stem):
        target = self.fresh(stem)
        os.makedirs(target)
        if template is not None:
            shutil.copy(os.path.join(template, "data.mdb"), os.path.join(target, "data.mdb"))
        return target

    def keep_failure(self, store, name):
        """A copy of a store that made a command fail, outside the work
        folder (which goes at the end), for whoever looks into it."""
        target = os.path.join(tempfile.gettempdir(), "isnad-torture-failures", name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(store, target)
        return target

    def row(self, name):
        row = Row(name)
        self.rows.append(row)
        return row

    def judge(self, row, result, what, ok_codes=(0,)):
        """Counts a crash or an unexpected exit of one command; True when it
        was as expected."""
        if result.crashed:
            row.counts["crashes"] += 1
            row.note(f"{what}: crashed (signal {-result.rc}): {result.err.strip()[-200:]}")
            return False
        if result.timed_out:
            row.note(f"{what}: still running after {self.args.timeout} s")
            return False
        if result.rc not in ok_codes:
            row.note(f"{what}: exit {result.rc}: {result.err.strip()[-200:]}")
            return False
        return True

    def runs(self, full):
        return self.args.runs if self.args.runs is not None else full

    # -- the corpus ----------------------------------------------------------

    def make_corpus(self):
        """Articles of attributed statements (known speakers, speakers the
        gazetteer lacks, Arabic ones), one JSON Lines file, and a second
        version of a tenth of them with other text."""
        rng = random.Random(self.args.seed)
        speakers = ["John Kirby", "Dmitry Peskov", "Nasser Kanaani", "Antony Blinken", "Maria Zakharova",
                    "Samer Haddad", "Leila Mansour", "Omar Khalil", "the Pentagon", "the Kremlin"]
        verbs = ["denied", "said", "warned", "confirmed", "rejected", "stressed", "insisted"]
        things = ["Iran supplied drones to Russia", "the talks had failed", "new sanctions were coming",
                  "ballistic missiles were delivered", "the ceasefire would hold", "no troops crossed the border",
                  "the report was false", "the attack was planned", "aid would arrive within days"]
        arabic = ["قال المتحدث باسم الخارجية ناصر كنعاني إن بلاده لم تسلم صواريخ إلى روسيا.",
                  "نفى الكرملين أن تكون المحادثات قد فشلت.",
                  "حذر وزير الخارجية من عقوبات جديدة على إيران."]
        fillers = ["Officials met on Monday.", "The statement came after a week of reports.",
                   "Markets were calm.", "Analysts expected more talks."]

        def text(n, version):
            r = random.Random(n * 7919 + version)
            parts = []
            for _ in range(r.randint(2, 6)):
                parts.append(f"{r.choice(speakers)} {r.choice(verbs)} that {r.choice(things)}.")
                if r.random() < 0.5:
                    parts.append(r.choice(fillers))
            if r.random() < 0.2:
                parts.append(r.choice(arabic))
            return " ".join(parts)

        articles = []
        for n in range(self.args.articles):
            day = 1 + n % 28
            articles.append({"id": f"t{n:06d}", "source": rng.choice(["Reuters", "AP", "Al Jazeera"]),
                             "published": f"2023-{1 + n % 12:02d}-{day:02d}", "title": f"Report {n}",
                             "text": text(n, 0)})
        changed = []
        for a in articles[::10]:
            b = dict(a)
            b["text"] = text(int(a["id"][1:]), 1)
            changed.append(b)
        folder = self.path("corpus")
        os.makedirs(folder, exist_ok=True)

        def dump(name, records):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            return os.path.join(folder, name)

        half = len(articles) // 2
        self.corpus = dump("all.jsonl", articles)
        self.first_half = dump("first-half.jsonl", articles[:half])
        # The second half, and new texts of a tenth of the first.
        self.second_half = dump("second-half.jsonl", articles[half:] + [c for c in changed if int(c["id"][1:]) < half])
        self.changed = dump("changed.jsonl", changed)

    def build_references(self):
        """The stores every scenario starts from or compares with, built
        without kills."""
        refs = {}

        def ingest(name, *files, base=None):
            store = self.copy_store(base, name) if base else self.fresh(name)
            for f in files:
                r = self.run(["ingest", "--store", store, f], timeout=600)
                if r.rc != 0:
                    raise SystemExit(f"torture: reference ingest failed ({r.rc}): {r.err}")
            refs[name] = store
            return store

        ingest("all", self.corpus)
        ingest("first-half", self.first_half)
        # first half, then second half and the changed tenth.
        ingest("halves", self.first_half, self.second_half)
        # everything, with the changed tenth as stored text: imports of
        # the reference export replace those articles.
        ingest("changed", self.corpus, self.changed)
        self.refs = refs
        self.ref_exports = {}
        for name, store in refs.items():
            r, files = self.export(store)
            if r.rc != 0:
                raise SystemExit(f"torture: reference export failed: {r.err}")
            self.ref_exports[name] = files
        # The reference export as import files.
        self.export_dir = self.path("export-all")
        self.run(["export", "--store", refs["all"], "--out", self.export_dir])
        # ... imported over the store with the changed texts, unkilled.
        store = self.copy_store(refs["changed"], "changed-imported")
        r = self.run(["import", "--store", store] + self.import_files(), timeout=600)
        if r.rc != 0:
            raise SystemExit(f"torture: reference import failed ({r.rc}): {r.err}")
        refs["changed-imported"] = store
        r, self.ref_exports["changed-imported"] = self.export(store)

    def import_files(self):
        ex = self.export_dir
        return ["--entities", ex + "/entities.jsonl", "--articles", ex + "/articles.jsonl",
                "--statements", ex + "/statements.jsonl"]

    # -- consistency of an export --------------------------------------------

    @staticmethod
    def parse(files):
        arts = {}
        for line in files.get("articles.jsonl", b"").splitlines():
            arts[json.loads(line)["id"]] = line
        stmts = {}
        for line in files.get("statements.jsonl", b"").splitlines():
            s = json.loads(line)
            stmts.setdefault(s["doc"], set()).add(line)
        ents = set(files.get("entities.jsonl", b"").splitlines())
        return arts, stmts, ents

    def consistent(self, files, states):
        """None when every article of `files` is as in one of `states` (export
        file dicts) together with exactly that state's statements, and every
        entity line is one of theirs; otherwise what is wrong."""
        arts, stmts, ents = self.parse(files)
        parsed = [self.parse(s) for s in states]
        for key, line in arts.items():
            matches = [p for p in parsed if p[0].get(key) == line]
            if not matches:
                return f"article {key} is in no state built without kills"
            if not any(stmts.get(key, set()) == p[1].get(key, set()) for p in matches):
                return f"article {key} has other statements than it has without kills"
        for key in stmts:
            if key not in arts:
                if not any(key not in p[0] and stmts[key] == p[1].get(key, set()) for p in parsed):
                    return f"statements of {key} without their article"
        known = set().union(*(p[2] for p in parsed))
        extra = [e for e in ents if e not in known]
        if extra:
            return f"{len(extra)} entities are in no state built without kills"
        return None

    # -- kill scenarios --------------------------------------------------------

    def kill_campaign(self, name, runs, setup, argv, check_after, resume=True):
        """`runs` times: a store from `setup()`, `argv(store)` killed at a
        random moment within its unkilled duration, then `check_after(row,
        store)` and, with `resume`, the command again unkilled."""
        row = self.row(name)
        rng = random.Random(f"{self.args.seed}-{name}")  # --only reproduces a scenario
        probe = setup()
        t = self.run(argv(probe), timeout=600)
        if not self.judge(row, t, f"{name}: unkilled run"):
            row.counts["failures"] += 1
            return
        duration = max(t.seconds, 0.05)
        for k in range(runs):
            store = setup()
            delay = rng.uniform(0.0, duration * 1.1)
            r = self.run_killed(argv(store), delay)
            row.counts["runs"] += 1
            ok = True
            if not r.killed and not self.judge(row, r, f"{name}: run {k}"):
                ok = False
            elif not check_after(row, store, resume):
                ok = False
            if not ok:
                row.counts["failures"] += 1
            shutil.rmtree(store, ignore_errors=True)

    def after_kill(self, before, after, resume_argv, new_store, exact):
        """A check_after for ingest and import: the store opens (a new store
        may be "no store yet"), its export is a state without kills (exact:
        `before` or `after` byte for byte; otherwise article by article),
        and the command run again gives `after` exactly."""
        def check(row, store, resume):
            s = self.run(["stats", "--store", store])
            if s.crashed:
                return self.judge(row, s, "stats after kill")
            empty = s.rc == 3 and "no store at" in s.err
            if s.rc != 0 and not (new_store and empty):
                row.counts["unopenable"] += 1
                row.note(f"stats after kill: exit {s.rc}: {s.err.strip()[-200:]}")
                return False
            if not empty:
                e, files = self.export(store)
                if not self.judge(row, e, "export after kill"):
                    row.counts["unopenable"] += 1
                    return False
                if exact:
                    if self.digest(files) not in (self.digest(before), self.digest(after)):
                        row.counts["lost/changed"] += 1
                        row.note("export after kill is neither the store before nor after")
                        return False
                else:
                    why = self.consistent(files, [before, after])
                    if why:
                        row.counts["lost/changed"] += 1
                        row.note(why)
                        return False
            if resume:
                r = self.run(resume_argv(store), timeout=600)
                if not self.judge(row, r, "run again after kill", ok_codes=(0,)):
                    if r.rc == 3:
                        row.counts["unopenable"] += 1
                    return False
                e, files = self.export(store)
                if not self.judge(row, e, "export after the run again"):
                    return False
                if self.digest(files) != self.digest(after):
                    row.counts["lost/changed"] += 1
                    row.note("run again after a kill: export differs from the unkilled one")
                    return False
            return True
        return check

    def kills(self):
        n = self.runs(100)
        empty = {"entities.jsonl": b"", "articles.jsonl": b"", "statements.jsonl": b""}
        import_files = self.import_files()

        def ingest_argv(files):
            return lambda store: ["ingest", "--store", store] + files

        # ingest into a new store
        argv = ingest_argv([self.corpus])
        self.kill_campaign("kill: ingest, new store", n, lambda: self.fresh("ingest-new"), argv,
                           self.after_kill(empty, self.ref_exports["all"], argv, True, False))
        # ingest into an existing store: the rest, and new texts of a tenth
        argv = ingest_argv([self.second_half])
        self.kill_campaign("kill: ingest, existing store", n,
                           lambda: self.copy_store(self.refs["first-half"], "ingest-old"), argv,
                           self.after_kill(self.ref_exports["first-half"], self.ref_exports["halves"], argv, False,
                                           False))
        # import into a new store
        argv = lambda store: ["import", "--store", store] + import_files
        self.kill_campaign("kill: import, new store", n, lambda: self.fresh("import-new"), argv,
                           self.after_kill(empty, self.ref_exports["all"], argv, True, True))
        # import over a store whose articles differ (a tenth replaced): the
        # replaced articles' statements are those of the file.
        self.kill_campaign("kill: import, existing store", n,
                           lambda: self.copy_store(self.refs["changed"], "import-old"), argv,
                           self.after_kill(self.ref_exports["changed"], self.ref_exports["changed-imported"], argv,
                                           False, True))
        self.compact_kills(n)
        self.upgrade_kills(n)

    def compact_kills(self, n):
        source = self.refs["all"]
        reference = self.digest(self.ref_exports["all"])

        def check(row, out, resume):
            e, files = self.export(source)
            if not self.judge(row, e, "export of the source after a killed compact") or self.digest(files) != reference:
                row.counts["lost/changed"] += 1
                return False
            if os.path.exists(out):
                s = self.run(["stats", "--store", out])
                if s.crashed:
                    return self.judge(row, s, "stats of a killed copy")
                if s.rc == 0:
                    # The copy was complete when killed: it is the source.
                    e, files = self.export(out)
                    if not self.judge(row, e, "export of a killed copy") or self.digest(files) != reference:
                        row.counts["lost/changed"] += 1
                        row.note("a copy that opens differs from its source")
                        return False
                    return True
                elif s.rc != 3:
                    return self.judge(row, s, "stats of a killed copy", ok_codes=(0, 3))
            r = self.run(["compact", "--store", source, "--out", out])
            if not self.judge(row, r, "compact again into the same folder"):
                return False
            e, files = self.export(out)
            if not self.judge(row, e, "export of the copy") or self.digest(files) != reference:
                row.counts["lost/changed"] += 1
                return False
            return True

        def setup():
            return self.fresh("compact-out")

        self.kill_campaign("kill: compact", n, setup, lambda out: ["compact", "--store", source, "--out", out], check)

    def current_format(self):
        """The store format this binary writes, from `stats` of a new store."""
        if getattr(self, "_format", None) is None:
            store = self.fresh("format-probe")
            r = self.run(["import", "--store", store, "--statements", "/dev/null"])
            fmt = re.search(r"format\s+(\d+)", self.run(["stats", "--store", store]).out)
            self._format = int(fmt.group(1)) if r.rc == 0 and fmt else None
        return self._format

    def upgrade_kills(self, n):
        current = self.current_format()
        for version in (5, 6, 7):
            if current is not None and version >= current:
                continue
            fixture = os.path.join(FIXTURES, f"format{version}-store")
            if not os.path.exists(os.path.join(fixture, "data.mdb")):
                row = self.row(f"kill: upgrade from format {version}")
                row.note(f"no fixture at {fixture}")
                row.counts["failures"] += 1
                continue
            # A copy: opening the fixture itself would leave a lock.mdb in
            # the repository.
            e, before = self.export(self.copy_store(fixture, f"format{version}-reference"))
            reference = self.digest(before)

            def check(row, store, resume, reference=reference, version=version):
                s = self.run(["stats", "--store", store])
                if not self.judge(row, s, "stats after a killed upgrade"):
                    row.counts["unopenable"] += 1
                    return False
                fmt = re.search(r"format\s+(\d+)", s.out)
                if not fmt or int(fmt.group(1)) not in (version, current):
                    row.note(f"format after a killed upgrade: {fmt.group(1) if fmt else '?'}")
                    return False
                e, files = self.export(store)
                if not self.judge(row, e, "export after a killed upgrade") or self.digest(files) != reference:
                    row.counts["lost/changed"] += 1
                    return False
                r = self.run(["import", "--store", store, "--statements", "/dev/null"])
                if not self.judge(row, r, "upgrade again"):
                    return False
                e, files = self.export(store)
                after = re.search(r"format\s+(\d+)", self.run(["stats", "--store", store]).out)
                if self.digest(files) != reference or not after or int(after.group(1)) != current:
                    row.counts["lost/changed"] += 1
                    row.note("the upgrade run again changed the data or did not finish")
                    return False
                return True

            self.kill_campaign(f"kill: upgrade from format {version}", n,
                               lambda fixture=fixture: self.copy_store(fixture, f"upgrade{version}"),
                               lambda store: ["import", "--store", store, "--statements", "/dev/null"], check)

    # -- bad inputs --------------------------------------------------------------

    def bad_inputs(self):
        row = self.row("bad-input catalogue")
        ref = self.refs["all"]
        size = os.path.getsize(os.path.join(ref, "data.mdb"))

        def case(what, argv, ok_codes, expect=None, timeout=None, stdin=None, preexec=None):
            row.counts["runs"] += 1
            r = self.run(argv, timeout=timeout, stdin=stdin, preexec=preexec)
            ok = self.judge(row, r, what, ok_codes)
            if ok and expect and not re.search(expect, r.out + r.err):
                row.note(f"{what}: no /{expect}/ in: {(r.out + r.err).strip()[-200:]}")
                ok = False
            if not ok:
                row.counts["failures"] += 1
            return r

        readers = lambda s: [["stats", "--store", s], ["query", "--store", s, "actor:Kirby | count"],
                             ["export", "--store", s, "--out", self.fresh("bad-export")]]
        # truncated data.mdb: 8 KiB, half
        for cut in (8192, size // 2):
            s = self.copy_store(ref, "truncated")
            os.truncate(os.path.join(s, "data.mdb"), cut)
            for argv in readers(s) + [["ingest", "--store", s, self.first_half]]:
                case(f"{argv[0]} on data.mdb cut to {cut} bytes", argv, (3,), "truncated")
        # 0-byte data.mdb: no store yet to readers; the next ingest makes one
        s = self.copy_store(ref, "zero")
        os.truncate(os.path.join(s, "data.mdb"), 0)
        case("stats on a 0-byte data.mdb", ["stats", "--store", s], (3,), "no store at")
        case("ingest into a 0-byte data.mdb", ["ingest", "--store", s, self.first_half], (0,))
        # not a store: a file, a folder of other files, garbage data.mdb
        f = self.fresh("a-file")
        open(f, "w").write("hello")
        case("a file as the store", ["stats", "--store", f], (3,))
        d = self.fresh("other-files")
        os.makedirs(d)
        open(os.path.join(d, "notes.txt"), "w").write("x")
        case("a folder of other files", ["ingest", "--store", d, self.first_half], (3,))
        g = self.fresh("garbage")
        os.makedirs(g)
        open(os.path.join(g, "data.mdb"), "wb").write(os.urandom(65536))
        case("random bytes as data.mdb", ["stats", "--store", g], (3,))
        # a store this user may not write: queries answer, ingest refuses
        ro = self.copy_store(ref, "read-only")
        if os.getuid() == 0:
            nobody = 65534
            os.chmod(os.path.dirname(ro), 0o755)
            os.chmod(self.work, 0o755)
            os.chmod(ro, 0o555)
            os.chmod(os.path.join(ro, "data.mdb"), 0o444)
            drop = lambda: (os.setgroups([]), os.setgid(nobody), os.setuid(nobody))
            old_home, old_isnad = self.env["HOME"], self.isnad
            self.env["HOME"] = "/tmp"
            # The clone may lie where nobody may not go (/root): a copy.
            self.isnad = self.path("isnad-for-nobody")
            shutil.copy(old_isnad, self.isnad)
            os.chmod(self.isnad, 0o755)
            case("query on a store the user may not write", ["query", "--store", ro, "actor:Kirby | count"], (0,),
                 preexec=drop)
            case("ingest into a store the user may not write", ["ingest", "--store", ro, self.first_half], (3,),
                 preexec=drop)
            self.env["HOME"], self.isnad = old_home, old_isnad
        else:
            os.chmod(os.path.join(ro, "data.mdb"), 0o444)
            os.chmod(ro, 0o555)
            case("query on a read-only store", ["query", "--store", ro, "actor:Kirby | count"], (0,))
            case("ingest into a read-only store", ["ingest", "--store", ro, self.first_half], (3,))
        os.chmod(ro, 0o755)
        # `--` ends the options
        a = self.run(["query", "--store", ref, "--format", "csv", "actor:Kirby | count"])
        b = case("query -- QUERY", ["query", "--store", ref, "--format", "csv", "--", "actor:Kirby | count"], (0,))
        if b.rc == 0 and a.out != b.out:
            row.counts["failures"] += 1
            row.note("query -- QUERY answers otherwise than QUERY")
        case("query -- -NEGATION", ["query", "--store", ref, "--", "-stance:deny | count"], (0,))
        # huge and repeated stages: refused or answered, quickly
        case("| sort date ×1000", ["query", "--store", ref, "actor:Kirby" + " | sort date" * 1000 + " | count"],
             (0, 1), timeout=30)
        case("count by about ×4", ["query", "--store", ref, "| count by about, about, about, about"], (1,),
             timeout=30)
        case("count by ×10 fields", ["query", "--store", ref, "| count by " + ", ".join(["about", "actor"] * 5)],
             (1,), timeout=30)
        # (an argument may not pass 128 KiB: a megabyte goes through the REPL)
        case("a 1 MB query", ["--store", ref], (0, 1), timeout=60,
             stdin=("(" * 20000 + "a " * 480000 + ")" * 20000 + "\n").encode())
        case("a 100 KB argument", ["query", "--store", ref, "(" * 2000 + "a " * 40000 + ")" * 2000], (0, 1),
             timeout=60)
        case("nesting 100,000 deep", ["parse", "(" * 100000], (1,), timeout=30)
        # symlink loops: each real path is read once
        loops = self.fresh("loops")
        os.makedirs(os.path.join(loops, "a", "b"))
        shutil.copy(self.first_half, os.path.join(loops, "a", "b", "articles.jsonl"))
        os.symlink("..", os.path.join(loops, "a", "b", "up"))
        os.symlink(loops, os.path.join(loops, "a", "self"))
        os.symlink(os.path.join(loops, "a"), os.path.join(loops, "a", "b", "again"))
        case("ingest of a folder with symlink loops", ["ingest", "--store", self.fresh("loops-store"), loops],
             (0, 1), timeout=120)
        # a huge article: stored or refused, in bounded time
        big = self.fresh("big")
        os.makedirs(big)
        text = " ".join(f"John Kirby said that report {i} was false." for i in range(60000))
        open(os.path.join(big, "big.txt"), "w").write(text)
        case("ingest of a 2.5 MB article", ["ingest", "--store", self.fresh("big-store"), big], (0, 1), timeout=120)
        # malformed import lines: reported, the rest loads
        bad = self.fresh("bad-lines") + ".jsonl"
        with open(bad, "w") as out:
            out.write('{"id":"x1","doc":"d","actor":"A","stance":"deny","date":"2024-01-01","quote":"q"}\n')
            out.write('{"id":\n\x00\xff garbage\n{"id":"x2"}\n[1,2,3]\n"text"\n')
        case("import of malformed lines", ["import", "--store", self.fresh("bad-import"), "--statements", bad], (1,),
             "x1|rejected")
        case("import of a missing file", ["import", "--store", self.fresh("missing"), "--articles", "/nonexistent"],
             (1,))
        case("unknown command", ["stat"], (2,), "did you mean")
        # a damaged record
        if self.has_check:
            case("check of the reference store", ["check", "--store", ref], (0,))

    # -- byte flips and truncation ----------------------------------------------

    def damage(self):
        n = self.runs(100)
        ref = self.refs["all"]
        reference = self.digest(self.ref_exports["all"])
        size = os.path.getsize(os.path.join(ref, "data.mdb"))
        for kind in ("flipped bytes", "truncated data.mdb"):
            row = self.row(f"damage: {kind}")
            row.not_checked = not self.has_check
            rng = random.Random(f"{self.args.seed}-{kind}")  # --only reproduces a scenario
            for k in range(n):
                s = self.copy_store(ref, "damage")
                path = os.path.join(s, "data.mdb")
                if kind == "flipped bytes":
                    with open(path, "r+b") as f:
                        for _ in range(rng.randint(1, 8)):
                            at = rng.randrange(size)
                            f.seek(at)
                            byte = f.read(1)
                            f.seek(at)
                            f.write(bytes([byte[0] ^ (1 << rng.randrange(8))]))
                else:
                    os.truncate(path, rng.randrange(size))
                row.counts["runs"] += 1
                failed = False
                commands = [["stats", "--store", s], ["query", "--store", s, "actor:Kirby stance:deny | count by actor"],
                            ["query", "--store", s, "missiles | sort date | articles"]]
                results = [self.run(argv) for argv in commands]
                e, files = self.export(s)
                results.append(e)
                commands.append(["export", "--store", s, "--out", "DIR"])
                for argv, r in zip(commands, results):
                    if r.crashed:
                        row.counts["crashes"] += 1
                        kept = self.keep_failure(s, f"{kind.split()[0]}-{k}")
                        row.note(f"run {k}: `isnad {' '.join(argv[:1] + argv[3:])}` crashed (signal {-r.rc}); "
                                 f"the damaged store is kept in {kept}")
                        failed = True
                        break
                    if r.timed_out:
                        row.note("a command on a damaged store hung")
                        failed = True
                        break
                changed = e.rc == 0 and self.digest(files) != reference
                if self.has_check:
                    c = self.run(["check", "--store", s])
                    if c.crashed:
                        row.counts["crashes"] += 1
                        failed = True
                    elif c.rc == 0 and (changed or any(r.rc not in (0,) for r in results)):
                        row.counts["undetected"] += 1
                        row.note("check found nothing wrong with a damaged store")
                        failed = True
                if failed:
                    row.counts["failures"] += 1
                shutil.rmtree(s, ignore_errors=True)

    # -- concurrency -------------------------------------------------------------

    def concurrency(self):
        n = self.runs(10)
        row = self.row("concurrent writers, readers")
        reference = self.ref_exports["all"]
        total_statements = reference["statements.jsonl"].count(b"\n")
        total_articles = reference["articles.jsonl"].count(b"\n")
        summary = re.compile(r"(\d+) added, (\d+) replaced, (\d+) unchanged, \d+ skipped, (\d+) statements")
        for k in range(n):
            store = self.fresh("two-writers")
            row.counts["runs"] += 1
            stop = threading.Event()
            seen = []

            def reader():
                while not stop.is_set():
                    e, files = self.export(store)
                    seen.append((e, files))

            t = threading.Thread(target=reader)
            t.start()
            procs = [subprocess.Popen([self.isnad, "ingest", "--store", store, self.corpus],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env) for _ in range(2)]
            outs = [p.communicate(timeout=self.args.timeout) for p in procs]
            stop.set()
            t.join()
            failed = False
            for p, (out, err) in zip(procs, outs):
                if p.returncode != 0:
                    r = Result(p.returncode, out.decode(), err.decode(), 0)
                    failed |= not self.judge(row, r, "a writer of two")
            counts = [summary.search(o.decode()) for o, _ in outs]
            if all(counts):
                added = sum(int(c.group(1)) for c in counts)
                stmts = sum(int(c.group(4)) for c in counts)
                for c in counts:
                    if int(c.group(1)) + int(c.group(2)) + int(c.group(3)) != total_articles:
                        failed = True
                        row.note(f"a writer's summary does not add up: {c.group(0)}")
                if added != total_articles or stmts != total_statements:
                    failed = True
                    row.note(f"two writers reported {added} articles added and {stmts} statements; "
                             f"the store has {total_articles} and {total_statements}")
            elif not failed:
                failed = True
                row.note("a writer printed no summary")
            for e, files in seen:
                if e.crashed:
                    row.counts["crashes"] += 1
                    failed = True
                elif e.rc == 0:
                    why = self.consistent(files, [reference])
                    if why:
                        row.note(f"a reader saw: {why}")
                        row.counts["lost/changed"] += 1
                        failed = True
            e, files = self.export(store)
            if e.rc != 0 or self.parse(files) != self.parse(reference):
                row.counts["lost/changed"] += 1
                row.note("two writers' store differs from one writer's")
                failed = True
            if failed:
                row.counts["failures"] += 1
            shutil.rmtree(store, ignore_errors=True)

        # readers during an import: nothing, or everything
        row = self.row("readers during import")
        ex = self.export_dir
        before = self.digest(self.ref_exports["changed"])
        after = self.digest(self.ref_exports["changed-imported"])
        for k in range(n):
            store = self.copy_store(self.refs["changed"], "import-read")
            row.counts["runs"] += 1
            p = subprocess.Popen([self.isnad, "import", "--store", store, "--entities", ex + "/entities.jsonl",
                                  "--articles", ex + "/articles.jsonl", "--statements", ex + "/statements.jsonl"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
            failed = False
            while p.poll() is None:
                e, files = self.export(store)
                if e.crashed:
                    row.counts["crashes"] += 1
                    failed = True
                elif e.rc == 0 and self.digest(files) not in (before, after):
                    row.counts["lost/changed"] += 1
                    row.note("a reader saw part of an import")
                    failed = True
            p.communicate()
            if p.returncode != 0:
                failed = True
                row.note(f"import exit {p.returncode}")
            if failed:
                row.counts["failures"] += 1
            shutil.rmtree(store, ignore_errors=True)

    # -- queries -----------------------------------------------------------------

    def random_query(self, rng):
        fields = ["actor:Kirby", "actor:Peskov", "stance:deny", "stance:(deny OR warn)", "date>=2023-03",
                  "date:2023-05", "about:Iran", "lang:en", "source:Reuters", "doc:t000001", "drones",
                  '"ballistic missiles"', "missil*", "country:Russia", "kind:person", "-stance:said", "Kir*",
                  "صواريخ", "is:article", "quote:false"]
        stages = ["count", "count by actor", "count by stance, actor", "sort date", "sort date desc",
                  "sort actor", "limit 3", "fields date, actor, quote", "articles", "top 5 actor",
                  "timeline month", "timeline year", "count by about", "limit 0"]

        def term(depth):
            r = rng.random()
            if depth < 3 and r < 0.2:
                return f"({term(depth + 1)} {rng.choice(['AND', 'OR'])} {term(depth + 1)})"
            if depth < 3 and r < 0.3:
                return f"NOT {term(depth + 1)}"
            return rng.choice(fields)

        q = " ".join(term(0) for _ in range(rng.randint(0, 3)))
        for _ in range(rng.randint(0, 4)):
            q += " | " + rng.choice(stages)
        if rng.random() < 0.3:  # a mutation
            chars = list(q)
            for _ in range(rng.randint(1, 4)):
                at = rng.randrange(len(chars) + 1)
                if rng.random() < 0.5 and chars:
                    del chars[min(at, len(chars) - 1)]
                else:
                    chars.insert(at, rng.choice("|():\"'*-<>=!, aé؟"))
            q = "".join(chars)
        return q.replace("\n", " ")

    def queries(self):
        row = self.row("random queries (REPL)")
        n = self.runs(100) * 200
        rng = random.Random(self.args.seed + 1)
        store = self.refs["all"]
        per = 200
        for start in range(0, n, per):
            qs = [self.random_query(rng) for _ in range(min(per, n - start))]
            r = self.run(["--store", store, "--format", "csv"], stdin=("\n".join(qs) + "\n").encode(), timeout=300)
            row.counts["runs"] += len(qs)
            if r.crashed or r.timed_out or r.rc not in (0, 1):
                self.judge(row, r, f"REPL on queries {start}…{start + len(qs)}", (0, 1))
                row.counts["failures"] += 1
                # Find the query that did it, one by one.
                for q in qs:
                    one = self.run(["query", "--store", store, q], timeout=60)
                    if one.crashed or one.timed_out:
                        row.note(f"query {q!r}: {'signal %d' % -one.rc if one.crashed else 'hung'}")
                        break

    def swift_fuzz(self):
        row = self.row("engine fuzz (swift test)")
        env = dict(os.environ)
        env.update({"ISNAD_FUZZ_INPUTS": str(self.args.fuzz_inputs), "ISNAD_ROUNDTRIP_CASES": str(self.args.fuzz_inputs),
                    "ISNAD_ENGINE_FUZZ_QUERIES": str(self.args.fuzz_queries), "ISNAD_ENGINE_FUZZ_DOCS": "1000"})
        p = subprocess.run(["swift", "test", "-c", "release", "--filter", "FuzzTests|RoundTripTests|EngineFuzzTests"],
                           cwd=REPO, env=env, capture_output=True)
        row.counts["runs"] = self.args.fuzz_queries
        if p.returncode != 0:
            row.counts["failures"] += 1
            out = p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")
            if "unexpected signal" in out:
                row.counts["crashes"] += 1
            for line in out.splitlines():
                if line.startswith("✘") or "unexpected signal" in line:
                    row.note(line.strip()[:300])

    # -- the table -----------------------------------------------------------------

    def table(self):
        width = max(len(r.name) for r in self.rows)
        head = f"{'scenario':<{width}}  " + "  ".join(f"{c:>12}" for c in COLUMNS)
        lines = [head, "-" * len(head)]
        for r in self.rows:
            cells = []
            for c in COLUMNS:
                value = "not checked" if c == "undetected" and r.not_checked else str(r.counts[c])
                cells.append(f"{value:>12}")
            lines.append(f"{r.name:<{width}}  " + "  ".join(cells))
        totals = {c: sum(r.counts[c] for r in self.rows) for c in COLUMNS}
        lines.append("-" * len(head))
        lines.append(f"{'total':<{width}}  " + "  ".join(f"{totals[c]:>12}" for c in COLUMNS))
        return "\n".join(lines), totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--isnad", default=os.path.join(REPO, ".build", "release", "isnad"))
    runs = os.environ.get("TORTURE_RUNS")
    parser.add_argument("--runs", type=int, default=int(runs) if runs else None,
                        help="runs of each scenario (default: 100 kills each, as issue 32 asks; TORTURE_RUNS)")
    parser.add_argument("--articles", type=int, default=int(os.environ.get("TORTURE_ARTICLES", "3000")),
                        help="articles of the generated corpus (TORTURE_ARTICLES)")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("TORTURE_SEED", "32")))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds any one command may take")
    parser.add_argument("--swift-fuzz", action="store_true", help="also run the fuzz tests (swift test -c release)")
    parser.add_argument("--fuzz-inputs", type=int, default=100000)
    parser.add_argument("--fuzz-queries", type=int, default=5000)
    parser.add_argument("--only", help="run only the scenarios whose name contains this")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if not os.access(args.isnad, os.X_OK):
        sys.exit(f"torture: no isnad binary at {args.isnad} (build it first)")
    t = Torture(args)
    started = time.monotonic()
    try:
        t.make_corpus()
        t.build_references()
        steps = [("kill", t.kills), ("bad-input", t.bad_inputs), ("damage", t.damage),
                 ("concurrent", t.concurrency), ("queries", t.queries)]
        if args.swift_fuzz:
            steps.append(("fuzz", t.swift_fuzz))
        for name, step in steps:
            if args.only and args.only not in name:
                continue
            step_start = time.monotonic()
            try:
                step()
            except Exception as error:  # a bug of the campaign itself: a failure, shown
                row = t.row(f"{name}: the campaign stopped")
                row.counts["failures"] += 1
                row.note(f"{type(error).__name__}: {error}")
            print(f"torture: {name} done in {time.monotonic() - step_start:.0f} s", file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(t.work, ignore_errors=True)
        else:
            print(f"torture: work folder kept: {t.work}", file=sys.stderr)
    text, totals = t.table()
    print(text)
    print(f"({args.articles} generated articles, seed {args.seed}, {time.monotonic() - started:.0f} s; "
          f"isnad check {'present' if t.has_check else 'absent: damage not checked'})")
    for r in t.rows:
        for note in r.notes:
            print(f"  {r.name}: {note}")
    failed = totals["failures"] + totals["crashes"] + totals["unopenable"] + totals["lost/changed"] + totals["undetected"]
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
