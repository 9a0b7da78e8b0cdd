/// Writes a `PeerGraph` in one output format, streaming into a sink.
package protocol GraphWriter: Sendable {
    func write(_ graph: PeerGraph, to sink: OutputSink)
}
