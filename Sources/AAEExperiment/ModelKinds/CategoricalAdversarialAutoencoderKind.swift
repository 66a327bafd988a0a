import AAECore

/// The categorical adversarial autoencoder's own keys.
public struct CategoricalAdversarialAutoencoderSettings: ModelKindSettings, Equatable {
    /// The latent groups in the order the encoder outputs them: one categorical, one style.
    public var groups: [LatentGroupSpec]
    /// The class-balanced labelled examples of the semi-supervised phase; nil when it clusters.
    public var labelledSubset: LabelledSubset?
    /// The phases each step runs.
    public var phases: [TrainingPhase]
    /// `η` of the cluster heads' penalty, when the representation is `W_c · y + z`.
    public var clusterHeadThreshold: Double?

    public init(groups: [LatentGroupSpec], labelledSubset: LabelledSubset? = nil, phases: [TrainingPhase],
                clusterHeadThreshold: Double? = nil) {
        self.groups = groups
        self.labelledSubset = labelledSubset
        self.phases = phases
        self.clusterHeadThreshold = clusterHeadThreshold
    }

    var categorical: LatentGroupSpec { groups.first(where: \.isCategorical)! }
    var style: LatentGroupSpec { groups.first { !$0.isCategorical }! }

    /// The code's size: the groups side by side, or the style's size with cluster heads.
    var codeSize: Int { clusterHeadThreshold == nil ? groups.reduce(0) { $0 + $1.size } : style.size }

    /// The phases that apply when `phases` is not given: reconstruction and
    /// regularisation, plus classification with labels and the cluster heads' phase with heads.
    static func defaultPhases(labelled: Bool, clusterHeads: Bool) -> [TrainingPhase] {
        [.reconstruction, .discriminator, .generator] + (labelled ? [.classification] : [])
            + (clusterHeads ? [.clusterHeads] : [])
    }
}

/// `kind: categorical_aae`: the AAE whose code is a categorical group `y` and a
/// style group `z`, each with its own prior and discriminator (Makhzani et al.,
/// 2015): semi-supervised with `labels_per_class`, clustering without, and
/// dimensionality reduction with `cluster_heads`; `phases: [classification]` is the
/// same encoder trained as a plain classifier on the labelled examples alone.
struct CategoricalAdversarialAutoencoderKind: ModelKindDefinition {
    let name = "categorical_aae"
    let derivesLatentDimension = true
    let keys = [
        ModelKindKey("groups", .network),
        ModelKindKey("labels_per_class", .training), ModelKindKey("phases", .training),
        ModelKindKey("cluster_heads", .training),
    ]
    var evaluationMetrics: [any EvaluationMetric] { [ClassificationErrorMetric(), ClusterErrorMetric()] }
    var figures: [any RunFigure.Type] { RunFigures.categoricalCode }

    func readSettings(_ fields: Fields) -> (any ModelKindSettings)? {
        let groups = fields.required("groups", LatentGroupSpec.readAll)
        let labelled = fields["labels_per_class"].flatMap(readLabelledSubset)
        let threshold = fields["cluster_heads"].flatMap(readClusterHeads)
        let phases = fields.optional("phases", CategoricalAdversarialAutoencoderSettings.defaultPhases(
            labelled: labelled != nil, clusterHeads: threshold != nil), readPhases)
        if let supervision = fields["supervision"], supervision.text != Supervision.none.rawValue {
            supervision.error("`supervision` does not apply to a model of kind `\(name)`: its labels are "
                              + "`labels_per_class` labelled examples per class")
        }
        guard let groups, let groupsNode = fields["groups"] else { return nil }
        guard groups.count == 2, groups.filter(\.isCategorical).count == 1 else {
            groupsNode.error("expected two groups, one categorical (`activation: softmax`, `prior: {kind: categorical}`) "
                             + "and one style group, found \(groups.count) group(s), "
                             + "\(groups.filter(\.isCategorical).count) of them categorical")
            return nil
        }
        let settings = CategoricalAdversarialAutoencoderSettings(groups: groups, labelledSubset: labelled, phases: phases,
                                                                 clusterHeadThreshold: threshold)
        check(settings, fields: fields)
        return settings
    }

    private func check(_ settings: CategoricalAdversarialAutoencoderSettings, fields: Fields) {
        let classes = NetworkSizes.classCount
        if settings.labelledSubset != nil, settings.categorical.size != classes, let node = fields["labels_per_class"] {
            node.error("labelled examples name one of \(classes) classes, so the categorical group `\(settings.categorical.name)` "
                       + "needs size \(classes), found \(settings.categorical.size)")
        }
        let phasesNode = fields["phases"]
        if settings.phases.contains(.classification), settings.labelledSubset == nil {
            phasesNode?.error("the `classification` phase learns from labelled examples: give `labels_per_class`")
        }
        if settings.phases.contains(.clusterHeads), settings.clusterHeadThreshold == nil {
            phasesNode?.error("the `cluster_heads` phase needs `cluster_heads: {threshold: …}`")
        }
        if settings.phases.contains(.generator) != settings.phases.contains(.discriminator) {
            phasesNode?.error("`discriminator` and `generator` are the regularisation phase's two halves: give both or neither")
        }
        if settings.labelledSubset != nil, !settings.phases.contains(.classification), let node = fields["labels_per_class"] {
            node.error("labelled examples are learnt in the `classification` phase, which `phases` leaves out")
        }
    }

    /// `labels_per_class: 10` (class-balanced) or `labels_per_class: all`.
    private func readLabelledSubset(_ node: ConfigNode) -> LabelledSubset? {
        if node.text == "all" { return .all }
        guard let text = node.text, Int(text) != nil else {
            node.error("expected a number of labelled examples per class or `all`, found \(node.found)")
            return nil
        }
        return node.int(in: 1...1_000_000).map(LabelledSubset.perClass)
    }

    private func readClusterHeads(_ node: ConfigNode) -> Double? {
        guard let fields = node.fields(["threshold"]) else { return nil }
        return fields.required("threshold") { $0.double(in: 0...1e6, excludingLower: true) }
    }

    private func readPhases(_ node: ConfigNode) -> [TrainingPhase]? {
        guard let elements = node.list() else { return nil }
        let names = TrainingPhase.allCases.map(\.name)
        let phases = elements.compactMap { element in
            element.string(oneOf: names).flatMap { name in TrainingPhase.allCases.first { $0.name == name } }
        }
        guard phases.count == elements.count else { return nil }
        guard !phases.isEmpty else {
            node.error("expected at least one phase of \(Suggestions.list(names))")
            return nil
        }
        return TrainingPhase.allCases.filter(phases.contains)
    }

    func values(_ settings: any ModelKindSettings) -> [String: String] {
        let settings = Self.settings(settings)
        var values = ["groups": settings.groups.map { "\n    \($0.name): \($0.flowYAML)" }.joined(),
                      "phases": "[" + settings.phases.map(\.name).joined(separator: ", ") + "]"]
        switch settings.labelledSubset {
        case .perClass(let count)?: values["labels_per_class"] = String(count)
        case .all?: values["labels_per_class"] = "all"
        case nil: break
        }
        if let threshold = settings.clusterHeadThreshold {
            values["cluster_heads"] = "{threshold: \(YAMLScalar.number(threshold))}"
        }
        return values
    }

    func posterior(_ settings: any ModelKindSettings) -> Posterior { .deterministic }

    func latentDimension(_ settings: any ModelKindSettings) -> Int? { Self.settings(settings).codeSize }

    /// The encoder outputs every group's block side by side, which the groups' activations turn into their codes.
    func encoderOutput(_ model: ModelSpec) -> (features: Int, ending: String)? {
        let groups = Self.settings(model.settings).groups
        let total = groups.reduce(0) { $0 + $1.size }
        let parts = groups.map { "\($0.name) \($0.size)" }.joined(separator: " + ")
        return (total, "`dense \(total)` (the groups' blocks: \(parts))")
    }

    /// Each group's discriminator, then the cluster heads `W_c` (a dense layer without bias, network `w_c`).
    func extraNetworks(_ model: ModelSpec) -> [PlannedNetwork] {
        let settings = Self.settings(model.settings)
        var networks = settings.groups.map { group in
            PlannedNetwork(name: group.discriminatorName, spec: .layers(group.discriminator),
                           inputs: [(group.size, "\(group.name) code")], output: 1, ending: "`dense 1` and `sigmoid`")
        }
        if settings.clusterHeadThreshold != nil {
            let style = settings.style.size
            let heads = LayerSpec(kind: Dense.definition.name,
                                  arguments: ["units": .size(.literal(style)), "bias": .flag(false)],
                                  keyPath: "model.cluster_heads", line: 0, column: 0)
            networks.append(PlannedNetwork(name: Self.clusterHeadsNetwork, spec: .layers([heads]),
                                           inputs: [(settings.categorical.size, "categories")], output: style,
                                           ending: "`dense \(style)`"))
        }
        return networks
    }

    func summaryNote(_ settings: any ModelKindSettings) -> String? {
        let settings = Self.settings(settings)
        let groups = settings.groups.map { "\($0.name) \($0.size) (\($0.prior.kind))" }.joined(separator: ", ")
        let labels: String
        switch settings.labelledSubset {
        case .perClass(let count)?: labels = "\(count) labels per class"
        case .all?: labels = "every label"
        case nil: labels = "no labels"
        }
        return "groups \(groups); \(labels)" + (settings.clusterHeadThreshold == nil ? "" : "; code W_c·y + z")
    }

    func model(_ parts: ModelParts) -> TrainableModel {
        let settings = Self.settings(parts.spec.settings)
        var random = parts.random
        let groups = settings.groups.map { spec -> LatentGroup in
            let (activation, prior) = spec.build(random: &random)
            return LatentGroup(name: spec.name, size: spec.size, activation: activation, prior: prior,
                               discriminator: parts.network(spec.discriminatorName))
        }
        return CategoricalAdversarialAutoencoder(
            encoder: parts.networks.encoder.trunk, decoder: parts.networks.decoder, groups: groups,
            clusterHeads: settings.clusterHeadThreshold.map { _ in parts.network(Self.clusterHeadsNetwork) },
            clusterHeadPenalty: settings.clusterHeadThreshold.map { ClusterHeadPenalty(threshold: Float($0)) },
            phases: settings.phases, labelledSubset: settings.labelledSubset,
            reconstruction: parts.experiment.loss.reconstruction, batchSize: parts.batchSize,
            optimizers: ModelBuilder.optimizerMaker(parts.experiment), random: parts.random)
    }

    /// Each phase's optimizer over the parameters it updates.
    func optimizerStateValues(_ footprint: ModelFootprint, spec: ModelSpec, slots: (TrainingPhase) -> Int) -> Int {
        let settings = Self.settings(spec.settings)
        let encoder = footprint.encoder.parameters
        let heads = settings.clusterHeadThreshold == nil ? 0 : footprint.network(Self.clusterHeadsNetwork).parameters
        let discriminators = settings.groups.map { footprint.network($0.discriminatorName).parameters }
            .reduce(0, LayerFootprint.sum)
        return settings.phases.map { phase -> Int in
            switch phase {
            case .reconstruction:
                return ModelFootprint.times(slots(phase), ModelFootprint.values(encoder, footprint.decoder.parameters, heads))
            case .discriminator: return ModelFootprint.times(slots(phase), discriminators)
            case .clusterHeads: return ModelFootprint.times(slots(phase), heads)
            default: return ModelFootprint.times(slots(phase), encoder)
            }
        }.reduce(0, LayerFootprint.sum)
    }

    /// Three encoder passes (reconstruction, regularisation, classification), the
    /// decoder, four passes of each discriminator and the losses' buffers.
    func trainingValuesPerExample(_ footprint: ModelFootprint, spec: ModelSpec) -> Int {
        let settings = Self.settings(spec.settings)
        return ([ModelFootprint.times(3, footprint.encoder.trainingValuesPerExample),
             footprint.decoder.trainingValuesPerExample,
             ModelFootprint.times(5, footprint.exampleFeatures), ModelFootprint.times(8, footprint.latentDimension)]
            + settings.groups.map { ModelFootprint.times(4, footprint.network($0.discriminatorName).trainingValuesPerExample) })
            .reduce(0, LayerFootprint.sum)
    }

    /// The cluster heads' network in the plan, checkpoints and exports: the paper's `W_c`
    /// (not `cluster_heads`, the key that turns them on).
    static let clusterHeadsNetwork = "w_c"

    static func settings(_ settings: any ModelKindSettings) -> CategoricalAdversarialAutoencoderSettings {
        guard let settings = settings as? CategoricalAdversarialAutoencoderSettings else {
            preconditionFailure("a categorical_aae model holds CategoricalAdversarialAutoencoderSettings")
        }
        return settings
    }
}
