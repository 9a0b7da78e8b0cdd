/// The text of `peergraph --help`, in the usual Swift command-line shape.
enum HelpText {
    static func text(for command: Subcommand) -> String {
        switch command {
        case .draw: draw
        case .check: check
        case .diff: diff
        }
    }
    

    static let draw = """
    OVERVIEW: Draw an Alibaba Cloud VPC peering mesh as Graphviz DOT, GraphML or Mermaid.

    USAGE: peergraph [INPUT ...] [OPTIONS]
           peergraph --region REGION [--region ...] [OPTIONS]     (live: asks the API)
           peergraph check [INPUT ...] [OPTIONS]                  (see peergraph check --help)
           peergraph diff OLD [NEW] [OPTIONS]                     (see peergraph diff --help)

    ARGUMENTS:
      INPUT                   Saved ListVpcPeerConnections responses: a file, a directory (every
                              *.json in it, in name order) or - for standard input. Each may hold a
                              page object, a JSON array of pages, a bare array of connections, or
                              JSON Lines of connections. Connections listed more than once become
                              one edge (the copy with the latest GmtModified wins).
                              Files may be gzip-compressed or UTF-16 with a byte order mark. In a
                              directory, JSON that is no API page (a manifest, a saved API error) and
                              anything that is not a regular file are skipped with a warning.
                              With no INPUT, peergraph collects live from the VpcPeer API.

    OPTIONS:
      -f, --format FORMAT     dot (default), graphml, mermaid or json (node-link, as networkx reads it).
      -o, --output FILE       Write to FILE (atomically: all or nothing) instead of standard output.
      --group-by KEY          region (default), owner, region,owner or none.
      --title TEXT            A title for the diagram.
      --legend                Add a legend of the status styles.
      --template FILE         Use FILE as the page template of the format (see templates/README.md).
      --theme FILE            Use FILE as the status theme (format of templates/theme.tsv).
      --graphml-flavor F      plain (default) or yed (adds yFiles graphics so yEd shows labels).
      --max-label N           Cut label lines longer than N characters in DOT and Mermaid (default
                              40); full text stays in tooltips and GraphML.
      --edge-labels WHERE     auto (default), inline, outside or none. DOT: inline labels make dot
                              slow on big meshes, so auto puts them outside (xlabel) above 200
                              edges. none leaves edge text out of DOT and Mermaid (tooltips keep it).
      --timestamp             Stamp the generation time into the output (off: output is reproducible).
      --markdown              Wrap Mermaid in a ```mermaid fence, ready for a README.
      --collapse KEY          Draw regions, accounts or region,owner pairs instead of VPCs: edges carry
                              the number of connections and total bandwidth per status.
      --render FORMAT         svg, png or pdf: run Graphviz (dot for small graphs, sfdp for large
                              ones); png and pdf need -o FILE.
      --layout ENGINE         The Graphviz engine for --render: dot, neato, fdp, sfdp, circo, twopi.
      --names FILE            Friendly names: JSON {"vpc-…": "name", "1508…": "account name"} or CSV id,name.
      --vpc-names             Live: ask Vpc DescribeVpcs for the names of the VPCs.
      --focus VPC_ID          Only VPC_ID and its neighbours up to --depth N hops (default 1).
      --redact                Replace account ids by stable pseudonyms (--redact-cidrs: CIDR blocks too).
      --strict                Refuse, instead of skipping, foreign files in input directories.
      -q, --quiet             Print no warnings.
      -h, --help              Show this help.
      --version               Show the version.

    LIVE COLLECTION (when no INPUT is given):
      --region REGION         Regions to list (repeat, or a comma list); 'all' asks Vpc DescribeRegions.
                              Default: ALIBABA_CLOUD_REGION_ID, else the profile's region_id.
      --profile NAME          Profile of ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini.
                              Credentials otherwise come from ALIBABA_CLOUD_ACCESS_KEY_ID,
                              ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN),
                              then the current profile of those files.
      --endpoint URL          Send every API call to URL (default https://vpcpeer.aliyuncs.com, and
                              https://vpc.aliyuncs.com for DescribeRegions).
      --timeout SECONDS       Per request (default 10).
      --concurrency N         Regions fetched at once (default 8).
      --max-retries N         Retries of throttled or failed calls, with backoff (default 3).
      --keep-going            Draw the regions that worked when others fail (exit code 4 still).
      --save-raw DIR          Keep every fetched page in DIR, as input for later runs: one snapshot,
                              replaced whole only when every region was collected.
      -v, --verbose           Log every request (never a secret).

    FILTERS (repeat a filter, or give a comma list, to allow several values; different filters must all match):
      --status STATUS         Creating, Accepting, Updating, Rejected, Expired, Activated, Deleting, Deleted.
      --region REGION         Either end of the connection is in REGION.
      --owner ACCOUNT         Either end is owned by account ACCOUNT.
      --vpc VPC_ID            Either end is VPC_ID.
      --name NAME             The connection's name is NAME (* matches any characters).
      --tag KEY[=VALUE]       The connection has tag KEY (with VALUE).
      --resource-group ID     The connection is in resource group ID.
      --connection ID         The connection's id (InstanceId) is ID.
      --exclude-deleted       Leave out connections whose status is Deleted.

    EXIT CODES:
      0 success, 1 check found problems / diff found differences, 2 usage error (also: no credentials),
      3 bad input (file, JSON, template, theme), 4 API or network failure, 5 output could not be written.
      A closed pipe (peergraph ... | head) ends the run quietly with 0.

    EXAMPLES:
      peergraph samples/hub-and-spoke/connections.json | dot -Tsvg > mesh.svg
      peergraph samples/multi-region/pages --format mermaid --legend -o mesh.mmd
      peergraph help check
      peergraph pages/*.json --status Activated --region cn-hangzhou --format graphml -o mesh.graphml
      cat export.jsonl | peergraph - --group-by owner --title "Production mesh"
      peergraph --region cn-hangzhou --region cn-shanghai --save-raw snapshot/ | dot -Tsvg > mesh.svg

    """

    static let check = """
    OVERVIEW: Find what a VPC peering mesh hides.

    USAGE: peergraph check [INPUT ...] [OPTIONS]
           peergraph check --region REGION [OPTIONS]               (live)

    Reports, for connections that are not Deleted, Rejected or Expired: overlapping CIDR blocks between the
    two VPCs of a connection (error); a VPC peered with two VPCs whose blocks overlap (warning); more than
    one connection between the same VPCs (warning); and, for every connection: waiting for acceptance or
    stuck in Creating/Updating/Deleting (with the age), expired or expiring soon, FinancialLocked (error).

    OPTIONS:
      -f, --format FORMAT     text (default), json or markdown.
      -o, --output FILE       Write the report to FILE (atomically).
      --fail-on SEVERITY      Exit 1 when a finding at or above SEVERITY exists: error (default),
                              warning, info or never.
      --as-of DATE            Measure ages and expiry from DATE (default: now), e.g. 2025-09-01.
      --expiry-days N         Report connections expiring within N days (default 30).
      Inputs, filters, --strict, --names, --focus, --redact and the live options work as for drawing
      (see peergraph --help).

    EXIT CODES:
      0 no finding at or above --fail-on, 1 such findings, 2 usage, 3 bad input, 4 API, 5 output.

    EXAMPLES:
      peergraph check samples/multi-region/pages
      peergraph check --region all --format markdown -o docs/peering-check.md --fail-on warning

    """

    static let diff = """
    OVERVIEW: Compare two snapshots of a VPC peering mesh.

    USAGE: peergraph diff OLD NEW [OPTIONS]
           peergraph diff OLD --region REGION [OPTIONS]            (NEW from the live API)

    OLD and NEW are inputs of any accepted kind: files, directories (such as --save-raw snapshots) or -.
    Reports connections added, removed and changed (field by field, old -> new) and VPCs that appeared or
    vanished.

    OPTIONS:
      -f, --format FORMAT     text (default), json or markdown for the report; dot, mermaid or graphml
                              for a graph of NEW with added (green), changed (orange) and removed
                              (grey, dotted) connections marked.
      -o, --output FILE       Write to FILE (atomically).
      Filters, --strict, --group-by, --names, --focus, --redact, --render and the look options work as for
      drawing; the look options only with a graph format.

    EXIT CODES:
      0 equal, 1 different, 2 usage, 3 bad input, 4 API, 5 output.

    EXAMPLES:
      peergraph diff snapshots/2026-11-20 snapshots/2026-11-27
      peergraph diff snapshots/2026-11-20 --region all --format json | jq '.changed'
      peergraph diff old.json new.json --format dot --render svg -o changes.svg

    """
}
