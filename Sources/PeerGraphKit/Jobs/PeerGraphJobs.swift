/// The three jobs — draw, check, diff — each one call: Collect → Graph → Render.
///
/// ```swift
/// let request = DrawRequest(collect: CollectRequest(.inputs([.directory("pages")])))
/// let result = try await PeerGraphJobs.draw(request, context: JobContext(writeOutput: { print(String(decoding: $0, as: UTF8.self), terminator: "") }))
/// ```
public enum PeerGraphJobs {
    /// peergraph's version, as `--version` prints it and the API's user agent says.
    public static var version: String { PeerGraphVersion.current }
    /// The day this version was released.
    public static var releaseDate: String { PeerGraphVersion.date }

    /// Draws the mesh `request` collects, as its output asks.
    public static func draw(_ request: DrawRequest, context: JobContext) async throws -> JobResult {
        let job = Job(context)
        try job.refuseOutputOverInputs(
            request.output.destination.path, [request.collect],
            extra: [request.output.templateFile, request.output.themeFile])
        var look = try OutputEmitter.renderOptions(for: request.output)
        let gathered = try await job.timer.time("collect") {
            try await job.gatherer.gather(request.collect, filter: request.recipe.filter)
        }
        let (connections, filtered) = await job.timer.time("filter") {
            job.narrow(gathered.connections, request.recipe, request.collect)
        }
        job.warnIfEmpty(filtered, kept: connections, request.recipe)
        let names = request.recipe.redaction != nil ? gathered.names.withoutAccounts : gathered.names
        let scanned = job.scannedAccounts(gathered, request.recipe)
        var graph = await job.timer.time("graph") {
            PeerGraph(
                connections: connections, grouping: request.recipe.grouping, names: names, scannedAccounts: scanned)
        }
        job.warnAboutOwners(graph, request.recipe)
        if let check = request.output.pageCheck, request.output.format == .markdown {
            // As `peergraph check` sees the same connections: every VPC, no grouping.
            let findings = MeshChecker(asOf: check.asOf, expiryDays: check.expiryDays).check(
                PeerGraph(connections: connections, grouping: .none))
            look.findings = RenderOptions.PageFindings(findings: findings, asOf: APITimestamp.format(check.asOf))
        }
        if let key = request.recipe.collapse {
            graph = graph.collapsed(by: key, names: request.recipe.redaction != nil ? NameMap() : gathered.names)
        }
        let isStale = try await job.timer.time("render") {
            try job.emitter.emitGraph(graph, output: request.output, look: look)
        }
        if context.keepsValuesUntilExit { ProcessLifetime.keepUntilExit(graph, gathered, connections) }
        return job.result(job.reportFailures(gathered.failures) ? .partial : isStale ? .findings : .clean)
    }

    /// Checks the mesh `request` collects and writes the report.
    public static func check(_ request: CheckRequest, context: JobContext) async throws -> JobResult {
        let job = Job(context)
        try job.refuseOutputOverInputs(request.destination.path, [request.collect])
        let gathered = try await job.gatherer.gather(request.collect, filter: request.recipe.filter)
        let (connections, filtered) = job.narrow(gathered.connections, request.recipe, request.collect)
        job.warnIfEmpty(filtered, kept: connections, request.recipe)
        let graph = PeerGraph(connections: connections, grouping: .none)
        job.warnAboutOwners(graph, request.recipe)
        let findings = MeshChecker(asOf: request.asOf, expiryDays: request.expiryDays).check(graph)
        let writer = CheckReportWriter(format: request.format, asOf: APITimestamp.format(request.asOf))
        try job.emitter.emit(to: request.destination) { writer.write(findings, graph: graph, to: $0) }
        if job.reportFailures(gathered.failures) { return job.result(.partial) }
        if let threshold = request.failOn, findings.contains(where: { $0.severity >= threshold }) {
            return job.result(.findings)
        }
        return job.result(.clean)
    }

    /// Compares the two snapshots `request` collects and writes the report or the graph of changes.
    public static func diff(_ request: DiffRequest, context: JobContext) async throws -> JobResult {
        let job = Job(context)
        let output = request.output
        try job.refuseOutputOverInputs(
            output.destination.path, [request.old, request.new], extra: [output.templateFile, output.themeFile])
        let look = request.drawsGraph ? try OutputEmitter.renderOptions(for: output) : output.look
        let old = try await job.gatherer.gather(request.old, filter: request.recipe.filter)
        let new = try await job.gatherer.gather(request.new, filter: request.recipe.filter)
        let oldConnections = job.narrow(old.connections, request.recipe, request.old).connections
        let newConnections = job.narrow(new.connections, request.recipe, request.new).connections
        let difference = SnapshotDiff(old: oldConnections, new: newConnections)
        if request.drawsGraph {
            var marks = PeerGraph.ChangeMarks(connections: difference.changeKinds)
            for vpc in difference.vpcsAdded { marks.vpcs[vpc] = .added }
            for vpc in difference.vpcsRemoved { marks.vpcs[vpc] = .removed }
            let graph = PeerGraph(
                connections: newConnections + difference.removed, grouping: request.recipe.grouping,
                names: old.names.merging(new.names), changes: marks,
                scannedAccounts: job.scannedAccounts(new, request.recipe))
            try job.emitter.emitGraph(graph, output: output, look: look)
        } else {
            let writer = DiffReportWriter(format: request.reportFormat)
            try job.emitter.emit(to: output.destination) { writer.write(difference, to: $0) }
        }
        if job.reportFailures(old.failures + new.failures) { return job.result(.partial) }
        return job.result(difference.isEmpty ? .clean : .findings)
    }
}
