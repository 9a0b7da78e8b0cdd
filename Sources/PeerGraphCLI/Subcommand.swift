/// peergraph's commands: draw (the default), `check`, `diff`; with the prose of their `--help`.
enum Subcommand: String, Sendable, CaseIterable {
    case draw, check, diff

    /// The first line of `--help`.
    var overview: String {
        switch self {
        case .draw: "Draw an Alibaba Cloud VPC peering mesh as Graphviz DOT, GraphML or Mermaid."
        case .check: "Find what a VPC peering mesh hides."
        case .diff: "Compare two snapshots of a VPC peering mesh."
        }
    }

    var usage: [String] {
        switch self {
        case .draw:
            [
                "peergraph [INPUT ...] [OPTIONS]",
                "peergraph --region REGION [--region ...] [OPTIONS]     (live: asks the API)",
                "peergraph check [INPUT ...] [OPTIONS]                  (see peergraph check --help)",
                "peergraph diff OLD [NEW] [OPTIONS]                     (see peergraph diff --help)",
                "peergraph completions bash|zsh|fish                    (shell completions)",
            ]
        case .check:
            ["peergraph check [INPUT ...] [OPTIONS]", "peergraph check --region REGION [OPTIONS]               (live)"]
        case .diff:
            [
                "peergraph diff OLD NEW [OPTIONS]",
                "peergraph diff OLD --region REGION [OPTIONS]            (NEW from the live API)",
            ]
        }
    }

    /// What the positional arguments are, and what the command does.
    var arguments: String {
        switch self {
        case .draw:
            """
            INPUT: saved ListVpcPeerConnections responses: a file, a directory (every *.json in it, in name order) or \
            - for standard input. Each may hold a page object, a JSON array of pages, a bare array of connections, or \
            JSON Lines of connections. Connections listed more than once become one edge (the copy with the latest \
            GmtModified wins). Files may be gzip-compressed or UTF-16 with a byte order mark. In a directory, JSON \
            that is no API page (a manifest, a saved API error) and anything that is not a regular file are skipped \
            with a warning. With no INPUT, peergraph collects live from the VpcPeer API.
            """
        case .check:
            """
            Reports, for connections that are not Deleted, Rejected or Expired: overlapping CIDR blocks between the two \
            VPCs of a connection (error); a VPC peered with two VPCs whose blocks overlap (warning); more than one \
            connection between the same VPCs (warning); and, for every connection: waiting for acceptance or stuck in \
            Creating/Updating/Deleting (with the age), expired or expiring soon, FinancialLocked (error). INPUT is \
            as for drawing.
            """
        case .diff:
            """
            OLD and NEW are inputs of any accepted kind: files, directories (such as --save-raw snapshots) or -. \
            Reports connections added, removed and changed (field by field, old -> new) and VPCs that appeared or \
            vanished; with a graph format, draws NEW with added (green), changed (orange) and removed (grey, dotted) \
            connections marked.
            """
        }
    }

    var exitCodes: String {
        switch self {
        case .draw:
            """
            0 success, 1 check found problems / diff found differences, 2 usage error (also: no credentials), \
            3 bad input (file, JSON, template, theme), 4 API or network failure, 5 output could not be written, \
            70 internal error (a bug: please report it). A closed pipe (peergraph ... | head) ends the run quietly with 0.
            """
        case .check: "0 no finding at or above --fail-on, 1 such findings, 2 usage, 3 bad input, 4 API, 5 output."
        case .diff: "0 equal, 1 different, 2 usage, 3 bad input, 4 API, 5 output."
        }
    }

    var examples: [String] {
        switch self {
        case .draw:
            [
                "peergraph samples/hub-and-spoke/connections.json | dot -Tsvg > mesh.svg",
                "peergraph samples/multi-region/pages --format mermaid --legend -o mesh.mmd",
                "peergraph pages/*.json --status Activated --region cn-hangzhou --format graphml -o mesh.graphml",
                "cat export.jsonl | peergraph - --group-by owner --title \"Production mesh\"",
                "peergraph --region cn-hangzhou --region cn-shanghai --save-raw snapshot/ | dot -Tsvg > mesh.svg",
            ]
        case .check:
            [
                "peergraph check samples/multi-region/pages",
                "peergraph check --region all --format markdown -o docs/peering-check.md --fail-on warning",
            ]
        case .diff:
            [
                "peergraph diff snapshots/2026-11-20 snapshots/2026-11-27",
                "peergraph diff snapshots/2026-11-20 --region all --format json | jq '.changed'",
                "peergraph diff old.json new.json --format dot --render svg -o changes.svg",
            ]
        }
    }

    /// The command in messages: "drawing" or "'check'".
    var mention: String { self == .draw ? "drawing" : "'\(rawValue)'" }
}
