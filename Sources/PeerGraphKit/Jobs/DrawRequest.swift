/// Draw the mesh: collect, build the graph by the recipe, write it.
public struct DrawRequest: Sendable {
    /// Where the connections come from.
    public var collect: CollectRequest
    /// How they become the graph.
    public var recipe = GraphRecipe()
    /// Where and how the graph is written.
    public var output = OutputRequest()

    /// A request to draw what `collect` reads, with the default recipe and output.
    public init(collect: CollectRequest, recipe: GraphRecipe = GraphRecipe(), output: OutputRequest = OutputRequest()) {
        self.collect = collect
        self.recipe = recipe
        self.output = output
    }
}
