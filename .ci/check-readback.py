#!/usr/bin/env python3
"""Compares what the real consumers read back from peergraph's outputs with the input strings.

Usage: check-readback.py ARTIFACTS_DIR JSON_DIR
  ARTIFACTS_DIR holds input.json, manifest.json and the outputs written by AdversarialCorpusTests.
  JSON_DIR holds the --json read-backs of validate-dot, validate-graphml and validate-mermaid.

Every expectation is derived here from input.json (parsed by Python's json module, not by peergraph) and
the documented transformations only: characters XML 1.0 forbids become U+FFFD; DOT and Mermaid labels
are cut to the manifest's maximum length with '…'; Graphviz doubles backslashes in node names; Mermaid
turns line breaks in data into spaces. It also checks that no consumer saw an attribute, key or
statement that peergraph does not write: injected text must stay text.
Prints one line per check group and ends with 'N passed, M failed'; exit 1 on any failure.
"""
import xml.etree.ElementTree as ElementTree
import html, json, os, re, sys

import networkx
import igraph

art, jdir = sys.argv[1], sys.argv[2]
conns = json.load(open(os.path.join(art, "input.json"), encoding="utf-8"))["VpcPeerConnects"]
manifest = json.load(open(os.path.join(art, "manifest.json")))
passed = failed = 0
problems = []


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        problems.append(what)


def xml_clean(s):
    def ok(c):
        o = ord(c)
        return c in "\t\n\r" or 0x20 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF
    return "".join(c if ok(c) else "\ufffd" for c in s)


def is_control(c):
    o = ord(c)
    return o < 0x20 or 0x7F <= o <= 0x9F or o in (0xFFFE, 0xFFFF)


def dot_name(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == "%":
            out.append("\\x25")
        elif is_control(c):
            out.append("\\x%02X" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def dot_text(s):
    """What Graphviz shows for data text: line breaks kept, tabs as spaces, controls as U+FFFD."""
    return "".join("\n" if c == "\n" else " " if c == "\t" else "\ufffd" if is_control(c) else c for c in s)


def dot_decode(label):
    """A DOT label as Graphviz displays it: escapes, then entities (one pass each)."""
    out, i = [], 0
    while i < len(label):
        c = label[i]
        if c == "\\" and i + 1 < len(label):
            n = label[i + 1]
            out.append("\n" if n in "nlr" else n)
            i += 2
            continue
        out.append(c)
        i += 1
    return html.unescape("".join(out))


# JavaScript's \s: mermaid and the browser treat all of these as white space when they render a label.
JS_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"


def collapse(s):
    """A rendered label shows a run of white space as one space and trims it at both ends."""
    return re.sub(JS_SPACE + "+", " ", s).strip(" ")


def mermaid_text(s):
    return "".join(" " if c in "\n\r\t\u2028\u2029\x85" else "\ufffd" if is_control(c) or ord(c) in (0xFFFE, 0xFFFF) else c for c in s)


def matches_cut(shown, full, limit):
    """shown is full, or full cut to at least limit-1 code points followed by '…'."""
    if shown == full:
        return True
    return shown.endswith("…") and full.startswith(shown[:-1]) and len(shown) - 1 >= limit - 1 and len(full) > limit


def utf8_key(s):
    return s.encode("utf-8", "surrogatepass")


by_id = {c["InstanceId"]: c for c in conns}
by_xml_id = {xml_clean(c["InstanceId"]): c for c in conns}
vpcs = sorted({c["Vpc"]["VpcId"] for c in conns} | {c["AcceptingVpc"]["VpcId"] for c in conns}, key=utf8_key)
edges_sorted = sorted(conns, key=lambda c: (utf8_key(c["Vpc"]["VpcId"]), utf8_key(c["AcceptingVpc"]["VpcId"]), utf8_key(c["InstanceId"])))


def name_or_id(c):
    return c["Name"] if c.get("Name") else c["InstanceId"]


# ---------------------------------------------------------------- GraphML (networkx, igraph)
KNOWN_KEYS = {"title", "grouping", "label", "name", "vpc_id", "region", "owner", "ipv4_cidrs", "ipv6_cidrs", "group",
              "connection_id", "description", "status", "business_status", "bandwidth_mbps", "requester_vpc",
              "accepter_vpc", "requester_region", "accepter_region", "requester_owner", "accepter_owner", "created",
              "modified", "expires", "resource_group", "link_type", "tags", "color", "line_style",
              "id"}  # networkx's own: it copies the <edge id> into the data of multigraph edges


def check_yed_groups(path, graph):
    """yEd's groups: a group node per group, holding (in its nested graph) exactly the VPCs whose
    `group` data is its label; networkx and igraph read each group as one more node."""
    root = ElementTree.parse(path).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    groups = [n for n in root.find(ns + "graph").findall(ns + "node") if n.get("yfiles.foldertype") == "group"]
    check(groups, f"{path}: no yEd group nodes")
    for group in groups:
        label = graph.nodes[group.get("id")].get("label")
        members = [n.get("id") for n in group.find(ns + "graph").findall(ns + "node")]
        check(members and all(graph.nodes[m].get("group") == label for m in members),
              f"{path}: group {group.get('id')} holds VPCs of another group")
        check(sum(1 for _, d in graph.nodes(data=True) if d.get("group") == label) == len(members),
              f"{path}: group {group.get('id')} misses some of its VPCs")
        graph.remove_node(group.get("id"))
    return len(groups)


def check_graphml(path, graph):
    nodes = graph.nodes(data=True)
    check({d["vpc_id"] for _, d in nodes} == {xml_clean(v) for v in vpcs}, f"{path}: node vpc_id set differs")
    for _, d in nodes:
        check(d["name"] == d["vpc_id"] and d["label"].startswith(d["vpc_id"]), f"{path}: node label/name {d!r}")
    attr_names = set()
    for u, v, d in graph.edges(data=True):
        attr_names |= set(d)
        c = by_xml_id.get(d.get("connection_id"))
        check(c is not None, f"{path}: unknown connection id {d.get('connection_id')!r}")
        if c is None:
            continue
        cid = c["InstanceId"]
        expect = {
            "name": c.get("Name"), "description": c.get("Description"), "status": c.get("Status"),
            "business_status": c.get("BizStatus"), "requester_region": c.get("RegionId"),
            "accepter_region": c.get("AcceptingRegionId"), "resource_group": c.get("ResourceGroupId"),
            "expires": c.get("GmtExpired"), "created": c.get("GmtCreate"), "modified": c.get("GmtModified"),
            "link_type": c.get("LinkType"),
            "requester_vpc": c["Vpc"]["VpcId"], "accepter_vpc": c["AcceptingVpc"]["VpcId"],
        }
        for key, value in expect.items():
            if value is None:
                check(key not in d, f"{path}: {cid!r} has {key} but the input has none")
            else:
                check(d.get(key) == xml_clean(value), f"{path}: {cid!r} {key}: read {d.get(key)!r}, wrote {xml_clean(value)!r}")
        check(d.get("requester_owner") == str(c["OwnerId"]), f"{path}: {cid!r} requester_owner {d.get('requester_owner')!r} != {c['OwnerId']}")
        check(d.get("accepter_owner") == str(c["AcceptingOwnerUid"]), f"{path}: {cid!r} accepter_owner {d.get('accepter_owner')!r}")
        check(d.get("bandwidth_mbps") == c["Bandwidth"], f"{path}: {cid!r} bandwidth {d.get('bandwidth_mbps')!r} != {c['Bandwidth']}")
        tags = {t["Key"]: t["Value"] for t in c["Tags"]}
        check(json.loads(d.get("tags", "{}")) == tags, f"{path}: {cid!r} tags JSON does not round-trip")
        for k, val in tags.items():
            if re.fullmatch(r"[A-Za-z0-9._-]+", k):
                check(d.get("tag:" + k) == xml_clean(val), f"{path}: {cid!r} tag:{k}")
        check(graph.nodes[u]["vpc_id"] == xml_clean(c["Vpc"]["VpcId"]) and graph.nodes[v]["vpc_id"] == xml_clean(c["AcceptingVpc"]["VpcId"]),
              f"{path}: {cid!r} joins the wrong VPCs")
        check(d["label"].startswith(xml_clean(name_or_id(c))), f"{path}: {cid!r} label {d['label'][:60]!r}")
    unknown = {a for a in attr_names if a not in KNOWN_KEYS and not a.startswith("tag:")}
    check(not unknown, f"{path}: edge attributes peergraph does not write: {sorted(unknown)}")


for m in manifest:
    if m["format"] != "graphml":
        continue
    path = os.path.join(art, m["file"])
    g = networkx.read_graphml(path)
    check(g.number_of_nodes() == m["nodes"] and g.number_of_edges() == m["edges"], f"{m['file']}: networkx counts")
    if m["file"] == "yed.graphml":
        check(check_yed_groups(path, g) == m["groups"], f"{m['file']}: yEd group count")
    check_graphml(m["file"], g)
    ig = igraph.Graph.Read_GraphML(path)
    check(ig.vcount() == m["nodes"] and ig.ecount() == m["edges"], f"{m['file']}: igraph counts")
    check(sorted(ig.es["requester_owner"]) == sorted(str(c["OwnerId"]) for c in conns), f"{m['file']}: igraph owner ids not exact")
    check(sorted(ig.es["accepter_owner"]) == sorted(str(c["AcceptingOwnerUid"]) for c in conns), f"{m['file']}: igraph accepter ids not exact")
    print(f"graphml {m['file']}: checked {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")

# ---------------------------------------------------------------- node-link JSON (networkx): exact
for m in manifest:
    if m["format"] != "json":
        continue
    g = networkx.node_link_graph(json.load(open(os.path.join(art, m["file"]), encoding="utf-8")))
    check(set(g.nodes) == set(vpcs), f"{m['file']}: node ids differ from the VPC ids")
    check(g.number_of_edges() == len(conns), f"{m['file']}: edge count")
    for u, v, key, d in g.edges(keys=True, data=True):
        c = by_id.get(key)
        check(c is not None, f"{m['file']}: unknown edge key {key!r}")
        if c is None:
            continue
        check((u, v) == (c["Vpc"]["VpcId"], c["AcceptingVpc"]["VpcId"]), f"{m['file']}: {key!r} joins the wrong VPCs")
        for field, value in (("name", c.get("Name")), ("description", c.get("Description")), ("status", c.get("Status")),
                             ("resource_group", c.get("ResourceGroupId")), ("expires", c.get("GmtExpired"))):
            check(d.get(field) == value, f"{m['file']}: {key!r} {field}: read {d.get(field)!r}, wrote {value!r}")
        check(d.get("requester_owner") == str(c["OwnerId"]) and d.get("accepter_owner") == str(c["AcceptingOwnerUid"]), f"{m['file']}: {key!r} owners")
        check(d.get("tags") == {t["Key"]: t["Value"] for t in c["Tags"]}, f"{m['file']}: {key!r} tags")
        check(d.get("bandwidth_mbps") == c["Bandwidth"], f"{m['file']}: {key!r} bandwidth")
    print(f"json {m['file']}: checked {g.number_of_nodes()} nodes, {g.number_of_edges()} edges exactly")

# ---------------------------------------------------------------- DOT (Graphviz read-back)
NODE_ATTRS = {"label", "tooltip", "shape", "style", "fillcolor", "color", "fontname", "fontsize", "margin"}
EDGE_ATTRS = {"label", "tooltip", "color", "fontcolor", "style", "penwidth", "fontname", "fontsize", "arrowsize"}
# --edge-labels: inline writes `label`, outside `xlabel`, none neither.
EDGE_LABEL_ATTR = {"inline": "label", "outside": "xlabel", "none": None}
for m in manifest:
    if m["format"] != "dot":
        continue
    model = json.load(open(os.path.join(jdir, m["file"] + ".json"), encoding="utf-8"))
    limit = m["maximumLabelLength"]
    names = {n["name"]: n["attrs"] for n in model["nodes"]}
    legend = {"\\legend"} if m["legend"] else set()
    check(set(names) == {dot_name(v) for v in vpcs} | legend, f"{m['file']}: node names differ from the VPC ids")
    for v in vpcs:
        attrs = names.get(dot_name(v), {})
        shown = dot_decode(attrs.get("label", "")).split("\n")[0]
        want = dot_text(v).split("\n")[0]
        check(matches_cut(shown, want, limit) or (("\n" in dot_text(v)) and dot_decode(attrs.get("label", "")).startswith(dot_text(v))),
              f"{m['file']}: node {v!r} label {shown!r}")
        check(set(attrs) <= NODE_ATTRS, f"{m['file']}: node {v!r} has attributes peergraph does not write: {sorted(set(attrs) - NODE_ATTRS)}")
    check(len(model["edges"]) == len(edges_sorted), f"{m['file']}: edge count")
    # Graphviz lists edges in its own order: find each by its tooltip, whose first line is the connection id.
    by_tooltip = {dot_decode(e["attrs"].get("tooltip", "")).split("\n")[0]: e for e in model["edges"]}
    for c in edges_sorted:
        e = by_tooltip.get(dot_text(c["InstanceId"]).split("\n")[0])
        check(e is not None, f"{m['file']}: no edge has the tooltip of {c['InstanceId']!r}")
        if e is None:
            continue
        check((e["tail"], e["head"]) == (dot_name(c["Vpc"]["VpcId"]), dot_name(c["AcceptingVpc"]["VpcId"])),
              f"{m['file']}: edge {c['InstanceId']!r} joins {e['tail']!r} -> {e['head']!r}")
        label_attr = EDGE_LABEL_ATTR[m["edgeLabels"]]
        allowed = (EDGE_ATTRS - {"label"}) | ({label_attr} if label_attr else set())
        check(set(e["attrs"]) <= allowed, f"{m['file']}: edge {c['InstanceId']!r} has attributes peergraph does not write: {sorted(set(e['attrs']) - allowed)}")
        if label_attr is None:
            check("label" not in e["attrs"] and "xlabel" not in e["attrs"], f"{m['file']}: edge {c['InstanceId']!r} has a label")
            continue
        check(label_attr in e["attrs"], f"{m['file']}: edge {c['InstanceId']!r} has no {label_attr}")
        shown = dot_decode(e["attrs"].get(label_attr, ""))
        want = dot_text(name_or_id(c))
        head = shown[: len(want)] if len(want) <= limit else shown.split("…")[0] + "…"
        check(shown.startswith(want) if len(want) <= limit else matches_cut(head, want, limit),
              f"{m['file']}: edge {c['InstanceId']!r} label {shown[:60]!r} does not show {want[:60]!r}")
    for s in model.get("subgraphs", []):
        check(re.fullmatch(r"cluster_\d+", s["name"]) is not None, f"{m['file']}: unexpected subgraph {s['name']!r}")
    print(f"dot {m['file']}: checked {len(names)} nodes, {len(model['edges'])} edges, {len(model.get('subgraphs', []))} clusters")

# ---------------------------------------------------------------- Mermaid (mermaid-js read-back)
STATEMENT = re.compile(
    r'(---|title: "[^\n]*"|config:|flowchart:|wrappingWidth: \d+|curve: linear|%%[^\n]*|flowchart LR|'
    r'classDef (vpc|legend|external) [^"\n]*|end|'
    r'subgraph (g\d+|legend)\["[^"\n]*"\]|'
    r'v\d+\["[^"\n]*"\]:::(vpc|external)|'
    r'v\d+ (-->|-\.->|==>)(\|"[^"\n]*"\|)? v\d+|'
    r'legendText\["[^"\n]*"\]:::legend|'
    r'linkStyle [\d,]+ [a-z:#0-9A-F, -]+)')
for m in manifest:
    if m["format"] != "mermaid":
        continue
    text = open(os.path.join(art, m["file"]), encoding="utf-8").read()
    in_front = False
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            continue
        check(STATEMENT.fullmatch(stripped) is not None, f"{m['file']}:{number}: not a statement peergraph writes: {stripped[:80]!r}")
    model = json.load(open(os.path.join(jdir, m["file"] + ".json"), encoding="utf-8"))
    limit = m["maximumLabelLength"]
    rendered = model["rendered"]["labels"]
    for index, v in enumerate(vpcs, 1):
        want = collapse(mermaid_text(v))
        got = collapse(rendered.get(f"v{index}", ""))
        check(got.startswith(want) if len(want) <= limit else matches_cut(got.split("…")[0] + "…", want, limit),
              f"{m['file']}: node v{index} ({v!r}) renders {got[:60]!r}")
    edge_labels = model["rendered"]["edgeLabels"]
    unlabelled = m["edgeLabels"] == "none"
    check(not unlabelled or not any(collapse(label) for label in edge_labels[:len(edges_sorted)]), f"{m['file']}: edges have labels")
    for index, c in enumerate(edges_sorted):
        if unlabelled:
            continue
        want = collapse(mermaid_text(name_or_id(c)))
        got = collapse(edge_labels[index]) if index < len(edge_labels) else ""
        check(got.startswith(want) if len(want) <= limit else matches_cut(got.split("…")[0] + "…", want, limit),
              f"{m['file']}: edge {index} ({c['InstanceId']!r}) renders {got[:60]!r}, wanted {want[:60]!r}")
    parsed_edges = model["edges"]
    for index, c in enumerate(edges_sorted):
        e = parsed_edges[index]
        check((e["from"], e["to"]) == (f"v{vpcs.index(c['Vpc']['VpcId']) + 1}", f"v{vpcs.index(c['AcceptingVpc']['VpcId']) + 1}"),
              f"{m['file']}: edge {index} joins {e['from']} -> {e['to']}")
    print(f"mermaid {m['file']}: checked {len(vpcs)} nodes, {len(edges_sorted)} edges, {len(text.splitlines())} lines")

for p in problems[:40]:
    print("FAIL:", p)
if len(problems) > 40:
    print(f"... and {len(problems) - 40} more")
print(f"readback: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
