/// The model kinds an experiment file can name, one line each.
enum ModelKindRegistry {
    static let definitions: [any ModelKindDefinition] = [
        AutoencoderKind(),
        SparseAutoencoderKind(),
        VariationalAutoencoderKind(),
        AdversarialAutoencoderKind(),
        CategoricalAdversarialAutoencoderKind(),
    ]

    static var names: [String] { definitions.map(\.name) }

    static func definition(_ name: String) -> (any ModelKindDefinition)? {
        definitions.first { $0.name == name }
    }

    /// The names of the kinds' keys of `group`, in registry order, each once.
    static func keys(_ group: ModelKindKey.Group) -> [String] {
        var seen = Set<String>()
        return definitions.flatMap { $0.keys.filter { $0.group == group }.map(\.name) }.filter { seen.insert($0).inserted }
    }
}
