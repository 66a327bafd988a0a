import AAECore

/// The experiment file format: which keys exist, their types, defaults and
/// ranges, and the checks that span several keys (network sizes).
enum ExperimentSchema {
    static let rootKeys = ["name", "description", "seed", "output", "data", "model", "prior", "loss",
                           "optimizer", "training", "eval", "report", "sweep", "extends"]

    static func read(_ root: ConfigNode) -> Experiment? {
        guard let fields = root.fields(rootKeys) else { return nil }
        let name = fields.required("name", readName)
        let description = fields.optional("description", "") { $0.string() }
        let seed = fields.optional("seed", 1) { $0.int(in: 0...Int.max) }
        let output = fields["output"].flatMap { readOutput($0) }
        let readData: DataSpec? = fields["data"].map { DataSpec.read($0) } ?? DataSpec.default
        let data = readData ?? DataSpec.default
        let model = fields.required("model") { ModelSpec.read($0) }
        let prior = fields.optional("prior", PriorSpec.default) { PriorSpec.read($0) }
        let loss = fields.optional("loss", LossSpec.default) { LossSpec.read($0) }
        let optimizer = fields.optional("optimizer", OptimizerSpec.default) { OptimizerSpec.read($0) }
        let training = fields.optional("training", TrainingSpec.default) { TrainingSpec.read($0) }
        let evaluation = fields.optional("eval", EvaluationSpec.default) { EvaluationSpec.read($0) }
        let plotNames = model.map { RunFigures.figures(for: $0.definition).map { $0.plotName } } ?? ReportSpec.plotNames
        let report = fields.optional("report", ReportSpec.all(plotNames)) { ReportSpec.read($0, plotNames: plotNames) }
        checkBatchSize(training, against: data, fields: fields)
        report.checkEvaluationEvery(training, fields: fields)
        let sweep = fields["sweep"].flatMap { SweepSpec.read($0) }
        if let model, let modelNode = fields["model"], readData != nil {
            NetworkSizes.check(NetworkPlan(model, inputFeatures: data.inputFeatures, imageShape: data.imageShape),
                               at: modelNode)
            checkPrior(prior, for: model, at: fields["prior"] ?? modelNode)
        }
        guard let name, let model else { return nil }
        return Experiment(name: name, description: description, seed: UInt64(seed), output: output, data: data,
                          model: model, prior: prior, loss: loss, optimizer: optimizer, training: training, evaluation: evaluation,
                          sweep: sweep, report: report)
    }

    /// The checks that relate the prior to the model.
    private static func checkPrior(_ prior: PriorSpec, for model: ModelSpec, at node: ConfigNode) {
        if prior.kind == "uniform", let low = prior.parameters["low"], let high = prior.parameters["high"], low >= high {
            node.error("a uniform prior needs low < high, found low \(low.formatted) and high \(high.formatted)")
        }
        if prior.kind == "categorical", model.definition.matchesPrior, model.latentDimension < 2 {
            node.error("a categorical prior needs latent_dim ≥ 2 (one dimension per class)")
        }
        if prior.kind == "swiss_roll", model.latentDimension != 2 {
            node.error("a swiss_roll prior is two-dimensional; latent_dim is \(model.latentDimension)")
        }
        guard model.supervision == .label_aware else { return }
        let components: Double?
        switch prior.kind {
        case "mixture": components = prior.parameters["components"]
        case "swiss_roll": components = prior.parameters["segments"]
        case "categorical": components = Double(model.latentDimension)
        default: components = nil
        }
        guard let components else {
            node.error("`label_aware` needs a prior with one part per label: mixture, swiss_roll or categorical, found `\(prior.kind)`")
            return
        }
        if Int(components) != NetworkSizes.classCount {
            node.error("`label_aware` needs one prior part per class (\(NetworkSizes.classCount)), found \(Int(components))")
        }
    }

    private static func readName(_ node: ConfigNode) -> String? {
        guard let name = node.string() else { return nil }
        guard name.utf8.count <= PathLimits.maximumNameBytes else {
            node.error("the name is \(name.utf8.count) bytes long, but it names the results folder and a folder name "
                       + "may have at most \(PathLimits.maximumNameBytes) bytes; shorten it")
            return nil
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        guard !name.isEmpty, name.allSatisfy(allowed.contains), !name.allSatisfy({ $0 == "." }) else {
            node.error("expected a plain identifier (letters, digits, `_`, `-`, `.`; it names a folder), found `\(name)`")
            return nil
        }
        return name
    }

    /// The `output` folder, each of its names at most `PathLimits.maximumNameBytes` long.
    private static func readOutput(_ node: ConfigNode) -> String? {
        guard let output = node.string() else { return nil }
        if let problem = PathLimits.problem(output) {
            node.error(problem)
            return nil
        }
        return output
    }
}

extension ModelSpec {
    /// The keys of `model`: the common ones, with every kind's own keys in their groups.
    static var keys: [String] {
        ["kind"] + ModelKindRegistry.keys(.posterior) + ["latent_dim", "encoder", "decoder"]
            + ModelKindRegistry.keys(.network) + ModelKindRegistry.keys(.training) + ["supervision", "labelled_fraction"]
            + ModelKindRegistry.keys(.sampling)
    }

    static func read(_ node: ConfigNode) -> ModelSpec? {
        guard let fields = node.fields(keys) else { return nil }
        let definition = fields.required("kind") { $0.string(oneOf: ModelKindRegistry.names) }
            .flatMap(ModelKindRegistry.definition)
        let settings = definition?.readSettings(fields)
        let latent = definition?.derivesLatentDimension == true
            ? settings.flatMap { settings in readLatentDimension(fields, derived: definition?.latentDimension(settings)) }
            : readLatentDimension(fields, derived: nil)
        let gaussianEncoder = definition.flatMap { kind in settings.map { kind.posterior($0) == .gaussian } } ?? false
        let encoder = fields.required("encoder") { NetworkSpec.read($0, allowsGaussianHeads: gaussianEncoder) }
        let decoder = fields.required("decoder") { NetworkSpec.read($0, allowsGaussianHeads: false) }
        let supervision = fields.optional("supervision", Supervision.none) {
            $0.string(oneOf: Supervision.allCases.map(\.rawValue)).flatMap(Supervision.init(rawValue:))
        }
        let labelledFraction = fields.optional("labelled_fraction", 1) { $0.double(in: 0...1) }
        if let definition {
            let applied = settings.map(definition.appliedKeys) ?? Set(definition.keys.map(\.name))
            for key in Set(ModelKindRegistry.definitions.flatMap { $0.keys.map(\.name) }).sorted() where !applied.contains(key) {
                fields[key]?.error("`\(key)` does not apply to a model of kind `\(definition.name)`")
            }
            checkSupervision(supervision, labelledFraction: labelledFraction, of: definition, fields: fields)
        }
        guard let definition, let settings, let latent, let encoder, let decoder else { return nil }
        return ModelSpec(kind: definition.name, latentDimension: latent, encoder: encoder, decoder: decoder,
                         supervision: supervision, labelledFraction: labelledFraction, settings: settings)
    }

    /// `latent_dim`, or the size the kind's own keys give the code: then
    /// `latent_dim` may be left out, and when given must agree.
    private static func readLatentDimension(_ fields: Fields, derived: Int?) -> Int? {
        guard let derived else { return fields.required("latent_dim") { $0.int(in: 1...4096) } }
        if let node = fields["latent_dim"], let given = node.int(in: 1...4096), given != derived {
            node.error("the code's size follows from the model's groups: \(derived), found latent_dim \(given); "
                       + "remove latent_dim or write \(derived)")
        }
        return derived
    }

    /// `label_aware` needs a model that reads label slots; `labelled_fraction` hides
    /// labels, which only such a model can take: any other model would read a hidden
    /// label as a class.
    private static func checkSupervision(_ supervision: Supervision, labelledFraction: Double,
                                         of definition: any ModelKindDefinition, fields: Fields) {
        let labelAwareKinds = ModelKindRegistry.definitions.filter(\.readsLabelSlots)
            .map { "`\($0.name)`" }.joined(separator: " or ")
        if supervision == .label_aware && !definition.readsLabelSlots {
            fields["supervision"]?.error("`label_aware` needs a discriminator: use it with kind \(labelAwareKinds)")
        }
        if supervision != .label_aware && labelledFraction != 1 {
            fields["labelled_fraction"]?.error(
                "`labelled_fraction` hides labels, which only a `label_aware` model takes (supervision is "
                + "`\(supervision.rawValue)`): remove it, or use supervision `label_aware` with kind \(labelAwareKinds)")
        }
    }
}

extension PriorSpec {
    static let `default` = PriorSpec(kind: "normal", parameters: ["mean": 0, "std": 1])

    static func read(_ node: ConfigNode) -> PriorSpec? {
        let keys = ["kind"] + Set(PriorRegistry.definitions.flatMap { $0.parameters.map(\.name) }).sorted()
        guard let fields = node.fields(keys),
              let kind = fields.required("kind", { $0.string(oneOf: PriorRegistry.names) }),
              let definition = PriorRegistry.definition(kind) else { return nil }
        let parameters = fields.hyperparameters(definition.parameters, of: kind)
        for name in ["components", "segments"] {
            if let value = parameters[name], value != value.rounded() { fields[name]?.error("expected a whole number, found \(value.formatted)") }
        }
        return PriorSpec(kind: kind, parameters: parameters)
    }
}

extension LossSpec {
    static let `default` = LossSpec(reconstruction: .mse, reconstructionWeight: 1, adversarialWeight: 1, sparsity: .none)

    static func read(_ node: ConfigNode) -> LossSpec? {
        guard let fields = node.fields(["reconstruction", "weights", "sparsity"]) else { return nil }
        let reconstruction = fields.optional("reconstruction", ReconstructionLoss.mse) {
            $0.string(oneOf: ReconstructionLoss.allCases.map(\.rawValue)).flatMap(ReconstructionLoss.init(rawValue:))
        }
        var weights: (Float, Float) = (1, 1)
        if let weightsNode = fields["weights"], let weightFields = weightsNode.fields(["reconstruction", "adversarial"]) {
            weights.0 = weightFields.optional("reconstruction", 1) { $0.float(in: 0...1e6) }
            weights.1 = weightFields.optional("adversarial", 1) { $0.float(in: 0...1e6) }
        }
        let sparsity = fields.optional("sparsity", SparsityPenalty.none, readSparsity)
        return LossSpec(reconstruction: reconstruction, reconstructionWeight: weights.0, adversarialWeight: weights.1,
                        sparsity: sparsity)
    }

    private static func readSparsity(_ node: ConfigNode) -> SparsityPenalty? {
        guard let fields = node.fields(["kind", "lambda", "target", "weight"]) else { return nil }
        switch fields.required("kind", { $0.string(oneOf: ["l1", "kl"]) }) {
        case "l1"?:
            for key in ["target", "weight"] { fields[key]?.error("`\(key)` belongs to the `kl` penalty") }
            return .l1(lambda: fields.optional("lambda", 1e-4) { $0.float(in: 0...1e6) })
        case "kl"?:
            fields["lambda"]?.error("`lambda` belongs to the `l1` penalty; the `kl` penalty takes target and weight")
            let target = fields.optional("target", 0.05) { $0.float(in: 0...1, excludingLower: true, excludingUpper: true) }
            return .kl(target: target, weight: fields.optional("weight", 1) { $0.float(in: 0...1e6) })
        default:
            return nil
        }
    }
}

extension OptimizerSpec {
    static let `default` = OptimizerSpec(
        shared: OptimizerSetting(kind: "adam", parameters: ["lr": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7]),
        phases: [:])

    static func read(_ node: ConfigNode) -> OptimizerSpec? {
        guard let fields = node.fields(["kind", "schedule"] + hyperparameterNames + phaseKeys),
              let shared = setting(from: fields, inheriting: nil) else { return nil }
        var perPhase: [TrainingPhase: OptimizerSetting] = [:]
        for phase in TrainingPhase.allCases {
            guard let phaseFields = fields[phase.name]?.fields(["kind", "schedule"] + hyperparameterNames) else { continue }
            perPhase[phase] = setting(from: phaseFields, inheriting: shared)
        }
        return OptimizerSpec(shared: shared, phases: perPhase)
    }

    /// The keys of the per-phase settings.
    private static var phaseKeys: [String] { TrainingPhase.allCases.map(\.name) }

    private static var hyperparameterNames: [String] {
        Array(Set(OptimizerRegistry.definitions.flatMap { $0.parameters.map(\.name) })).sorted()
    }

    /// Reads `kind` and hyperparameters; a phase's setting inherits the shared
    /// one's values unless it names another kind.
    private static func setting(from fields: Fields, inheriting base: OptimizerSetting?) -> OptimizerSetting? {
        let kind = fields.optional("kind", base?.kind ?? "adam") { $0.string(oneOf: OptimizerRegistry.names) }
        guard let definition = OptimizerRegistry.definition(kind) else { return nil }
        let inherited = base?.kind == kind ? base?.parameters ?? [:] : [:]
        let parameters = fields.hyperparameters(definition.parameters, of: kind, inherited: inherited,
                                                ignoring: ["kind", "schedule"] + phaseKeys)
        let baseSchedule = base?.schedule ?? .constant
        let schedule = fields["schedule"].flatMap { ScheduleSetting.read($0, inheriting: baseSchedule) } ?? baseSchedule
        return OptimizerSetting(kind: kind, parameters: parameters, schedule: schedule)
    }
}

extension TrainingSpec {
    static let `default` = TrainingSpec(steps: 1000, batchSize: 128, logEvery: 100, evalEvery: 0)

    static func read(_ node: ConfigNode) -> TrainingSpec? {
        guard let fields = node.fields(["steps", "batch_size", "log_every", "eval_every", "checkpoint_every", "epochs"]) else { return nil }
        let steps = fields.optional("steps", 1000) { $0.int(in: 1...100_000_000) }
        let batchSize = fields.optional("batch_size", 128) { $0.int(in: 1...1_000_000) }
        let logEvery = fields.optional("log_every", 100) { $0.int(in: 1...100_000_000) }
        let evalEvery = fields.optional("eval_every", 0) { $0.int(in: 0...100_000_000) }
        let checkpointEvery = fields.optional("checkpoint_every", 0) { $0.int(in: 0...100_000_000) }
        let epochs = fields["epochs"].flatMap { $0.int(in: 1...1_000_000) }
        if fields["steps"] != nil, let epochsNode = fields["epochs"] {
            epochsNode.error("give either `steps` or `epochs`, not both")
        }
        if evalEvery > 0, evalEvery % logEvery != 0 {
            fields["eval_every"]?.error("expected a multiple of log_every (\(logEvery)), found \(evalEvery)")
        }
        return TrainingSpec(steps: steps, batchSize: batchSize, logEvery: logEvery, evalEvery: evalEvery,
                            checkpointEvery: checkpointEvery, epochs: epochs)
    }
}

extension EvaluationSpec {
    static func read(_ node: ConfigNode) -> EvaluationSpec? {
        guard let fields = node.fields(["knn_k", "parzen_samples", "importance_samples"]) else { return nil }
        return EvaluationSpec(
            neighbours: fields.optional("knn_k", 5) { $0.int(in: 1...1000) },
            parzenSamples: fields.optional("parzen_samples", 10_000) { $0.int(in: 0...100_000) },
            importanceSamples: fields.optional("importance_samples", 1) { $0.int(in: 1...10_000) })
    }
}
