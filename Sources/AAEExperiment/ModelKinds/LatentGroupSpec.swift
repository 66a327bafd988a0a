import AAECore

/// One latent group as an experiment file writes it under `model.groups`:
/// `y: {size: 10, activation: softmax, prior: {kind: categorical}, discriminator: […]}`.
public struct LatentGroupSpec: Sendable, Equatable {
    /// The group's key under `groups`, which names its discriminator and step metrics.
    public var name: String
    public var size: Int
    /// The layer the group's block of the encoder output goes through (`softmax`); nil leaves it linear.
    public var activation: LayerSpec?
    public var prior: PriorSpec
    /// A layer list that reads the group's code and ends in one probability.
    public var discriminator: [LayerSpec]

    static let keys = ["size", "activation", "prior", "discriminator"]

    public static func == (a: LatentGroupSpec, b: LatentGroupSpec) -> Bool {
        a.name == b.name && a.size == b.size && a.activation == b.activation && a.prior.kind == b.prior.kind
            && a.prior.parameters == b.prior.parameters && a.discriminator == b.discriminator
    }

    /// Whether this is a categorical group: a softmax head matched to one-hot samples.
    var isCategorical: Bool { activation?.kind == Softmax.definition.name && prior.kind == "categorical" }

    /// The name of the group's discriminator in the network plan, checkpoints and exports.
    var discriminatorName: String { "\(name)_discriminator" }

    /// Reads every group of the `groups` mapping, in the order written.
    static func readAll(_ node: ConfigNode) -> [LatentGroupSpec]? {
        guard case .mapping(let mapping) = node.node else {
            node.error("expected a mapping of latent groups such as `{y: {size: 10, …}, z: {size: 10, …}}`, found \(node.found)")
            return nil
        }
        var groups: [LatentGroupSpec] = []
        var complete = true
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.scalar?.string, isIdentifier(name) else {
                node.log.report("a group's name must be a plain identifier (letters, digits, `_`)", at: keyNode, path: node.path)
                complete = false
                continue
            }
            if let group = read(node.child(name, valueNode), name: name) { groups.append(group) } else { complete = false }
        }
        return complete ? groups : nil
    }

    private static func read(_ node: ConfigNode, name: String) -> LatentGroupSpec? {
        guard let fields = node.fields(keys) else { return nil }
        let size = fields.required("size") { $0.int(in: 1...4096) }
        let activation = fields["activation"].flatMap(LayerSpec.read)
        let prior = fields.required("prior") { PriorSpec.read($0) }
        let discriminator = fields.required("discriminator") { NetworkSpec.readLayers($0) }
        if let activation, let activationNode = fields["activation"], let size,
           case let footprint = activation.definition.footprint(activation.resolvedArguments(latent: size, exampleSize: size), .vector(size)),
           footprint.outputFeatures != size || footprint.parameters > 0 || footprint.state > 0 {
            activationNode.error("a group's activation must keep its size, such as `softmax`, `tanh` or `sigmoid`; "
                                 + "found `\(activation.shortForm)`")
        }
        if let prior, prior.kind == "categorical", activation?.kind != Softmax.definition.name {
            (fields["activation"] ?? node).error("a group with a categorical prior is a softmax head: give it `activation: softmax`")
        }
        if let prior, prior.kind == "categorical", let size, size < 2 {
            fields["size"]?.error("a categorical group needs size ≥ 2 (one value per category), found \(size)")
        }
        if let prior, prior.kind == "swiss_roll", let size, size != 2 {
            fields["size"]?.error("a swiss_roll prior is two-dimensional; the group's size is \(size)")
        }
        guard let size, let prior, let discriminator else { return nil }
        return LatentGroupSpec(name: name, size: size, activation: activation, prior: prior, discriminator: discriminator)
    }

    private static func isIdentifier(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        return !name.isEmpty && name.allSatisfy(allowed.contains) && !name.first!.isNumber
    }

    /// The group in flow style, as `show` writes it under `groups`.
    var flowYAML: String {
        var parts = ["size: \(size)"]
        if let activation { parts.append("activation: \(activation.shortForm)") }
        let order = PriorRegistry.definition(prior.kind)?.parameters.map(\.name) ?? prior.parameters.keys.sorted()
        let priorParts = ["kind: \(YAMLScalar.string(prior.kind))"]
            + order.compactMap { name in prior.parameters[name].map { "\(name): \(YAMLScalar.number($0))" } }
        parts.append("prior: {" + priorParts.joined(separator: ", ") + "}")
        parts.append("discriminator: [" + discriminator.map(\.shortForm).joined(separator: ", ") + "]")
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// The group's activation layer and prior, built for its size.
    func build(random: inout RandomGenerator) -> (activation: Layer?, prior: Prior) {
        let layer = activation.map {
            $0.definition.build($0.resolvedArguments(latent: size, exampleSize: size), .vector(size), &random)
        }
        guard let definition = PriorRegistry.definition(prior.kind) else {
            preconditionFailure("prior \(prior.kind) passed validation but is not registered")
        }
        return (layer, definition.build(prior.parameters, size))
    }
}
