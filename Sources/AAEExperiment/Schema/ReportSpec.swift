/// What a run writes besides metrics.csv and config.resolved.yaml: which
/// figures and how they are drawn, snapshots of the code during training, and
/// whether it evaluates the model on held-out data at the end (eval.csv).
/// Leaving out what is not looked at saves time in sweeps and tests.
public struct ReportSpec: Sendable, Equatable {
    /// The figures every model kind can draw, by the name of its file without `.png`.
    public static let plotNames = RunFigures.plotNames

    /// The figures to draw, in the order of the figures the model's kind can draw
    /// (`plotNames`, then the kind's own); a figure that does not apply to the
    /// model or the data is skipped all the same.
    public var plots: [String]
    /// Whether the held-out evaluation runs at the end of training and writes eval.csv.
    public var evaluation: Bool
    /// Every this many steps the latent scatter and the manifold are drawn into
    /// `snapshots/`; 0 for no snapshots.
    public var snapshotEvery: Int
    /// The grid the manifold decodes.
    public var manifold: ManifoldGridSpec
    /// How the latent scatter draws codes wider than 2.
    public var projection: CodeProjection
    /// The t-SNE settings, used when `projection` is `.tsne`.
    public var tsne: TSNESpec

    public init(plots: [String], evaluation: Bool, snapshotEvery: Int = 0, manifold: ManifoldGridSpec = .default,
                projection: CodeProjection = .pca, tsne: TSNESpec = .default) {
        self.plots = plots
        self.evaluation = evaluation
        self.snapshotEvery = snapshotEvery
        self.manifold = manifold
        self.projection = projection
        self.tsne = tsne
    }

    /// Every common figure, and the evaluation: the report of a kind without figures of its own.
    public static let `default` = ReportSpec(plots: plotNames, evaluation: true)

    /// Every figure of `plotNames` (those a model's kind can draw), and the evaluation.
    static func all(_ plotNames: [String]) -> ReportSpec {
        ReportSpec(plots: plotNames, evaluation: true)
    }
}

extension ReportSpec {
    static let keys = ["plots", "eval", "snapshot_every", "manifold", "projection", "tsne"]

    /// The report of `node`, whose `plots` may name the figures of `plotNames`.
    static func read(_ node: ConfigNode, plotNames: [String]) -> ReportSpec? {
        guard let fields = node.fields(keys) else { return nil }
        let plots = fields.optional("plots", plotNames) { readPlots($0, plotNames: plotNames) }
        let evaluation = fields.optional("eval", true) { $0.bool() }
        let snapshotEvery = fields.optional("snapshot_every", 0) { $0.int(in: 0...Int.max) }
        let manifold = fields.optional("manifold", ManifoldGridSpec.default) { ManifoldGridSpec.read($0) }
        let projection = fields.optional("projection", CodeProjection.pca) { node in
            node.string(oneOf: CodeProjection.allCases.map(\.rawValue)).flatMap(CodeProjection.init(rawValue:))
        }
        let tsne = fields.optional("tsne", TSNESpec.default) { TSNESpec.read($0) }
        return ReportSpec(plots: plots, evaluation: evaluation, snapshotEvery: snapshotEvery, manifold: manifold,
                          projection: projection, tsne: tsne)
    }

    private static func readPlots(_ node: ConfigNode, plotNames: [String]) -> [String]? {
        guard let elements = node.list() else { return nil }
        var chosen: Set<String> = []
        for element in elements {
            guard let name = element.string(oneOf: plotNames) else { continue }
            if !chosen.insert(name).inserted { element.error("`\(name)` is listed twice") }
        }
        return plotNames.filter(chosen.contains)
    }
}

extension ReportSpec {
    /// Logging evaluation metrics during training needs the evaluation.
    func checkEvaluationEvery(_ training: TrainingSpec, fields: Fields) {
        guard !evaluation, training.evalEvery > 0, let node = fields["report"]?.lookup("eval") else { return }
        node.error("`eval: false` skips the evaluation, but training.eval_every is \(training.evalEvery); set it to 0")
    }
}
