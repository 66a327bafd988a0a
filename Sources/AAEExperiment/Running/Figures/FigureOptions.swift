import AAECore

/// How a run's figures are drawn, from its `report` section: the manifold's grid, the
/// projection of wide codes in the latent scatter, and what the t-SNE projection needs
/// beyond its settings (a seed for its own random stream, and a way to stop early).
public struct FigureOptions: Sendable {
    public var manifold: ManifoldGridSpec
    public var projection: CodeProjection
    public var tsne: TSNESpec
    /// The run's seed; a t-SNE embedding starts from its `RandomStreams.tsne` stream.
    public var seed: UInt64
    /// Asked during long computations (the t-SNE iterations); a figure whose computation
    /// it stops is not written.
    public var shouldStop: @Sendable () -> Bool

    public init(manifold: ManifoldGridSpec = .default, projection: CodeProjection = .pca, tsne: TSNESpec = .default,
                seed: UInt64 = 1, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.manifold = manifold
        self.projection = projection
        self.tsne = tsne
        self.seed = seed
        self.shouldStop = shouldStop
    }

    /// The options `report` asks for, for a run of `seed`.
    public init(report: ReportSpec, seed: UInt64, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.init(manifold: report.manifold, projection: report.projection, tsne: report.tsne, seed: seed,
                  shouldStop: shouldStop)
    }

    /// The default drawing (20 × 20 manifold over the central quantiles, PCA).
    public static let `default` = FigureOptions()
}
