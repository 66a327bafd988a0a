import AAECore

/// The experiment file format: which keys exist, their types, defaults and
/// ranges, and the checks that span several keys (network sizes).
enum ExperimentSchema {
    static let rootKeys = ["name", "description", "seed", "output", "data", "model", "prior", "loss",
                           "optimizer", "training"]

    static func read(_ root: ConfigNode) -> Experiment? {
        guard let fields = root.fields(rootKeys) else { return nil }
        let name = fields.required("name", readName)
        let description = fields.optional("description", "") { $0.string() }
        let seed = fields.optional("seed", 1) { $0.int(in: 0...Int.max) }
        let output = fields["output"].flatMap { $0.string() }
        let data = fields.optional("data", DataSpec.default) { DataSpec.read($0) }
        let model = fields.required("model") { ModelSpec.read($0) }
        let latent = model?.latentDimension ?? 1
        let prior = fields.optional("prior", PriorSpec.default) { PriorSpec.read($0) }
        let loss = fields.optional("loss", LossSpec.default) { LossSpec.read($0) }
        let optimizer = fields.optional("optimizer", OptimizerSpec.default) { OptimizerSpec.read($0) }
        let training = fields.optional("training", TrainingSpec.default) { TrainingSpec.read($0) }
        if let model, let modelNode = fields["model"] {
            NetworkSizes.check(model, inputFeatures: data.inputFeatures, at: modelNode)
        }
        _ = latent
        guard let name, let model else { return nil }
        return Experiment(name: name, description: description, seed: UInt64(seed), output: output, data: data,
                          model: model, prior: prior, loss: loss, optimizer: optimizer, training: training)
    }

    private static func readName(_ node: ConfigNode) -> String? {
        guard let name = node.string() else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard !name.isEmpty, name.allSatisfy(allowed.contains), !name.allSatisfy({ $0 == "." }) else {
            node.error("expected a plain identifier (letters, digits, `_`, `-`, `.`; it names a folder), found `\(name)`")
            return nil
        }
        return name
    }
}

extension DataSpec {
    static let `default` = DataSpec(dataset: "mnist", scale: .unit, trainSize: nil, testSize: nil)
    static let datasets = ["mnist"]

    /// The number of features of one example.
    var inputFeatures: Int { 28 * 28 }

    static func read(_ node: ConfigNode) -> DataSpec? {
        guard let fields = node.fields(["dataset", "scale", "train_size", "test_size"]) else { return nil }
        let dataset = fields.optional("dataset", "mnist") { $0.string(oneOf: datasets) }
        let scale = fields.optional("scale", PixelScale.unit) { readScale($0) }
        let trainSize = fields["train_size"].flatMap { $0.int(in: 1...Int.max) }
        let testSize = fields["test_size"].flatMap { $0.int(in: 1...Int.max) }
        return DataSpec(dataset: dataset, scale: scale, trainSize: trainSize, testSize: testSize)
    }

    private static func readScale(_ node: ConfigNode) -> PixelScale? {
        let bounds = node.list()?.compactMap { $0.double() }
        switch bounds {
        case [0, 1]?: return .unit
        case [-1, 1]?: return .symmetric
        case nil: return nil
        default:
            node.error("expected [0, 1] or [-1, 1], found \(node.found)")
            return nil
        }
    }
}

extension ModelSpec {
    static func read(_ node: ConfigNode) -> ModelSpec? {
        guard let fields = node.fields(["kind", "posterior", "latent_dim", "encoder", "decoder", "discriminator"])
        else { return nil }
        let kind = fields.required("kind") { $0.string(oneOf: ModelKind.allCases.map(\.rawValue)) }
            .flatMap(ModelKind.init(rawValue:))
        let posterior = fields.optional("posterior", Posterior.deterministic) {
            $0.string(oneOf: Posterior.allCases.map(\.rawValue)).flatMap(Posterior.init(rawValue:))
        }
        let latent = fields.required("latent_dim") { $0.int(in: 1...4096) }
        let encoder = fields.required("encoder", readNetwork)
        let decoder = fields.required("decoder", readNetwork)
        let discriminator = fields.required("discriminator", readNetwork)
        guard let kind, let latent, let encoder, let decoder, let discriminator else { return nil }
        return ModelSpec(kind: kind, posterior: posterior, latentDimension: latent, encoder: encoder,
                         decoder: decoder, discriminator: discriminator)
    }

    private static func readNetwork(_ node: ConfigNode) -> [LayerSpec]? {
        guard let elements = node.list() else { return nil }
        guard !elements.isEmpty else {
            node.error("expected a non-empty list of layers")
            return nil
        }
        let layers = elements.map(LayerSpec.read)
        guard layers.allSatisfy({ $0 != nil }) else { return nil }
        return layers.compactMap { $0 }
    }
}

extension PriorSpec {
    static let `default` = PriorSpec(kind: "normal", parameters: ["mean": 0, "std": 1])

    static func read(_ node: ConfigNode) -> PriorSpec? {
        guard case .mapping = node.node, let kindNode = node.fields(["kind"] + PriorRegistry.definitions
            .flatMap { $0.parameters.map(\.name) })?["kind"] else {
            if case .mapping = node.node { node.error("missing required key `kind` (one of \(PriorRegistry.names.joined(separator: ", ")))") }
            else { node.error("expected a mapping such as {kind: normal, std: 1}, found \(node.found)") }
            return nil
        }
        guard let kind = kindNode.string(oneOf: PriorRegistry.names), let definition = PriorRegistry.definition(kind),
              let parameters = node.hyperparameters(definition.parameters, extraKeys: ["kind"]) else { return nil }
        return PriorSpec(kind: kind, parameters: parameters)
    }
}

extension LossSpec {
    static let `default` = LossSpec(reconstruction: .mse, reconstructionWeight: 1, adversarialWeight: 1)

    static func read(_ node: ConfigNode) -> LossSpec? {
        guard let fields = node.fields(["reconstruction", "weights"]) else { return nil }
        let reconstruction = fields.optional("reconstruction", ReconstructionLoss.mse) {
            $0.string(oneOf: ReconstructionLoss.allCases.map(\.rawValue)).flatMap(ReconstructionLoss.init(rawValue:))
        }
        var weights: (Float, Float) = (1, 1)
        if let weightsNode = fields["weights"], let weightFields = weightsNode.fields(["reconstruction", "adversarial"]) {
            weights.0 = weightFields.optional("reconstruction", 1) { $0.float(in: 0...1e6) }
            weights.1 = weightFields.optional("adversarial", 1) { $0.float(in: 0...1e6) }
        }
        return LossSpec(reconstruction: reconstruction, reconstructionWeight: weights.0, adversarialWeight: weights.1)
    }
}

extension OptimizerSpec {
    static let `default` = OptimizerSpec(kind: "adam", parameters: ["lr": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7])

    static func read(_ node: ConfigNode) -> OptimizerSpec? {
        let allKeys = ["kind"] + Array(Set(OptimizerRegistry.definitions.flatMap { $0.parameters.map(\.name) })).sorted()
        guard let fields = node.fields(allKeys) else { return nil }
        let kind = fields.optional("kind", "adam") { $0.string(oneOf: OptimizerRegistry.names) }
        guard let definition = OptimizerRegistry.definition(kind) else { return nil }
        let accepted = Set(definition.parameters.map(\.name))
        for (key, value) in fields.values where key != "kind" && !accepted.contains(key) {
            value.error("`\(kind)` has no setting `\(key)`; it takes \(definition.parameters.map(\.name).joined(separator: ", "))")
        }
        var parameters: [String: Double] = [:]
        for parameter in definition.parameters {
            parameters[parameter.name] = fields.optional(parameter.name, parameter.defaultValue) {
                $0.double(in: parameter.range, excludingLower: parameter.excludingLower)
            }
        }
        return OptimizerSpec(kind: kind, parameters: parameters)
    }
}

extension TrainingSpec {
    static let `default` = TrainingSpec(steps: 1000, batchSize: 128, logEvery: 100)

    static func read(_ node: ConfigNode) -> TrainingSpec? {
        guard let fields = node.fields(["steps", "batch_size", "log_every"]) else { return nil }
        let steps = fields.optional("steps", 1000) { $0.int(in: 1...100_000_000) }
        let batchSize = fields.optional("batch_size", 128) { $0.int(in: 1...1_000_000) }
        let logEvery = fields.optional("log_every", 100) { $0.int(in: 1...100_000_000) }
        return TrainingSpec(steps: steps, batchSize: batchSize, logEvery: logEvery)
    }
}
