/// The text of `peergraph --help`, in the usual Swift command-line shape.
enum HelpText {
    

    static let draw = """
    OVERVIEW: Draw an Alibaba Cloud VPC peering mesh as Graphviz DOT, GraphML or Mermaid.

    USAGE: peergraph [INPUT ...] [OPTIONS]
           peergraph --region REGION [--region ...] [OPTIONS]     (live: asks the API)

    ARGUMENTS:
      INPUT                   Saved ListVpcPeerConnections responses: a file, a directory (every
                              *.json in it, in name order) or - for standard input. Each may hold a
                              page object, a JSON array of pages, a bare array of connections, or
                              JSON Lines of connections. Connections listed more than once become
                              one edge (the copy with the latest GmtModified wins).
                              With no INPUT, peergraph collects live from the VpcPeer API.

    OPTIONS:
      -f, --format FORMAT     dot (default), graphml or mermaid.
      -o, --output FILE       Write to FILE (atomically: all or nothing) instead of standard output.
      --group-by KEY          region (default), owner, region,owner or none.
      --title TEXT            A title for the diagram.
      --legend                Add a legend of the status styles.
      --template FILE         Use FILE as the page template of the format (see templates/README.md).
      --theme FILE            Use FILE as the status theme (format of templates/theme.tsv).
      --graphml-flavor F      plain (default) or yed (adds yFiles graphics so yEd shows labels).
      --max-label N           Cut label lines longer than N characters in DOT and Mermaid (default
                              40); full text stays in tooltips and GraphML.
      --timestamp             Stamp the generation time into the output (off: output is reproducible).
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
      --concurrency N         Regions fetched at once (default 4).
      --max-retries N         Retries of throttled or failed calls, with backoff (default 3).
      --keep-going            Draw the regions that worked when others fail (exit code 4 still).
      --save-raw DIR          Keep every fetched page in DIR, as input for later runs.
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
      0 success, 2 usage error (also: no credentials), 3 bad input (file, JSON, template, theme),
      4 API or network failure, 5 output could not be written.

    EXAMPLES:
      peergraph samples/hub-and-spoke/connections.json | dot -Tsvg > mesh.svg
      peergraph samples/multi-region/pages --format mermaid --legend -o mesh.mmd
      peergraph pages/*.json --status Activated --region cn-hangzhou --format graphml -o mesh.graphml
      cat export.jsonl | peergraph - --group-by owner --title "Production mesh"
      peergraph --region cn-hangzhou --region cn-shanghai --save-raw snapshot/ | dot -Tsvg > mesh.svg

    """
}
