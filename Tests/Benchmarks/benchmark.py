#!/usr/bin/env python3
"""peergraph's benchmark: peergraph against the Python baselines, interleaved, on this machine.

  python3 Tests/Benchmarks/benchmark.py [--runs 5] [--sizes M,L] [--data DIR] [--networkx]

It builds peergraph in release mode, generates the data sets with generate.py beside it (seeded; cached in
--data, default a temporary folder), then measures, each repetition running every contender once in
turn (interleaved, so load affects all alike):
  1. drawing: peergraph and anchor_fast.py (and anchor_networkx.py with --networkx) on the page files, with
     the read floor (the files read with read(2) on two threads) and the write floor (as many bytes as
     peergraph writes, written as -o does: temporary file, fsync, rename) timed in the same rounds;
     every format; median wall time, peak memory (max RSS), and the ratio anchor / peergraph;
  2. growth: peergraph's L time over its M time (linear growth means about 10x);
  3. rendering: `dot -Tsvg` on peergraph's DOT of S versus on anchor_fast's plain DOT of S;
  4. live collection: 20 regions of 5 pages each at the loopback API stand-in with 50 ms added latency,
     peergraph with its default concurrency versus --concurrency 1;
  5. an organisation: `--accounts rd --region all` over 50 accounts x 28 regions at the stand-in with 50 ms
     per request, default concurrency versus --concurrency 1 (the same requests one after another), paired,
     with the AssumeRole calls counted (one per member account).
  6. the HTML explorer: --render html of 200 and 2,000 connections opened in headless Chromium
     (.ci/validate/validate-html): time until its script is ready, and how fast a click and a search answer;
  7. start-up: the static build (`--static-swift-stdlib`, which `make static` makes) against the dynamic
     release build, drawing the bundled 11-connection sample, many interleaved runs, paired ratio.
Prints Markdown tables. Not a test: nothing here passes or fails.
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--sizes", default="M,L")
parser.add_argument("--data", default=None)
parser.add_argument("--networkx", action="store_true")
parser.add_argument("--skip", default="", help="comma list of parts to skip: draw,render,live,linear,org,explorer,startup")
parser.add_argument("--static-binary", default=None, help="the static build for the start-up part (default: build it)")
parser.add_argument("--startup-runs", type=int, default=40, help="repetitions of the start-up part")
parser.add_argument("--org-runs", type=int, default=3, help="repetitions of the organisation part (a sequential run takes about 80 s)")
parser.add_argument("--binary", default=None, help="measure this peergraph binary instead of building one (e.g. an older release)")
parser.add_argument("--versus", default=None, help="also run this other peergraph binary in the drawing part, interleaved, "
                    "and print the paired ratio against it (before/after a change)")
args = parser.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
bench = os.path.join(here, "baselines")
data = args.data or tempfile.mkdtemp(prefix="peergraph-bench-")
skip = set(filter(None, args.skip.split(",")))
SIZES = {"S": "--vpcs 200 --conns 500 --regions 8 --accounts 12 --seed 1",
         "M": "--vpcs 5000 --conns 20000 --regions 20 --accounts 150 --seed 1",
         "L": "--vpcs 50000 --conns 200000 --regions 28 --accounts 1000 --seed 1"}

if args.binary:
    peergraph = os.path.abspath(args.binary)
else:
    subprocess.run(["swift", "build", "-c", "release", "--product", "peergraph"], cwd=root, check=True, stdout=subprocess.DEVNULL)
    peergraph = os.path.join(root, ".build", "release", "peergraph")


def dataset(size):
    folder = os.path.join(data, size)
    if not os.path.exists(os.path.join(folder, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), *SIZES[size].split(), "--out", folder],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def pages(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith("page-"))


def measure(command, env=None):
    """Wall seconds and peak RSS (MiB) of one run of command (a floor measured in this process: no RSS)."""
    if callable(command):
        start = time.perf_counter()
        command()
        return time.perf_counter() - start, 0.0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command[:4])} …")
    return elapsed, usage.ru_maxrss / 1024


def cpu_idle_fraction(seconds=0.5):
    """The share of CPU time the whole machine spent idle over `seconds` (Linux /proc/stat), or 1.0 elsewhere."""
    def sample():
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)
    try:
        idle1, total1 = sample()
        time.sleep(seconds)
        idle2, total2 = sample()
        return (idle2 - idle1) / max(1, total2 - total1)
    except OSError:
        return 1.0


def wait_until_idle(limit=60):
    """Idle gate: waits (up to `limit` seconds) until the machine is at least 80% idle, so that another
    tenant's burst does not land inside one contender's runs; says so when it never got there."""
    start = time.monotonic()
    while cpu_idle_fraction() < 0.8:
        if time.monotonic() - start > limit:
            print(f"(note: the machine stayed busy for {limit} s; measuring anyway)", file=sys.stderr)
            return


def interleaved(contenders):
    """contenders: name -> command. Returns name -> (median seconds, max peak MiB)."""
    times = {name: [] for name in contenders}
    peaks = {name: 0.0 for name in contenders}
    for _ in range(args.runs):
        wait_until_idle()
        for name, command in contenders.items():
            seconds, peak = measure(command)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    last_times.clear()
    last_times.update(times)
    return {name: (statistics.median(times[name]), peaks[name]) for name in contenders}


last_times = {}


def spread(name, digits=2):
    """min–max of the last interleaved call's runs of `name`."""
    return f"{min(last_times[name]):.{digits}f}–{max(last_times[name]):.{digits}f}"


def read_floor(files):
    """The read floor: every input file read with read(2) on two threads into a reused 1 MiB buffer each
    (what any program must at least do to see the bytes; `cat` is slower, see ../perf/REPORT.md)."""
    from concurrent.futures import ThreadPoolExecutor
    def read_share(share):
        buffer = bytearray(1 << 20)
        view = memoryview(buffer)
        for path in share:
            fd = os.open(path, os.O_RDONLY)
            try:
                while os.readv(fd, [view]) > 0:
                    pass
            finally:
                os.close(fd)
    def run():
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(read_share, [files[0::2], files[1::2]]))
    return run


def write_floor(size, folder):
    """The write floor: `size` bytes written as -o writes them (a temporary file beside the target,
    1 MiB writes, fsync, rename)."""
    chunk = b"x" * (1 << 20)
    def run():
        temporary, target = os.path.join(folder, ".floor.tmp"), os.path.join(folder, "floor.out")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            left = size
            while left > 0:
                left -= os.write(fd, chunk[:min(left, len(chunk))])
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(temporary, target)
    return run


def paired_ratio(a, b):
    """Median of the run-by-run ratios a/b of the last interleaved call: pairs cancel the machine's drift."""
    return statistics.median(x / y for x, y in zip(last_times[a], last_times[b]))


out = tempfile.mkdtemp(prefix="peergraph-bench-out-")
print(f"Machine: {os.cpu_count()} cores; {args.runs} interleaved runs each, medians.\n")


def write_json(path, connections):
    with open(path, "w") as f:
        json.dump({"RequestId": "bench", "VpcPeerConnects": connections}, f)
    return path


def hub(spokes, folder):
    """A hub peered with `spokes` VPCs that all hold the same block: every pair of them is ambiguous."""
    return write_json(os.path.join(folder, f"hub-{spokes}.json"), [
        {"InstanceId": f"pcc-{i}", "Status": "Activated", "Vpc": {"VpcId": "vpc-hub", "Ipv4Cidrs": ["192.168.0.0/16"]},
         "AcceptingVpc": {"VpcId": f"vpc-spoke-{i}", "Ipv4Cidrs": ["10.0.0.0/16"]}} for i in range(spokes)])


def tagged(count, folder):
    """`count` connections, each with a tag key of its own: as many GraphML tag keys as edges."""
    return write_json(os.path.join(folder, f"tags-{count}.json"), [
        {"InstanceId": f"pcc-{i}", "Vpc": {"VpcId": f"vpc-a{i}"}, "AcceptingVpc": {"VpcId": f"vpc-b{i}"},
         "Tags": [{"Key": f"key{i}", "Value": "v"}]} for i in range(count)])


if "linear" not in skip:
    # Work that must grow about linearly with the mesh (4x the input: about 4x the time, not 16x).
    folder = tempfile.mkdtemp(prefix="peergraph-linear-")
    cases = [("check, hub with N spokes in one block", lambda n: [peergraph, "check", hub(n, folder), "--fail-on", "never", "-o", "/dev/null"]),
             ("GraphML, N connections with N tag keys", lambda n: [peergraph, tagged(n, folder), "-f", "graphml", "-o", "/dev/null"]),
             # 2N VPCs, none external: each writer asks the graph per node whether any node is external.
             ("JSON, N connections between 2N VPCs", lambda n: [peergraph, tagged(n, folder), "-f", "json", "-o", "/dev/null"])]
    print("| linear work | N = 2,000 | N = 8,000 | ratio (4x the input) |\n| --- | --- | --- | --- |")
    for title, command in cases:
        small, large = command(2000), command(8000)
        times = interleaved({"small": small, "large": large})
        t2, t8 = times["small"][0], times["large"][0]
        print(f"| {title} | {t2:.3f} s | {t8:.3f} s | {t8 / t2:.1f}x |")
    print()

if "draw" not in skip:
    print("| data set | format | peergraph (min–max) | anchor_fast.py (min–max) | anchor / peergraph, paired | "
          "read floor | write floor | peergraph / floors, paired | peergraph peak | anchor_fast peak |" +
          (" networkx |" if args.networkx else ""))
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if args.networkx else ""))
    medians = {}
    for size in args.sizes.split(","):
        folder = dataset(size)
        files = pages(folder)
        for format in ["dot", "graphml", "mermaid"]:
            # The write floor writes as many bytes as peergraph does for this format.
            target = os.path.join(out, f"{size}.{format}")
            subprocess.run([peergraph, *files, "-f", format, "-o", target, "-q"], check=True)
            contenders = {
                "read floor": read_floor(files),
                "write floor": write_floor(os.path.getsize(target), out),
                "peergraph": [peergraph, *files, "-f", format, "-o", os.path.join(out, f"{size}.{format}"), "-q"],
                "anchor_fast": [sys.executable, os.path.join(bench, "anchor_fast.py"), folder, format, os.path.join(out, f"a-{size}.{format}")],
            }
            if args.versus:
                contenders["before"] = [os.path.abspath(args.versus), *files, "-f", format, "-o", os.path.join(out, f"b-{size}.{format}"), "-q"]
            if args.networkx and format != "mermaid":
                contenders["networkx"] = [sys.executable, os.path.join(bench, "anchor_networkx.py"), folder, format, os.path.join(out, f"n-{size}.{format}")]
            result = interleaved(contenders)
            medians[(size, format)] = result["peergraph"][0]
            (p, pm), (a, am) = result["peergraph"], result["anchor_fast"]
            extra = f" {result['networkx'][0]:.2f} s |" if "networkx" in result else (" – |" if args.networkx else "")
            if "before" in result:
                b = result["before"][0]
                extra += f" before: {b:.2f} s, paired ratio now / before {paired_ratio('peergraph', 'before'):.2f} (peak {result['before'][1]:.0f} MiB) |"
            r, w = result["read floor"][0], result["write floor"][0]
            floors = f"{paired_ratio('peergraph', 'read floor'):.1f}x read, {paired_ratio('peergraph', 'write floor'):.1f}x write"
            print(f"| {size} ({len(files)} pages) | {format} | {p:.2f} s ({spread('peergraph')}) | {a:.2f} s ({spread('anchor_fast')}) | "
                  f"{paired_ratio('anchor_fast', 'peergraph'):.2f}x | {r:.3f} s ({spread('read floor', 3)}) | {w:.3f} s ({spread('write floor', 3)}) | "
                  f"{floors} | {pm:.0f} MiB | {am:.0f} MiB |{extra}")
    if "M" in args.sizes and "L" in args.sizes:
        growth = ", ".join(f"{f} {medians[('L', f)] / medians[('M', f)]:.1f}x" for f in ["dot", "graphml", "mermaid"])
        print(f"\nGrowth from M to L (10x the data): {growth}.")

if "render" not in skip:
    folder = dataset("S")
    ours, inline, plain = (os.path.join(out, name) for name in ("S.dot", "S-inline.dot", "S-plain.dot"))
    subprocess.run([peergraph, *pages(folder), "-o", ours, "-q"], check=True)
    subprocess.run([peergraph, *pages(folder), "-o", inline, "-q", "--edge-labels", "inline"], check=True)
    subprocess.run([sys.executable, os.path.join(bench, "anchor_fast.py"), folder, "dot", plain], check=True)
    result = interleaved({name: ["dot", "-Tsvg", path, "-o", os.devnull]
                          for name, path in (("ours", ours), ("inline", inline), ("plain", plain))})
    p, i, a = result["ours"][0], result["inline"][0], result["plain"][0]
    print(f"\n| rendering S (200 VPCs, 500 connections) with `dot -Tsvg` | seconds |\n| --- | --- |")
    print(f"| peergraph's DOT (default: no edge text above 30 edges) | {p:.2f} s |")
    print(f"| peergraph's DOT with --edge-labels inline | {i:.2f} s |")
    print(f"| plain DOT (anchor_fast.py) | {a:.2f} s |\n| ratio plain / peergraph default | {a / p:.1f}x |")

if "live" not in skip:
    regions = [f"bench-{i:02d}" for i in range(20)]
    connections = [{"InstanceId": f"pcc-{r}-{i:03d}", "RegionId": r, "AcceptingRegionId": r, "Status": "Activated",
                    "Vpc": {"VpcId": f"vpc-{r}-{i}"}, "AcceptingVpc": {"VpcId": f"vpc-{r}-{i + 1}"}}
                   for r in regions for i in range(500)]
    scenario = os.path.join(out, "scenario.json")
    json.dump({"credentials": [{"id": "bench", "secret": "bench-secret"}], "regions": regions, "connections": connections,
               "latency_ms": 50}, open(scenario, "w"))
    server = subprocess.Popen([sys.executable, os.path.join(root, "Tests", "StandIn", "vpcpeer_standin.py"), scenario], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])
        env = dict(os.environ, ALIBABA_CLOUD_ACCESS_KEY_ID="bench", ALIBABA_CLOUD_ACCESS_KEY_SECRET="bench-secret", HOME=out)
        base = [peergraph, "--region", ",".join(regions), "--endpoint", f"http://127.0.0.1:{port}", "-q", "-o", os.path.join(out, "live.dot")]
        times = {"default": [], "sequential": []}
        for _ in range(args.runs):
            for name, extra in (("default", []), ("sequential", ["--concurrency", "1"])):
                start = time.perf_counter()
                subprocess.run(base + extra, check=True, env=env, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
        d, q = statistics.median(times["default"]), statistics.median(times["sequential"])
        print(f"\n| live: 20 regions x 5 pages, 50 ms per request | seconds |\n| --- | --- |")
        print(f"| default concurrency (32, 8 per account) | {d:.2f} s |\n| --concurrency 1 | {q:.2f} s |\n| ratio | {q / d:.1f}x |")
    finally:
        server.terminate()

if "org" not in skip:
    accounts = [f"{1000000000000001 + i}" for i in range(50)]
    regions = [f"region-{i:02d}" for i in range(28)]
    connections = []
    for i, account in enumerate(accounts):
        for j in range(4):
            region, peer = regions[(i + j) % len(regions)], accounts[(i * 7 + j + 1) % len(accounts)]
            connections.append({"InstanceId": f"pcc-{i:02d}-{j}", "RegionId": region, "AcceptingRegionId": region,
                                "Status": "Activated", "OwnerId": int(account), "AcceptingOwnerUid": int(peer),
                                "Vpc": {"VpcId": f"vpc-{i:02d}-{j}"}, "AcceptingVpc": {"VpcId": f"vpc-{(i * 7 + j + 1) % 50:02d}-0"}})
    log = os.path.join(out, "org-requests.jsonl")
    scenario = os.path.join(out, "org.json")
    json.dump({"credentials": [{"id": "org-base", "secret": "org-base-secret", "account": accounts[0]}], "regions": regions,
               "connections": connections, "latency_ms": 50, "per_account": True, "log": log,
               "accounts": [{"id": a, "name": f"account-{n:02d}", "roles": ["peergraph-reader"]} for n, a in enumerate(accounts)]},
              open(scenario, "w"))
    server = subprocess.Popen([sys.executable, os.path.join(root, "Tests", "StandIn", "vpcpeer_standin.py"), scenario], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])
        env = dict(os.environ, ALIBABA_CLOUD_ACCESS_KEY_ID="org-base", ALIBABA_CLOUD_ACCESS_KEY_SECRET="org-base-secret", HOME=out,
                   PEERGRAPH_IMDS_ENDPOINT="http://127.0.0.1:9")
        base = [peergraph, "--accounts", "rd", "--role-name", "peergraph-reader", "--region", "all", "--endpoint",
                f"http://127.0.0.1:{port}", "-q", "-o", os.path.join(out, "org.dot")]
        times = {"default": [], "sequential": []}
        counts = {"default": [], "sequential": []}
        for _ in range(args.org_runs):
            wait_until_idle()
            for name, extra in (("default", []), ("sequential", ["--concurrency", "1"])):
                open(log, "w").close()
                start = time.perf_counter()
                subprocess.run(base + extra, check=True, env=env, stdout=subprocess.DEVNULL)
                times[name].append(time.perf_counter() - start)
                actions = [json.loads(line).get("action") for line in open(log, encoding="utf-8")]
                counts[name].append((actions.count("AssumeRole"), len(actions)))
        d, q = statistics.median(times["default"]), statistics.median(times["sequential"])
        ratio = statistics.median(y / x for x, y in zip(times["default"], times["sequential"]))
        print(f"\n| organisation: 50 accounts x 28 regions, 50 ms per request | seconds | AssumeRole calls | requests |")
        print("| --- | --- | --- | --- |")
        print(f"| default concurrency (32, 8 per account) | {d:.2f} s | {counts['default'][0][0]} | {counts['default'][0][1]} |")
        print(f"| --concurrency 1 (one after another) | {q:.2f} s | {counts['sequential'][0][0]} | {counts['sequential'][0][1]} |")
        print(f"| paired ratio sequential / default | {ratio:.1f}x | | |")
    finally:
        server.terminate()

if "explorer" not in skip:
    import re
    rows = []
    for conns, vpcs, regions, accounts in ((200, 100, 4, 3), (2000, 600, 12, 40)):
        folder = os.path.join(data, f"explorer-{conns}")
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(root, "Tests", "Benchmarks", "generate.py"), "--vpcs", str(vpcs),
                            "--conns", str(conns), "--regions", str(regions), "--accounts", str(accounts), "--seed", "1",
                            "--out", folder], check=True, stdout=subprocess.DEVNULL)
        page = os.path.join(out, f"explorer-{conns}.html")
        started = time.perf_counter()
        subprocess.run([peergraph, *pages(folder), "-q", "--render", "html", "-o", page], check=True)
        written = time.perf_counter() - started
        ready, click, search = [], [], []
        for _ in range(args.runs):
            wait_until_idle()
            line = subprocess.run([os.path.join(root, ".ci", "validate", "validate-html"), page],
                                  capture_output=True, text=True, check=True).stdout
            m = re.search(r"ready in [\d.]+s \(([\d.]+)s after the navigation began\), a click answered in (\d+) ms, "
                          r"a search in (\d+) ms", line)
            ready.append(float(m[1])); click.append(int(m[2])); search.append(int(m[3]))
        rows.append((conns, written, statistics.median(ready), statistics.median(click), statistics.median(search)))
    print("\n| explorer (--render html) | writing it (Graphviz included) | open and ready in Chromium (from navigation) | a click | a search |")
    print("| --- | --- | --- | --- | --- |")
    for conns, written, ready, click, search in rows:
        print(f"| {conns:,} connections | {written:.2f} s | {ready:.2f} s | {click:.0f} ms | {search:.0f} ms |")

if "startup" not in skip:
    static = args.static_binary
    if not static:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--build-path", ".build/static",
                        "--product", "peergraph"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        static = os.path.join(root, ".build", "static", "release", "peergraph")
    sample = os.path.join(root, "samples", "multi-region", "pages")
    runs = args.runs
    args.runs = args.startup_runs
    # `--version` alone is the start-up: the sample's work is what it adds (the bar: at most 1.2x).
    result = interleaved({"dynamic": [peergraph, sample], "static": [os.path.abspath(static), sample],
                          "dynamic --version": [peergraph, "--version"],
                          "static --version": [os.path.abspath(static), "--version"]})
    ratio = paired_ratio("dynamic", "static")
    args.runs = runs
    print(f"\n| start-up: drawing the 11-connection sample ({args.startup_runs} interleaved runs) | median | peak |")
    print("| --- | --- | --- |")
    for name in ("dynamic", "static", "dynamic --version", "static --version"):
        label = name.replace(" --version", " build, `--version`") if "--version" in name else name + " build, sample"
        print(f"| {label} | {result[name][0] * 1000:.1f} ms | {result[name][1]:.0f} MiB |")
    print(f"| paired ratio dynamic / static | {ratio:.2f}x | |")
    for name in ("dynamic", "static"):
        print(f"| paired ratio sample / --version, {name} | {paired_ratio(name, name + ' --version'):.2f}x | |")
