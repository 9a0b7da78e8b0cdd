/// Every option of every command, in `--help` order within each section.
enum OptionTable {
    static let all: [OptionDeclaration] =
        GeneralOptions.leading + RecipeOptions.all + GeneralOptions.trailing + LookOptions.all
        + DocumentationOptions.all
        + CheckOptions.all
        + LiveOptions.all + FilterOptions.all

    /// The options `command` accepts.
    static func of(_ command: Subcommand) -> [OptionDeclaration] { all.filter { $0.commands.contains(command) } }

    /// The declaration named `name`, for any command.
    static func named(_ name: String) -> OptionDeclaration? { all.first { $0.name == name } }
}
